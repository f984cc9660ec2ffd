import { describe, expect, it } from 'vitest';
import { backOffMs, oneAtATime } from '../../bot/outbox-pass.js';

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
