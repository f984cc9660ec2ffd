import { describe, expect, it } from 'vitest';
import { runTorture } from '../../../testing/torture/torture.js';

describe('the crash torture run (five cycles; `npm run torture` runs thirty)', () => {
  it('keeps every promise when the real bot is killed with SIGKILL at random moments and restarted', {
    timeout: 400_000,
  }, async () => {
    const result = await runTorture({ cycles: 5, seed: 15 });
    expect(result.broken).toEqual([]);
    expect(result.cycles).toBe(5);
    expect(result.commands).toBeGreaterThan(10);
  });
});
