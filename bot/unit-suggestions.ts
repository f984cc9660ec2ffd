import { normalizeWord } from '../commands/core/text.js';
import type { Database } from '../db/client.js';
import { getCampaign } from '../db/queries/campaign.js';
import { listUnits, type Unit } from '../db/queries/units.js';

/**
 * The units whose code or name contains what the user typed, their own units first, at most
 * `limit`: what a unit picker (Slack) or an autocomplete (Discord) offers.
 */
export function suggestUnits(db: Database, typed: string, ownUnitCodes: ReadonlySet<string>, limit: number): Unit[] {
  const wanted = normalizeWord(typed);
  return listUnits(db, getCampaign(db).id)
    .filter((unit) => !wanted || normalizeWord(`${unit.code} ${unit.name}`).includes(wanted))
    .sort((a, b) => Number(ownUnitCodes.has(b.code)) - Number(ownUnitCodes.has(a.code)))
    .slice(0, limit);
}

/** The provinces of the campaign whose name contains what was typed, in roster order. */
export function suggestProvinces(db: Database, typed: string, limit: number): string[] {
  const wanted = normalizeWord(typed);
  const provinces = [...new Set(listUnits(db, getCampaign(db).id).map((unit) => unit.province))];
  return provinces.filter((province) => !wanted || normalizeWord(province).includes(wanted)).slice(0, limit);
}
