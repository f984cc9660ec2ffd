import { getCampaign } from '../../db/queries/campaign.js';
import { listUnits, type Unit } from '../../db/queries/units.js';
import { CHECKLIST, isManuallyTickable } from '../core/checklist.js';
import { normalizeWord } from '../core/text.js';
import type { CommandContext } from '../core/types.js';
import type { FormChoice } from './form-description.js';

/** What the bot offers while the user types a value (a Slack unit picker, Discord autocomplete). */
export type Suggestion = 'unit' | 'step' | 'scope' | 'requestsFilter' | 'province' | 'role';

/**
 * The units whose code or name contains what the user typed, their own units first, at most `limit`.
 */
function suggestUnits(ctx: CommandContext, typed: string, limit: number): Unit[] {
  const wanted = normalizeWord(typed);
  const own = ctx.access.officerUnitCodes;
  return listUnits(ctx.deps.db, getCampaign(ctx.deps.db).id)
    .filter((unit) => !wanted || normalizeWord(`${unit.code} ${unit.name}`).includes(wanted))
    .sort((a, b) => Number(own.has(b.code)) - Number(own.has(a.code)))
    .slice(0, limit);
}

/** The provinces of the campaign whose name contains what was typed, in roster order. */
function suggestProvinces(ctx: CommandContext, typed: string, limit: number): string[] {
  const wanted = normalizeWord(typed);
  const provinces = [...new Set(listUnits(ctx.deps.db, getCampaign(ctx.deps.db).id).map((unit) => unit.province))];
  return provinces.filter((province) => !wanted || normalizeWord(province).includes(wanted)).slice(0, limit);
}

/** The choices for what the user is typing, at most `limit` (labels are cut by the adapter). */
export function suggest(ctx: CommandContext, kind: Suggestion, typed: string, limit: number): FormChoice[] {
  const units = (max: number) =>
    suggestUnits(ctx, typed, max).map((unit) => ({ label: `${unit.code} · ${unit.name}`, value: unit.code }));
  const words = (list: readonly string[]) =>
    list.filter((word) => word.startsWith(typed.trim().toLowerCase())).map((word) => ({ label: word, value: word }));
  const provinces = (max: number) =>
    suggestProvinces(ctx, typed, max).map((province) => ({ label: province, value: province }));
  switch (kind) {
    case 'unit':
      return units(limit);
    case 'step':
      return CHECKLIST.filter((step) => isManuallyTickable(step) && !step.provedBy)
        .map((step) => ({
          label: `${step.id} · ${ctx.t.steps[step.id as keyof typeof ctx.t.steps] ?? ''}`,
          value: step.id,
        }))
        .filter((choice) => choice.label.toLowerCase().includes(typed.trim().toLowerCase()));
    case 'scope':
      return [...words(['todo']), ...provinces(10), ...units(limit)];
    case 'requestsFilter':
      return [...words(['pendientes', 'todas']), ...units(limit)];
    case 'province':
      return provinces(limit);
    case 'role': {
      const roles = words(['direccion', 'comunicacion', 'admin']);
      const officer = units(limit - roles.length).map((unit) => ({
        label: `oficial:${unit.value}`,
        value: `oficial:${unit.value}`,
      }));
      return [...roles, ...officer];
    }
  }
}
