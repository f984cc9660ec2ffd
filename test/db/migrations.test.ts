import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client.js';
import { saveCampaign } from '../../db/queries/campaign.js';
import { listUnits } from '../../db/queries/units.js';
import { importRoster } from '../../db/roster/import-roster.js';
import { parseRoster } from '../../db/roster/parse-roster.js';
import { TEST_CAMPAIGN } from '../helpers/test-bot.js';

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
