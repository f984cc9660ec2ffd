import { afterEach, describe, expect, it } from 'vitest';
import type { SlackAdapter } from '../../../bot/slack/slack-adapter.js';
import { findEventByUnit } from '../../../db/queries/events.js';
import { findUnitByCode } from '../../../db/queries/units.js';
import { type FakeSlack, startFakeSlack, waitFor } from '../../../testing/fake-slack.js';
import { createTestSlackAdapter } from '../../../testing/slack-harness.js';
import { createTestBot, type TestBot } from '../../../testing/test-bot.js';

let running: { bot: TestBot; slack: FakeSlack; adapter: SlackAdapter } | undefined;
afterEach(async () => {
  if (!running) return;
  await running.adapter.deliverOutbox();
  await running.adapter.stop();
  await running.slack.close();
  running.bot.close();
  running = undefined;
});

describe('Slack in Socket Mode (no public URL)', () => {
  it('connects with the app token and answers a slash command that arrives over the socket', async () => {
    const slack = await startFakeSlack();
    const bot = createTestBot({ now: new Date().toISOString(), platforms: ['slack'], admins: ['U0ADMIN'] });
    bot.db.sqlite.prepare("UPDATE campaigns SET window_start = '2020-01-01', window_end = '2099-12-31'").run();
    const adapter = createTestSlackAdapter(bot, { appToken: 'xapp-test', apiUrl: slack.apiUrl });
    running = { bot, slack, adapter };
    await adapter.start();
    expect(slack.callsTo('apps.connections.open')).toHaveLength(1);

    const ack = await slack.sendEnvelope('slash_commands', {
      team_id: 'T1',
      channel_id: 'C0GENERAL',
      user_id: 'U0ADMIN',
      command: '/rendicion',
      text: 'registrar PIC-DP 15/09/2098 10:00 zoom',
      response_url: slack.responseUrl('socket-1'),
      trigger_id: 'socket-trigger-1',
    });
    expect(ack.envelope_id).toBeDefined();
    await waitFor(() => slack.responses.length === 1);
    expect(JSON.stringify(slack.responses[0]?.blocks)).toContain('Rendición registrada: PIC-DP');
    const unit = findUnitByCode(bot.db, bot.campaign.id, 'PIC-DP');
    expect(unit && findEventByUnit(bot.db, unit.id)?.platform).toBe('zoom');
  });
});
