import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createTestSlackAdapter } from '../../../testing/slack-harness.js';
import { createTestBot } from '../../../testing/test-bot.js';

describe("Slack's failures as the start-up reads them", () => {
  it('stops with a message naming SLACK_API_URL when nothing answers there (a network failure, not a refused token)', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const apiUrl = `http://127.0.0.1:${port}/api/`;
    const bot = createTestBot({ platforms: ['slack'] });
    const adapter = createTestSlackAdapter(bot, { apiUrl });
    try {
      await expect(adapter.start()).rejects.toThrow(
        `SLACK_API_URL (${apiUrl}): no se pudo conectar con Slack. Revise la red o la dirección.`,
      );
    } finally {
      bot.close();
    }
  });
});
