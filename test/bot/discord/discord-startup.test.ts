import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../../bot/discord/discord-adapter.js';
import { createLogger } from '../../../bot/logger.js';
import { StartupError } from '../../../bot/startup-error.js';
import { DISCORD_OFFICER, startDiscordHarness } from '../../../testing/discord-harness.js';
import { DISCORD_APP_ID, type FakeDiscord, startFakeDiscord } from '../../../testing/fake-discord.js';
import { createTestBot } from '../../../testing/test-bot.js';

let discord: FakeDiscord | undefined;
afterEach(async () => {
  await discord?.close();
  discord = undefined;
});

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, destination };
}

async function startWith(token: string, applicationId = DISCORD_APP_ID, apiUrl?: string) {
  discord = await startFakeDiscord();
  const bot = createTestBot({ platforms: ['discord'] });
  const { lines, destination } = capture();
  const adapter = createDiscordAdapter({
    settings: {
      token,
      applicationId,
      apiUrl: apiUrl ?? discord.apiUrl,
      channels: {},
      roles: {},
      commandName: 'rendicion',
    },
    engine: bot.engine,
    db: bot.db,
    clock: bot.clock,
    logger: createLogger('info', { destination }),
    locale: 'es',
  });
  const error = await adapter.start().then(
    () => undefined,
    (failure: unknown) => failure,
  );
  await adapter.stop().catch(() => undefined);
  bot.close();
  return { error, lines };
}

describe('Discord start-up', () => {
  it('stops with a message naming DISCORD_TOKEN when Discord refuses the token, and never logs it', async () => {
    const token = 'MTAwMDAwMDAwMDAwMDAwMDA5.bad.do-not-log-this-secret';
    const { error, lines } = await startWith(token);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as StartupError).problems[0]).toMatch(/^DISCORD_TOKEN: Discord rechazó el token/);
    expect(JSON.stringify(error)).not.toContain('do-not-log-this-secret');
    expect(lines.join('')).not.toContain('do-not-log-this-secret');
  });

  it('names DISCORD_APPLICATION_ID when the token belongs to another application', async () => {
    const { error } = await startWith('MTAwMDAwMDAwMDAwMDAwMDAx.fake.discord-test-token', '100000000000000099');
    expect((error as StartupError).problems[0]).toMatch(
      /^DISCORD_APPLICATION_ID: el token es de la aplicación 100000000000000001/,
    );
  });

  it('names DISCORD_API_URL when nothing answers there', async () => {
    const { error } = await startWith(
      'MTAwMDAwMDAwMDAwMDAwMDAx.fake.discord-test-token',
      DISCORD_APP_ID,
      'http://127.0.0.1:9/api',
    );
    expect((error as StartupError).problems[0]).toMatch(
      /^DISCORD_API_URL \(http:\/\/127\.0\.0\.1:9\/api\): no se pudo conectar/,
    );
  });

  it('logs one line per interaction with command, unit and outcome, and never the token', async () => {
    const { lines, destination } = capture();
    const harness = await startDiscordHarness({ logger: createLogger('info', { destination }) });
    try {
      await harness.discord.interact(
        harness.discord.slashCommand({ id: DISCORD_OFFICER }, 'estado', { alcance: 'PIC-DP' }),
      );
      const handled = lines
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((line) => line.message === 'request handled');
      expect(handled).toEqual([
        expect.objectContaining({ platform: 'discord', command: 'estado', unit: 'PIC-DP', outcome: 'ok' }),
      ]);
      expect(lines.join('')).not.toContain('discord-test-token');
    } finally {
      await harness.close();
    }
  });
});
