import type { UnitTimeZones } from '../../db/schema.js';
import { createDateFormatter, type DateFormatter } from './format-date.js';
import { normalizeWord } from './text.js';

/**
 * Ecuador keeps two zones: the mainland UTC−5 (America/Guayaquil) and Galápagos UTC−6
 * (Pacific/Galapagos). A campaign in Ecuador's zone puts Galápagos units in theirs unless its
 * file says otherwise.
 */
const ECUADOR_ZONE = 'America/Guayaquil';
const ECUADOR_PROVINCE_ZONES: Readonly<Record<string, string>> = { galapagos: 'Pacific/Galapagos' };

interface CampaignZones {
  timeZone: string;
  unitTimeZones: UnitTimeZones;
}

/** The zone a unit lives in: its own from the campaign file, else its province's, else the campaign's. */
export function unitTimeZone(campaign: CampaignZones, unit: { code: string; province: string }): string {
  const { provinces = {}, units = {} } = campaign.unitTimeZones;
  const code = unit.code.toUpperCase();
  const byUnit = Object.entries(units).find(([key]) => key.toUpperCase() === code)?.[1];
  if (byUnit) return byUnit;
  const province = normalizeWord(unit.province);
  const byProvince = Object.entries(provinces).find(([key]) => normalizeWord(key) === province)?.[1];
  if (byProvince) return byProvince;
  if (campaign.timeZone === ECUADOR_ZONE) return ECUADOR_PROVINCE_ZONES[province] ?? campaign.timeZone;
  return campaign.timeZone;
}

/**
 * The dates of one unit's session: read and written in the unit's own zone; where that zone is not
 * the campaign's, every time names it (`10:00 (hora de Galápagos)`), so the Directorate in Quito
 * and the officer in Puerto Ayora read the same words for the same instant.
 */
export function unitDates(
  ctx: { campaign: CampaignZones; dates: DateFormatter },
  unit: { code: string; province: string },
): DateFormatter {
  const timeZone = unitTimeZone(ctx.campaign, unit);
  if (timeZone === ctx.campaign.timeZone) return ctx.dates;
  return createDateFormatter(ctx.dates.locale, timeZone, { nameZone: true });
}
