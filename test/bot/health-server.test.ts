import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkHealth, startHealthServer } from '../../bot/health.js';
import { StartupError } from '../../bot/startup-error.js';
import { type DiscordHarness, startDiscordHarness } from '../../testing/discord-harness.js';
import { startFakeSlack } from '../../testing/fake-slack.js';
import { createTestSlackAdapter } from '../../testing/slack-harness.js';
import { createTestBot } from '../../testing/test-bot.js';

let harness: DiscordHarness | undefined;
let servers: { close(): void }[] = [];
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  for (const server of servers) server.close();
  servers = [];
});

function occupyPort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () =>
      resolve({ server, port: (server.address() as AddressInfo).port }),
    );
  });
}

describe('/healthz without a Slack HTTP receiver', () => {
  it('is served on its own for Discord alone, reporting the Discord adapter', async () => {
    harness = await startDiscordHarness();
    const { adapter, bot } = harness;
    const server = await startHealthServer(() => checkHealth(bot.db, { discord: adapter.state() }), 0);
    servers.push(server);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ready: true, database: 'ok', adapters: { discord: 'connected' } });
    expect((await fetch(`${url}/otra-cosa`)).status).toBe(404);
    await adapter.stop();
    expect((await fetch(`${url}/healthz`)).status).toBe(503);
  });

  it('stops with a Spanish message naming PORT when the port is taken, instead of a stack trace', async () => {
    const taken = await occupyPort();
    servers.push(taken.server);
    const bot = createTestBot();
    const error = await startHealthServer(() => checkHealth(bot.db, {}), taken.port).catch(
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(StartupError);
    expect((error as StartupError).problems).toEqual([
      `PORT: el puerto ${taken.port} ya está en uso por otro programa. Elija otro, por ejemplo PORT=${taken.port + 1}.`,
    ]);
    bot.close();
  });

  it('names PORT too when Slack in HTTP mode finds its port taken', async () => {
    const taken = await occupyPort();
    servers.push(taken.server);
    const fakeSlack = await startFakeSlack();
    servers.push({ close: () => void fakeSlack.close() });
    const bot = createTestBot({ platforms: ['slack'] });
    const slack = createTestSlackAdapter(bot, {
      signingSecret: 'secret-0123456789',
      apiUrl: fakeSlack.apiUrl,
      port: taken.port,
    });
    const error = await slack.start().catch((failure: unknown) => failure);
    expect((error as StartupError).problems?.[0]).toMatch(/^PORT: el puerto \d+ ya está en uso/);
    bot.close();
  });
});
