import { afterEach, describe, expect, it } from 'vitest';
import { postSignedToSlackApp, waitFor } from '../../../testing/fake-slack.js';
import { SLACK_TEST_SECRET, type SlackHarness, startSlackHarness } from '../../../testing/slack-harness.js';
import { isCrashReply } from '../../helpers/hostile-input.js';

const STEPS = ['invitacion', 'sala', 'imagen', 'moderador', 'conexion', 'preguntas'];
const REQUESTS = 500;

let running: SlackHarness | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('a burst of commands on one event over HTTP', () => {
  // One bot process: the 500 requests are in flight together on its HTTP server, and the race
  // between processes is approval-race.test.ts's job (worker threads on one database file).
  it('answers 500 marcar and registrar requests sent together to one process, with the database consistent and one audit row per change', async () => {
    running = await startSlackHarness();
    const { bot, slack, eventsUrl: url } = running;
    const command = (text: string, i: number) =>
      postSignedToSlackApp({
        url,
        secret: SLACK_TEST_SECRET,
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
    expect(isCrashReply(JSON.stringify(slack.responses))).toBe(false);

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
