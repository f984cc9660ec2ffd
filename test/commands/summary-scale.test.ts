import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { renderSlackMessage } from '../../bot/slack/render-blocks.js';
import { createSyntheticCampaign, type SyntheticCampaign } from '../../testing/synthetic-campaign.js';

let campaign: SyntheticCampaign;
afterEach(() => campaign.close());

/**
 * `resumen` and `estado todo` of the benchmark's 126-event campaign at three times (before, during
 * and after the window), as the code before the counting moved to SQL and bit masks wrote them
 * (commit 7d7f429). Regenerate only for an intended change of these replies, with
 * `npx vitest run -u test/commands/summary-scale.test.ts`.
 */
const FIXTURE = new URL('./fixtures/summary-126-events.txt', import.meta.url);

describe('resumen and estado todo at the reference size', () => {
  it('reply to a 126-event campaign exactly as before, before, during and after the window', async () => {
    campaign = createSyntheticCampaign(126);
    const parts: string[] = [];
    for (const time of ['2026-09-01T14:00:00Z', '2026-09-19T15:00:00Z', '2026-10-10T15:00:00Z']) {
      campaign.bot.clock.set(time);
      for (const text of ['resumen', 'estado todo']) {
        parts.push(`=== ${time} ${text}\n${campaign.bot.send(text, { as: 'U0ADMIN' }).rendered}\n`);
      }
    }
    await expect(parts.join('\n')).toMatchFileSnapshot(fileURLToPath(FIXTURE));
  });

  it("caps a 3,000-event summary's lists with how many more and the command for them, in one Slack message", () => {
    campaign = createSyntheticCampaign(3_000);
    const reply = campaign.bot.send('resumen', { as: 'U0ADMIN' });
    const listUnder = (heading: string) => {
      const block = reply.blocks.find((candidate) => candidate.type === 'list' && candidate.heading === heading);
      return block?.type === 'list' ? block.items : [];
    };
    const today = listUnder('Hoy, sáb 19 sep');
    expect(today).toHaveLength(26);
    expect(today[25]).toBe('… y 175 sesiones más; para verlas escriba `/rendicion resumen hoy 2`.');
    expect(listUnder('Mañana, dom 20 sep')[25]).toBe(
      '… y 175 sesiones más; para verlas escriba `/rendicion resumen mañana 2`.',
    );
    expect(listUnder('Atrasos por unidad (los peores primero)')).toHaveLength(11);
    expect(listUnder('Aprobaciones pendientes')[25]).toBe(
      '… y 5 aprobaciones pendientes más; para verlas escriba `/rendicion solicitudes pendientes 2`.',
    );
    // Everything fits: Slack's renderer leaves nothing out (it would add this notice).
    const { blocks } = renderSlackMessage(reply, (hidden) => `LEFT OUT ${hidden}`);
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(blocks)).not.toContain('LEFT OUT');
    expect(JSON.stringify(blocks)).toContain('solicitudes pendientes 2');
  });
});
