import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createSyntheticCampaign, type SyntheticCampaign } from '../../bench/synthetic-campaign.js';

let campaign: SyntheticCampaign;
afterEach(() => campaign.close());

/**
 * `resumen` and `estado todo` of the benchmark's 126-event campaign at three times (before, during
 * and after the window), as the code before the counting moved to SQL and bit masks wrote them
 * (commit 7d7f429). Regenerate only for an intended change of these replies.
 */
const FIXTURE = new URL('./fixtures/summary-126-events.txt', import.meta.url);

describe('resumen and estado todo at the reference size', () => {
  it('reply to a 126-event campaign exactly as before, before, during and after the window', () => {
    campaign = createSyntheticCampaign(126);
    const parts: string[] = [];
    for (const time of ['2026-09-01T14:00:00Z', '2026-09-19T15:00:00Z', '2026-10-10T15:00:00Z']) {
      campaign.bot.clock.set(time);
      for (const text of ['resumen', 'estado todo']) {
        parts.push(`=== ${time} ${text}\n${campaign.bot.send(text, { as: 'U0ADMIN' }).rendered}\n`);
      }
    }
    expect(parts.join('\n')).toBe(readFileSync(FIXTURE, 'utf8'));
  });
});
