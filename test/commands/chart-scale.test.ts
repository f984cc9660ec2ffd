import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../commands/core/types.js';
import { createSyntheticCampaign, type SyntheticCampaign } from '../../testing/synthetic-campaign.js';

let campaign: SyntheticCampaign;
afterEach(() => campaign.close());

/** Before the window, during it (some sessions held), at a step's due moment and after the window. */
const TIMES = ['2026-09-01T14:00:00Z', '2026-09-19T15:00:00Z', '2026-09-20T19:00:00Z', '2026-10-10T15:00:00Z'];

/**
 * `resumen grafico`'s chart (the picture the scheduled summary also posts) and `estado` of a
 * province (and of an officer's units) for the benchmark's 126-event campaign, as the code that
 * built them from every unit's progress (`buildCampaignOverview`) wrote them. Regenerate only for
 * an intended change of these replies, with `npm run fixtures:update` (test/commands/fixtures/README.md says why the content is trusted).
 */
const CHART_FIXTURE = new URL('./fixtures/chart-126-events.txt', import.meta.url);
const PROVINCE_FIXTURE = new URL('./fixtures/estado-province-126-events.txt', import.meta.url);

const PROVINCE_REQUESTS: { text: string; as: string; locale?: Locale }[] = [
  { text: 'estado Pichincha', as: 'U0ADMIN' },
  { text: 'estado galapagos', as: 'U0ADMIN' },
  { text: 'estado "Santo Domingo de los Tsáchilas"', as: 'U0ADMIN' },
  { text: 'status MANABI', as: 'U0ADMIN', locale: 'en' },
  { text: 'estado', as: 'oficial-pic' },
];

describe('the chart and estado of a province at the reference size', () => {
  it('draws the chart of a 126-event campaign exactly as before, at four times and in both languages', async () => {
    campaign = createSyntheticCampaign(126);
    const parts: string[] = [];
    for (const time of TIMES) {
      campaign.bot.clock.set(time);
      for (const locale of ['es', 'en'] as const) {
        const { image } = campaign.bot.send('resumen grafico', { as: 'U0ADMIN', locale });
        const { svg, ...about } = image ?? { svg: '' };
        parts.push(`=== ${time} ${locale} ${JSON.stringify(about)}\n${svg}\n`);
      }
    }
    await expect(parts.join('\n')).toMatchFileSnapshot(fileURLToPath(CHART_FIXTURE));
  });

  it("lists a province's units of a 126-event campaign exactly as before, at four times", async () => {
    campaign = createSyntheticCampaign(126);
    const parts: string[] = [];
    for (const time of TIMES) {
      campaign.bot.clock.set(time);
      for (const { text, as, locale } of PROVINCE_REQUESTS) {
        const reply = campaign.bot.send(text, { as, locale });
        parts.push(`=== ${time} ${as} ${text}\n${reply.tone}\n${reply.rendered}\n`);
      }
    }
    await expect(parts.join('\n')).toMatchFileSnapshot(fileURLToPath(PROVINCE_FIXTURE));
  });
});
