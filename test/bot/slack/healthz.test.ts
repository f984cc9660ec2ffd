import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../bot/slack/slack-adapter.js';
import { silentLogger } from '../../../commands/core/logger.js';
import { type FakeSlack, startFakeSlack } from '../../helpers/fake-slack.js';
import { createTestBot, type TestBot } from '../../helpers/test-bot.js';

let running: { bot: TestBot; slack: FakeSlack; adapter: SlackAdapter } | undefined;
afterEach(async () => {
  if (!running) return;
  await running.adapter.stop().catch(() => undefined);
  await running.slack.close();
  if (running.bot.db.sqlite.open) running.bot.close();
  running = undefined;
});

async function startAdapter() {
  const slack = await startFakeSlack();
  const bot = createTestBot({ now: new Date().toISOString(), platforms: ['slack'], admins: ['U0ADMIN'] });
  bot.db.sqlite.prepare("UPDATE campaigns SET window_start = '2020-01-01', window_end = '2099-12-31'").run();
  const adapter = createSlackAdapter({
    settings: {
      botToken: 'xoxb-test',
      signingSecret: 'test-signing-secret-0123456789',
      apiUrl: slack.apiUrl,
      port: 0,
      channels: { approvals: 'C0APROBAR' },
      slashCommand: '/rendicion',
    },
    engine: bot.engine,
    db: bot.db,
    clock: bot.clock,
    logger: silentLogger,
    locale: 'es',
  });
  const server = await adapter.start();
  const address = server?.address() as AddressInfo | undefined;
  if (!address) throw new Error('the Slack adapter is not listening');
  const { port } = address;
  running = { bot, slack, adapter };
  return { bot, adapter, url: `http://127.0.0.1:${port}/healthz` };
}

describe('GET /healthz', () => {
  it('answers 200 with the database, the adapter and the work still queued', async () => {
    const { bot, url } = await startAdapter();
    bot.send('registrar PIC-DP 15/09/2098 10:00 zoom', { as: 'U0ADMIN' });
    bot.send('solicitar video PIC-DP "Video institucional"', { as: 'oficial-pic' });
    const pending = bot.db.sqlite.prepare('SELECT count(*) AS n FROM chat_outbox WHERE delivered_at IS NULL').get() as {
      n: number;
    };
    expect(pending.n).toBeGreaterThan(0);

    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({
      ready: true,
      database: 'ok',
      adapter: 'connected',
      outbox: { chatMessages: pending.n, tweets: 0 },
    });
  });

  it('answers 503 when the database cannot be reached', async () => {
    const { bot, url } = await startAdapter();
    bot.db.sqlite.close();
    const response = await fetch(url);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ready: false, database: 'unreachable', outbox: null });
  });

  it('reports not ready while the adapter is stopping', async () => {
    const { adapter } = await startAdapter();
    const stopping = adapter.stop();
    expect(adapter.health()).toMatchObject({ ready: false, adapter: 'stopping' });
    await stopping;
  });
});
