import { afterEach, describe, expect, it } from 'vitest';
import { type SlackHarness, startSlackHarness } from '../../../testing/slack-harness.js';

let running: SlackHarness | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function startAdapter() {
  running = await startSlackHarness({ channels: { approvals: 'C0APROBAR' } });
  return { bot: running.bot, adapter: running.adapter, url: `http://127.0.0.1:${running.port}/healthz` };
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
      adapters: { slack: 'connected' },
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
    expect(adapter.health()).toMatchObject({ ready: false, adapters: { slack: 'stopping' } });
    await stopping;
  });
});
