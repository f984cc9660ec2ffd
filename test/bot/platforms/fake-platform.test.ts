import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAgendaSite } from '../../../bot/agenda/agenda-site.js';
import { ChatApiError } from '../../../bot/chat-api-error.js';
import { type RunningChats, startChats } from '../../../bot/chat-runtime.js';
import { loadConfig } from '../../../bot/config.js';
import type { AdapterState } from '../../../bot/health.js';
import { drainOutbox } from '../../../bot/outbox-pass.js';
import { type ChatAdapter, type ChatPlatform, defineChatPlatform } from '../../../bot/platforms/chat-platform.js';
import { userIdFromMention } from '../../../bot/platforms/registry.js';
import { slackPlatform } from '../../../bot/slack/index.js';
import { platformOfUser } from '../../../bot/user-platform.js';
import { silentLogger } from '../../../commands/core/logger.js';
import { createTestBot, type TestBot } from '../../../testing/test-bot.js';

/**
 * A platform no core file knows: it lives only in this test's registry, as a third platform
 * (Teams, Telegram) would live only in its folder and bot/platforms/registry.ts.
 */
function fakePlatform() {
  const seen = { started: 0, stoppedTakingRequests: 0, closed: 0, delivered: [] as unknown[] };
  let state: AdapterState = 'starting';
  const descriptor = defineChatPlatform({
    platform: 'palomar',
    env: { PALOMAR_TOKEN: z.string().startsWith('pal-', { error: 'debe empezar con pal-' }).optional() },
    readSettings: (values) => (values.PALOMAR_TOKEN ? { token: values.PALOMAR_TOKEN } : undefined),
    isUserId: (userId) => userId.startsWith('pal:'),
    userIdFromMention: (text) => /^\[\[(pal:\w+)\]\]$/.exec(text)?.[1],
    async create(_settings, common): Promise<ChatAdapter> {
      return {
        start: async () => {
          seen.started += 1;
          state = 'connected';
        },
        stopTakingRequests: async () => {
          seen.stoppedTakingRequests += 1;
          state = 'stopping';
        },
        close: async () => {
          seen.closed += 1;
        },
        state: () => state,
        deliverOutbox: () =>
          drainOutbox({
            db: common.db,
            clock: common.clock,
            logger: common.logger,
            chat: {
              platform: 'palomar',
              post: async (entry) => {
                seen.delivered.push(entry.message);
                return undefined;
              },
              update: async () => undefined,
              lookup: async () => ({ found: false }),
              describe: () => new ChatApiError('palomar', 'unexpected'),
            },
          }).then(() => undefined),
        servesHttp: false,
        startedLog: {},
      };
    },
  });
  return { descriptor, seen };
}

let bot: TestBot | undefined;
let chats: RunningChats | undefined;
afterEach(async () => {
  await chats?.stop(async () => undefined);
  chats = undefined;
  bot?.close();
});

describe('a chat platform known only to the registry', () => {
  it('is configured from its own variables, started, reported by /healthz, delivered to and shut down', async () => {
    const { descriptor, seen } = fakePlatform();
    const registry: readonly ChatPlatform[] = [descriptor];
    const config = loadConfig({ PALOMAR_TOKEN: 'pal-secreto', PORT: '0' }, registry);
    expect(config.chats).toEqual([{ descriptor, settings: { token: 'pal-secreto' } }]);

    bot = createTestBot({ platforms: ['palomar'] });
    chats = await startChats({
      chats: config.chats,
      engine: bot.engine,
      db: bot.db,
      clock: bot.clock,
      logger: silentLogger,
      locale: 'es',
      port: 0,
      agenda: createAgendaSite({ db: bot.db, clock: bot.clock, locale: 'es' }),
      runBackgroundPass: async () => undefined,
    });
    expect(seen.started).toBe(1);
    const address = chats.healthServer?.address();
    if (!address || typeof address === 'string') throw new Error('no health server');
    const health = await fetch(`http://127.0.0.1:${address.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ready: true, adapters: { palomar: 'connected' } });

    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    bot.send('solicitar video PIC-DP "Video institucional"', { as: 'oficial-pic' });
    await chats.deliver();
    expect(seen.delivered).toHaveLength(1);
    expect(JSON.stringify(seen.delivered[0])).toContain('Video institucional');

    await chats.stop(async () => undefined);
    chats = undefined;
    expect(seen).toMatchObject({ stoppedTakingRequests: 1, closed: 1 });
  });

  it('names its own variable when its value is wrong, in Spanish', () => {
    const { descriptor } = fakePlatform();
    expect(() => loadConfig({ PALOMAR_TOKEN: 'secreto' }, [descriptor])).toThrow(
      expect.objectContaining({ problems: ['PALOMAR_TOKEN: debe empezar con pal-'] }),
    );
  });

  it('recognises its people by their ids and mentions beside another platform', () => {
    const { descriptor } = fakePlatform();
    const registry = [slackPlatform, descriptor];
    expect(platformOfUser('pal:ana', ['slack', 'palomar'], registry)).toBe('palomar');
    expect(platformOfUser('U0ABC123', ['slack', 'palomar'], registry)).toBe('slack');
    expect(userIdFromMention('[[pal:ana]]', registry)).toBe('pal:ana');
    expect(userIdFromMention('<@U123|ana>', registry)).toBe('U123');
  });
});
