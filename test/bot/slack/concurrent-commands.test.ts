import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../bot/slack/slack-adapter.js';
import { silentLogger } from '../../../commands/core/logger.js';
import { type FakeSlack, postSignedToSlackApp, startFakeSlack, waitFor } from '../../helpers/fake-slack.js';
import { createTestBot, type TestBot } from '../../helpers/test-bot.js';

const SECRET = 'test-signing-secret-0123456789';
const STEPS = ['invitacion', 'sala', 'imagen', 'moderador', 'conexion', 'preguntas'];
const REQUESTS = 500;

let running: { bot: TestBot; slack: FakeSlack; adapter: SlackAdapter } | undefined;
afterEach(async () => {
  if (!running) return;
  await running.adapter.stop();
  await running.slack.close();
  running.bot.close();
  running = undefined;
});

describe('a burst of commands on one event over HTTP', () => {
  it('answers 500 concurrent marcar and registrar with the database consistent and one audit row per change', async () => {
    const slack = await startFakeSlack();
    const bot = createTestBot({ now: new Date().toISOString(), platforms: ['slack'], admins: ['U0ADMIN'] });
    bot.db.sqlite.prepare("UPDATE campaigns SET window_start = '2020-01-01', window_end = '2099-12-31'").run();
    const adapter = createSlackAdapter({
      settings: {
        botToken: 'xoxb-test',
        signingSecret: SECRET,
        apiUrl: slack.apiUrl,
        port: 0,
        channels: {},
        slashCommand: '/rendicion',
      },
      engine: bot.engine,
      db: bot.db,
      clock: bot.clock,
      logger: silentLogger,
      locale: 'es',
    });
    running = { bot, slack, adapter };
    const server = await adapter.start();
    const address = server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('the Slack adapter is not listening');
    const { port } = address;
    const url = `http://127.0.0.1:${port}/slack/events`;
    const command = (text: string, i: number) =>
      postSignedToSlackApp({
        url,
        secret: SECRET,
        body: new URLSearchParams({
          team_id: 'T1',
          channel_id: 'C0GENERAL',
          user_id: 'U0ADMIN',
          user_name: 'admin',
          command: '/rendicion',
          text,
          api_app_id: 'A1',
          response_url: slack.responseUrl(`burst-${i}`),
          trigger_id: `burst-${i}`,
        }).toString(),
      });

    expect(await command('registrar PIC-DP 15/09/2098 10:00 zoom', -1)).toBe(200);
    await waitFor(() => slack.responses.length === 1);
    const auditBefore = bot.auditCount();
    const { lastAudit } = bot.db.sqlite.prepare('SELECT max(id) AS lastAudit FROM audit_log').get() as {
      lastAudit: number;
    };

    const burst = Array.from({ length: REQUESTS }, (_, i) =>
      i % 5 === 0
        ? command('registrar PIC-DP 15/09/2098 10:00 zoom', i)
        : command(`marcar PIC-DP ${STEPS[i % STEPS.length]}`, i),
    );
    const statuses = await Promise.all(burst);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    await waitFor(() => slack.responses.length === REQUESTS + 1, 30_000);
    // No answer was the last-resort error: every request was handled, none crashed.
    expect(JSON.stringify(slack.responses)).not.toContain('algo falló');

    const done = bot.db.sqlite
      .prepare(
        `SELECT step_id AS step FROM event_steps s JOIN events e ON e.id = s.event_id
         JOIN units u ON u.id = e.unit_id WHERE u.code = 'PIC-DP' ORDER BY step_id`,
      )
      .all() as { step: string }[];
    // The steps ticked plus those registration ticks itself (fecha, ...), each exactly once.
    for (const step of STEPS) expect(done.filter((row) => row.step === step)).toHaveLength(1);
    const stepAudits = bot.db.sqlite
      .prepare("SELECT json_extract(after, '$.step') AS step FROM audit_log WHERE action = 'step.done' AND id > ?")
      .all(lastAudit) as { step: string }[];
    // Each step changed once, so it has exactly one audit row, however many times it was ticked.
    expect(stepAudits.map((row) => row.step).sort()).toEqual([...STEPS].sort());
    // Registering again with the same data changes nothing and leaves no audit row.
    expect(bot.auditCount() - auditBefore).toBe(STEPS.length);
    const events = bot.db.sqlite.prepare('SELECT count(*) AS n FROM events').get() as { n: number };
    expect(events.n).toBe(1);
  }, 60_000);
});
