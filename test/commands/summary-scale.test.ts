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
 * `npm run fixtures:update` (test/commands/fixtures/README.md says why the content is trusted).
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

  // An independent check of what the fixture above holds: its headline counts, counted here by
  // plain SQL on the campaign's tables instead of by the code that wrote the fixture.
  it('reports the units, registered and held sessions and pending approvals that the database holds', () => {
    campaign = createSyntheticCampaign(126);
    const count = (query: string, ...params: unknown[]) =>
      campaign.bot.db.sqlite
        .prepare(query)
        .pluck()
        .get(...params) as number;
    const heldAtEachTime: number[] = [];
    for (const time of ['2026-09-01T14:00:00Z', '2026-09-19T15:00:00Z', '2026-10-10T15:00:00Z']) {
      campaign.bot.clock.set(time);
      const units = count('SELECT count(*) FROM units');
      const registered = count('SELECT count(*) FROM events');
      const held = count('SELECT count(*) FROM events WHERE starts_at <= ?', Date.parse(time));
      const pending = count("SELECT count(*) FROM approval_requests WHERE state = 'pending'");
      const text = campaign.bot.send('resumen', { as: 'U0ADMIN' }).rendered;
      expect(text, time).toMatch(new RegExp(`Unidades: +${units}\\n`));
      expect(text, time).toMatch(new RegExp(`Rendiciones registradas: +${registered}/${units}\\n`));
      expect(text, time).toMatch(new RegExp(`Realizadas: +${held}/${registered}\\n`));
      const approvals = text.slice(text.indexOf('Aprobaciones pendientes:'));
      expect(approvals.match(/^ {2}• #\d+ /gm)?.length ?? 0, time).toBe(Math.min(pending, 25));
      expect(units).toBe(126);
      heldAtEachTime.push(held);
    }
    // Before the window nothing is held, after it everything: the check saw both ends.
    expect(heldAtEachTime).toEqual([0, expect.any(Number), 126]);
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
