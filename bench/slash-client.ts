import { messagesFor } from '../commands/core/i18n/catalogue.js';
import { type FakeSlack, slackSignature } from '../testing/fake-slack.js';
import { BENCH_ADMIN, BENCH_SIGNING_SECRET } from './processes.js';

/** Milliseconds from sending the signed POST: to its HTTP answer (`ack`) and to the reply reaching Slack. */
export interface Timing {
  ackMs: number;
  replyMs: number;
}

const REPLY_TIMEOUT_MS = 30_000;
/** The start of the engine's last-resort answer, given only when a command threw. */
const CRASH_REPLY = messagesFor('es', { unitCode: '', date: '' }).unexpectedError('§').split('§')[0] ?? '§';

/**
 * Sends `/rendicion <text>` as Slack does (form body, `v0` HMAC signature, timestamp) with a
 * response URL on the fake Slack, and times the acknowledgement and the reply's arrival there.
 * A reply that is the bot's crash message, a non-200 answer or a missing reply fails the run.
 */
export function createSlashClient(slack: FakeSlack) {
  const waiting = new Map<string, (at: number, body: Record<string, unknown>) => void>();
  slack.onResponse((id, body) => {
    const at = performance.now();
    waiting.get(id)?.(at, body);
    waiting.delete(id);
  });
  let sequence = 0;
  return async function send(eventsUrl: string, text: string): Promise<Timing> {
    sequence += 1;
    const id = `bench-${sequence}`;
    const body = new URLSearchParams({
      team_id: 'T1',
      channel_id: 'C0GENERAL',
      user_id: BENCH_ADMIN,
      user_name: 'admin',
      command: '/rendicion',
      text,
      api_app_id: 'A1',
      response_url: slack.responseUrl(id),
      trigger_id: `trigger-${id}`,
    }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = slackSignature(BENCH_SIGNING_SECRET, timestamp, body);
    let timer: NodeJS.Timeout | undefined;
    const replied = new Promise<number>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no reply to "${text}" within ${REPLY_TIMEOUT_MS} ms`)),
        REPLY_TIMEOUT_MS,
      );
      waiting.set(id, (at, reply) => {
        if (JSON.stringify(reply).includes(CRASH_REPLY))
          reject(new Error(`"${text}" crashed: ${JSON.stringify(reply)}`));
        else resolve(at);
      });
    });
    // The reply may come (or fail) before the acknowledgement is read: that is not an unhandled rejection.
    replied.catch(() => undefined);
    const started = performance.now();
    try {
      const response = await fetch(eventsUrl, {
        method: 'POST',
        headers: {
          // Exactly this content type: Bolt reads anything else as JSON.
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': signature,
        },
        body,
      });
      await response.text();
      const acked = performance.now();
      if (response.status !== 200) throw new Error(`"${text}" answered HTTP ${response.status}`);
      const repliedAt = await replied;
      return { ackMs: acked - started, replyMs: repliedAt - started };
    } finally {
      clearTimeout(timer);
      waiting.delete(id);
    }
  };
}

export type SlashClient = ReturnType<typeof createSlashClient>;
