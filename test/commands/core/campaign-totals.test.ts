import { afterEach, describe, expect, it } from 'vitest';
import { buildCampaignOverview } from '../../../commands/core/campaign-overview.js';
import { buildCampaignTotals, type ProvinceTotals } from '../../../commands/core/campaign-totals.js';
import { createTestBot, TEST_ROSTER, type TestBot } from '../../../testing/test-bot.js';

let bot: TestBot;
afterEach(() => bot.close());

/** The chart's figures as the code before counted them: every unit's progress, added up by province. */
function provincesFromOverview(now: Date): ProvinceTotals[] {
  const byProvince = new Map<string, ProvinceTotals>();
  for (const progress of buildCampaignOverview(bot.db, bot.campaign.id, now).units) {
    const { province } = progress.unit;
    const totals = byProvince.get(province) ?? {
      province,
      units: 0,
      registered: 0,
      done: 0,
      applicable: 0,
      overdue: 0,
    };
    totals.units += 1;
    totals.registered += progress.event ? 1 : 0;
    totals.done += progress.done;
    totals.applicable += progress.applicable;
    totals.overdue += progress.overdue.length;
    byProvince.set(province, totals);
  }
  return [...byProvince.values()];
}

describe('the campaign counted by province', () => {
  it("counts each province's units, sessions and steps as every unit's progress adds up, registered or not", () => {
    bot = createTestBot({
      roster: `${TEST_ROSTER}AZU-DP,Dirección Provincial del Azuay,Azuay,direccion-provincial,\nAZU-H1,Hospital de Cuenca,Azuay,hospital,\n`,
    });
    bot.send('registrar PIC-DP 14/09/2026 10:00 zoom video=si');
    bot.send('registrar GUA-DP 16/09/2026 15:00 teams cultural=si');
    bot.send('registrar AZU-H1 20/09/2026 09:00 meet');
    bot.send('marcar PIC-DP invitacion');
    bot.send('marcar AZU-H1 sala');
    for (const time of [
      '2026-09-01T14:00:00Z',
      '2026-09-14T15:00:00Z',
      '2026-09-17T12:00:00Z',
      '2026-10-01T12:00:00Z',
    ]) {
      const now = new Date(time);
      const totals = buildCampaignTotals(bot.db, bot.campaign.id, now, { worstLimit: 0, byProvince: true });
      expect(totals.provinces, time).toEqual(provincesFromOverview(now));
      expect(totals.phases, time).toEqual(buildCampaignOverview(bot.db, bot.campaign.id, now).phases);
    }
  });

  it('leaves the provinces out unless asked for them', () => {
    bot = createTestBot();
    expect(buildCampaignTotals(bot.db, bot.campaign.id, new Date(), { worstLimit: 10 }).provinces).toBeUndefined();
  });
});
