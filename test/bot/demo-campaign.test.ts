import { afterEach, describe, expect, it } from 'vitest';
import { demoCampaignSettings, seedDemoCampaign } from '../../bot/demo-campaign.js';
import { fixedClock } from '../../commands/core/clock.js';
import { silentLogger } from '../../commands/core/logger.js';
import { type CommandReply, DEFAULT_SETTINGS } from '../../commands/core/types.js';
import { createEngine } from '../../commands/engine.js';
import { type Database, openDatabase } from '../../db/client.js';
import { saveCampaign } from '../../db/queries/campaign.js';
import { listUndeliveredMessages } from '../../db/queries/chat-outbox.js';
import { ACCEPT_EVERY_WORD } from '../../testing/test-bot.js';

// 4 December 2026, 13:00 in Guayaquil: the demo window opens tomorrow.
const CREATED_AT = '2026-12-04T18:00:00Z';

function startDemo(): { db: Database; clock: ReturnType<typeof fixedClock>; reminders: () => string[] } {
  const db = openDatabase(':memory:');
  const clock = fixedClock(CREATED_AT);
  const { campaign } = saveCampaign(db, demoCampaignSettings('2026-12-04'), 'sistema', clock.now());
  seedDemoCampaign(db, campaign, clock.now());
  const engine = createEngine({
    db,
    clock,
    admins: [],
    defaultLocale: 'es',
    platforms: ['console'],
    settings: DEFAULT_SETTINGS,
    speller: ACCEPT_EVERY_WORD,
    tweetMode: 'simulated',
    youtubeMode: 'form-only',
    sheetConfigured: false,
    logger: silentLogger,
  });
  const reminders = () => {
    engine.runScheduledWork();
    return listUndeliveredMessages(db, 'console', 500)
      .filter((entry) => entry.targetType === 'user')
      .map((entry) => (entry.message as CommandReply).title ?? '');
  };
  return { db, clock, reminders };
}

describe('the demo campaign', () => {
  let db: Database | undefined;
  afterEach(() => db?.close());

  it('greets a new user without overdue-step reminders: what was due before it began is done', () => {
    const demo = startDemo();
    db = demo.db;
    expect(demo.reminders()).toEqual([]);
  });

  it('still reminds officers as the demo days pass', () => {
    const demo = startDemo();
    db = demo.db;
    demo.clock.set('2026-12-05T15:00:00Z');
    const sent = demo.reminders();
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((title) => title.includes('Pasos atrasados'))).toBe(true);
  });
});
