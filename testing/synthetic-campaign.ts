import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECKLIST } from '../commands/core/checklist.js';
import { ECUADOR_PROVINCES } from '../commands/core/roster/provinces.js';
import { createTestBot, type TestBot } from './test-bot.js';

/** Mid-window in the test campaign (12–26 September 2026, Guayaquil): some sessions held, some ahead. */
export const SYNTHETIC_NOW = '2026-09-19T15:00:00Z';

const PROVINCES = ECUADOR_PROVINCES;
const PLATFORMS = ['zoom', 'teams', 'youtube', 'meet'];
const KINDS = ['hospital', 'centro-de-salud', 'direccion-distrital'];
const WINDOW_START_UTC = Date.parse('2026-09-12T00:00:00Z');
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 24 * MS_PER_HOUR;

export interface SyntheticCampaign {
  bot: TestBot;
  events: number;
  close(): void;
}

/**
 * A campaign of `size` units, every one with its session registered (so `size` events), spread
 * over the 15-day window with a realistic share of ticked steps: most steps of the sessions already
 * held, fewer of those ahead, a few overdue everywhere, and one pending approval per 100 events.
 * Rows go in with prepared statements in one transaction; the database is a WAL file like the bot's.
 */
export function createSyntheticCampaign(size: number): SyntheticCampaign {
  const directory = mkdtempSync(join(tmpdir(), 'rendicion-bench-'));
  const bot = createTestBot({ now: SYNTHETIC_NOW, databasePath: join(directory, 'bench.db'), admins: ['U0ADMIN'] });
  const { sqlite } = bot.db;
  const campaignId = bot.campaign.id;
  const now = Date.parse(SYNTHETIC_NOW);
  const insertUnit = sqlite.prepare(
    `INSERT INTO units (campaign_id, code, name, province, kind, officer, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = sqlite.prepare(
    `INSERT INTO events (campaign_id, unit_id, starts_at, platform, room, questions_email, expected_attendance,
       shows_video, shows_photos, has_cultural_segment, registered_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, 'bench', ?, ?)`,
  );
  const insertStep = sqlite.prepare(
    'INSERT INTO event_steps (event_id, step_id, done_by, done_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const insertApproval = sqlite.prepare(
    `INSERT INTO approval_requests (event_id, kind, description, state, requested_by, requested_at)
     VALUES (?, 'video', 'Video institucional de 3 minutos', 'pending', 'bench', ?)`,
  );
  const existing = sqlite.prepare('SELECT id FROM units WHERE campaign_id = ?').all(campaignId) as { id: number }[];
  sqlite.transaction(() => {
    const unitIds = existing.map((row) => row.id);
    for (let i = unitIds.length; i < size; i += 1) {
      const province = PROVINCES[i % PROVINCES.length] ?? 'Pichincha';
      const code = `U${String(i).padStart(6, '0')}`;
      const officer = `oficial-${i % 500}@ejemplo.gob.ec`;
      const result = insertUnit.run(
        campaignId,
        code,
        `Unidad sintética ${i}`,
        province,
        KINDS[i % KINDS.length],
        officer,
        now,
        now,
      );
      unitIds.push(Number(result.lastInsertRowid));
    }
    unitIds.forEach((unitId, i) => {
      // Four sessions an hour from 09:00 to 15:00 local (UTC−5), over the fifteen days.
      const startsAt = WINDOW_START_UTC + (i % 15) * MS_PER_DAY + (14 + (i % 7)) * MS_PER_HOUR + (i % 4) * 15 * 60_000;
      const showsVideo = i % 2 === 0 ? 1 : 0;
      const event = insertEvent.run(
        campaignId,
        unitId,
        startsAt,
        PLATFORMS[i % PLATFORMS.length],
        i % 3 === 0 ? 80 : null,
        showsVideo,
        i % 7 === 0 ? 1 : 0,
        i % 5 === 0 ? 1 : 0,
        now,
        now,
      );
      const eventId = Number(event.lastInsertRowid);
      // Steps due before now are mostly done (one in seven left overdue); a third of the later ones too.
      CHECKLIST.forEach((step, s) => {
        const dueAt = startsAt + step.dueOffsetHours * MS_PER_HOUR;
        const done = dueAt <= now ? (i + s) % 7 !== 0 : (i + s) % 3 === 0;
        if (done) insertStep.run(eventId, step.id, 'bench', Math.min(dueAt, now));
      });
      if (i % 100 === 0 && showsVideo) insertApproval.run(eventId, now - (i % 48) * MS_PER_HOUR);
    });
  })();
  sqlite.pragma('optimize');
  return {
    bot,
    events: size,
    close() {
      bot.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
