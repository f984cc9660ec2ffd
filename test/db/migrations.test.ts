import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRoster } from '../../commands/core/roster/parse-roster.js';
import { type Database, openDatabase } from '../../db/client.js';
import { saveCampaign } from '../../db/queries/campaign.js';
import { listUnits } from '../../db/queries/units.js';
import { importRoster } from '../../db/roster/import-roster.js';
import { TEST_CAMPAIGN } from '../../testing/test-bot.js';

const TABLES = [
  'approval_requests',
  'audit_log',
  'campaigns',
  'event_steps',
  'events',
  'idempotency_keys',
  'role_assignments',
  'tweets',
  'units',
  'youtube_links',
];

const AT = new Date('2026-09-01T14:00:00Z');

let dir: string;
let path: string;
const opened: Database[] = [];

function open(): Database {
  const db = openDatabase(path);
  opened.push(db);
  return db;
}

function tableNames(db: Database): string[] {
  return db.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => (row as { name: string }).name);
}

function migrationCount(db: Database): number {
  return (db.sqlite.prepare('SELECT count(*) AS total FROM __drizzle_migrations').get() as { total: number }).total;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  // A folder that does not exist yet: openDatabase creates it.
  path = join(dir, 'data', 'rendicion.db');
});

afterEach(() => {
  for (const db of opened.splice(0)) if (db.sqlite.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates every table in a new file', () => {
    const names = tableNames(open());
    for (const table of TABLES) expect(names).toContain(table);
  });

  it('turns on WAL journaling', () => {
    expect(open().sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('turns on foreign key checks', () => {
    expect(open().sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('records every migration of the journal as applied', () => {
    const journal = JSON.parse(
      readFileSync(new URL('../../db/migrations/meta/_journal.json', import.meta.url), 'utf8'),
    ) as { entries: unknown[] };
    expect(journal.entries.length).toBeGreaterThan(0);
    expect(migrationCount(open())).toBe(journal.entries.length);
  });

  it('keeps the data and applies no migration again when the same file is reopened', () => {
    const first = open();
    const { campaign } = saveCampaign(first, TEST_CAMPAIGN, 'test', AT);
    const { rows } = parseRoster(
      'codigo,nombre,provincia,tipo,responsable\nPIC-DP,Pichincha,Pichincha,dp,oficial-pic\n',
    );
    importRoster(first, { campaignId: campaign.id, rows, actor: 'test', at: AT });
    const migrationsBefore = migrationCount(first);
    const tablesBefore = tableNames(first);
    first.close();

    const second = open();

    expect(migrationCount(second)).toBe(migrationsBefore);
    expect(tableNames(second)).toEqual(tablesBefore);
    expect(second.sqlite.prepare('SELECT name, window_start FROM campaigns').all()).toEqual([
      { name: 'Rendición de Cuentas 2026', window_start: '2026-09-12' },
    ]);
    expect(listUnits(second, campaign.id).map((unit) => [unit.code, unit.name, unit.officer])).toEqual([
      ['PIC-DP', 'Pichincha', 'oficial-pic'],
    ]);
  });
});

describe('migration 0012: steps proved by evidence', () => {
  it('keeps the YouTube and presentation ticks a link backs as evidence, and turns the hand ones into "declarado sin enlace"', () => {
    const db = open();
    const { campaign } = saveCampaign(db, TEST_CAMPAIGN, 'test', AT);
    const { rows } = parseRoster(
      'codigo,nombre,provincia,tipo,responsable\nPIC-DP,Pichincha,Pichincha,dp,\nGUA-DP,Guayas,Guayas,dp,\nMAN-DP,Manabí,Manabí,dp,\n',
    );
    importRoster(db, { campaignId: campaign.id, rows, actor: 'test', at: AT });
    const run = (sql: string, ...values: unknown[]) => db.sqlite.prepare(sql).run(...values);
    for (const unitId of [1, 2, 3]) {
      run(
        "INSERT INTO events (campaign_id, unit_id, starts_at, platform, registered_by, updated_at) VALUES (?, ?, ?, 'zoom', 't', ?)",
        campaign.id,
        unitId,
        AT.getTime(),
        AT.getTime(),
      );
    }
    // As a database before 0012 holds them: every tick `hand`; PIC-DP's link verified, GUA-DP's refused.
    const tick = (eventId: number, stepId: string) =>
      run(
        "INSERT INTO event_steps (event_id, step_id, done_by, done_at, source) VALUES (?, ?, 'x', 0, 'hand')",
        eventId,
        stepId,
      );
    tick(1, 'youtube');
    tick(2, 'youtube');
    tick(3, 'presentacion');
    tick(3, 'invitacion');
    run(
      "INSERT INTO youtube_links (event_id, url, video_id, verification, reported_by, reported_at) VALUES (1, 'u', 'v', 'verified', 'x', 0)",
    );
    run(
      "INSERT INTO youtube_links (event_id, url, video_id, verification, reported_by, reported_at) VALUES (2, 'u', 'w', 'refused', 'x', 0)",
    );
    const migration = readFileSync(new URL('../../db/migrations/0012_evidence_steps.sql', import.meta.url), 'utf8');
    for (const statement of migration.split('--> statement-breakpoint').filter((text) => text.includes('UPDATE'))) {
      db.sqlite.exec(statement);
    }
    expect(
      db.sqlite.prepare('SELECT event_id, step_id, source FROM event_steps ORDER BY event_id, step_id').all(),
    ).toEqual([
      { event_id: 1, step_id: 'youtube', source: 'evidence' },
      { event_id: 2, step_id: 'youtube', source: 'declared' },
      { event_id: 3, step_id: 'invitacion', source: 'hand' },
      { event_id: 3, step_id: 'presentacion', source: 'declared' },
    ]);
  });
});
