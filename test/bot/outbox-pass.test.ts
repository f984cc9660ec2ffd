import { afterEach, describe, expect, it } from 'vitest';
import { backOffMs, oneAtATime, onlyAfterWrites } from '../../bot/outbox-pass.js';
import { publishQueuedTweets } from '../../bot/tweet-worker.js';
import { silentLogger } from '../../commands/core/logger.js';
import type { ReplyButton } from '../../commands/core/types.js';
import { countWrites } from '../../db/queries/changes.js';
import { findTweet } from '../../db/queries/tweets.js';
import { createXPublisher } from '../../integrations/x/x-publisher.js';
import { type FakeX, startFakeX } from '../../testing/fake-x.js';
import { createTestBot, type TestBot } from '../../testing/test-bot.js';

let bot: TestBot | undefined;
let x: FakeX | undefined;
afterEach(async () => {
  bot?.close();
  await x?.close();
  bot = undefined;
  x = undefined;
});

describe('oneAtATime', () => {
  it('never runs two passes at once; a burst shares one pass, and calls during a pass share the next', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    let asked = 0;
    const pass = oneAtATime(
      async () => {
        running += 1;
        most = Math.max(most, running);
        seen.push(asked);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
      },
      () => undefined,
    );
    const calls: Promise<void>[] = [];
    for (let index = 0; index < 100; index += 1) {
      asked += 1;
      calls.push(pass());
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
    // The first pass is running now: fifty more calls wait for one more pass.
    for (let index = 0; index < 50; index += 1) {
      asked += 1;
      calls.push(pass());
    }
    await Promise.all(calls);
    expect(most).toBe(1);
    expect(seen).toEqual([100, 150]);
  });

  it('logs a failed pass and keeps going', async () => {
    const errors: unknown[] = [];
    let attempt = 0;
    const pass = oneAtATime(
      async () => {
        attempt += 1;
        if (attempt === 1) throw new Error('Slack is down');
      },
      (error) => errors.push(error),
    );
    await pass();
    await pass();
    expect(errors).toHaveLength(1);
    expect(attempt).toBe(2);
    await pass.settled();
  });
});

describe('backOffMs', () => {
  it('waits 30 s after the first failure, doubling up to 30 minutes', () => {
    expect([1, 2, 3, 4, 7, 20].map(backOffMs)).toEqual([30_000, 60_000, 120_000, 240_000, 1_800_000, 1_800_000]);
  });
});

describe('onlyAfterWrites', () => {
  it('runs no pass after commands that only read, and one after a command that wrote', async () => {
    const current = createTestBot({ now: '2026-09-15T15:30:00Z' });
    bot = current;
    let passes = 0;
    const afterRequest = onlyAfterWrites(
      () => countWrites(current.db),
      async () => {
        passes += 1;
      },
    );
    // The first request after start-up: what start-up wrote may owe a pass.
    await afterRequest();
    expect(passes).toBe(1);
    current.send('estado PIC-DP');
    await afterRequest();
    current.send('ayuda');
    await afterRequest();
    expect(passes).toBe(1);
    current.send('registrar PIC-DP 15/09/2026 10:00 zoom forzar=si');
    await afterRequest();
    expect(passes).toBe(2);
    current.send('estado PIC-DP');
    await afterRequest();
    expect(passes).toBe(2);
  });

  it('publishes a tweet queued by a request in the pass after that request', async () => {
    const fake = await startFakeX();
    x = fake;
    const current = createTestBot({ now: '2026-09-15T15:30:00Z' });
    bot = current;
    current.send('registrar PIC-DP 15/09/2026 10:00 zoom forzar=si');
    current.send('rol comunica comunicacion');
    const deps = {
      db: current.db,
      publisher: createXPublisher({
        appKey: 'key',
        appSecret: 'secret',
        accessToken: 'token',
        accessSecret: 'token-secret',
        apiUrl: fake.url,
      }),
      clock: current.clock,
      logger: silentLogger,
      locale: 'es',
      defaultPlatform: 'console',
      platforms: ['console'],
    } as const;
    const afterRequest = onlyAfterWrites(
      () => countWrites(current.db),
      () => publishQueuedTweets(deps).then(() => undefined),
    );
    await afterRequest();
    const preview = current.send('tuit PIC-DP "Comienza la sesión de Pichincha"', { as: 'comunica' });
    await afterRequest();
    current.send('estado PIC-DP', { as: 'comunica' });
    await afterRequest();
    expect(fake.posted).toEqual([]);
    const publish = preview.buttons?.find((button) => button.label === 'Publicar') as ReplyButton;
    expect(current.press(publish, { as: 'comunica' }).title).toBe('Tuit en cola');
    await afterRequest();
    expect(fake.posted).toEqual([
      expect.objectContaining({ text: 'Comienza la sesión de Pichincha #RendiciónDeCuentas2026' }),
    ]);
    expect(findTweet(current.db, Number(publish.payload))?.state).toBe('sent');
  });
});
