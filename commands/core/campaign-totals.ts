import type { Database } from '../../db/client.js';
import { readEventMasks } from '../../db/queries/event-masks.js';
import { countDeclaredSteps } from '../../db/queries/steps.js';
import { countUnits, countUnitsByProvince, listUnitsOfEvents } from '../../db/queries/units.js';
import { type ChecklistStep, PHASES } from './checklist.js';
import {
  APPLICABLE_MASKS,
  countSteps,
  firstStepOf,
  PHASE_MASKS,
  PRESENTATION_BIT,
  pastDueMask,
  STEP_IDS,
  stepsOf,
  YOUTUBE_BIT,
} from './checklist-masks.js';
import type { PhaseProgress } from './step-state.js';

/** A unit with overdue steps, as the overdue list names it. */
export interface OverdueUnit {
  unitCode: string;
  /** Its overdue steps, in checklist order. */
  steps: ChecklistStep[];
}

/** One province's units, sessions and applicable steps (done and overdue), as the chart draws them. */
export interface ProvinceTotals {
  province: string;
  units: number;
  registered: number;
  done: number;
  applicable: number;
  overdue: number;
}

/** The campaign's figures for `resumen`, `estado todo` and the chart: counts, and only the units they list. */
export interface CampaignTotals {
  units: number;
  registered: number;
  held: number;
  /** Units whose YouTube step is proved by its link (the declared ones are counted apart). */
  withYoutube: number;
  withPresentation: number;
  /** Units whose step the Directorate recorded "declarado sin enlace". */
  youtubeDeclared: number;
  presentationDeclared: number;
  phases: PhaseProgress[];
  /** How many units have at least one overdue step. */
  overdueUnits: number;
  /** The worst of them, worst first: most overdue steps, then the oldest due date, then by code. */
  worstOverdue: OverdueUnit[];
  /** With `byProvince` only (the chart): every province with units, in the roster's order. */
  provinces?: ProvinceTotals[];
}

/** Compares as `localeCompare` does (the default locale and options), without looking the collator up each time. */
const compareCodes = new Intl.Collator().compare;

/**
 * Counts the campaign with the checklist's rules (`deriveChecklist`: the same applicability, due
 * times and states) on each event's ticked steps as a bit mask: three numbers per event, read as
 * plain arrays, and no object per unit, event or step. Units are read only for the overdue ones it names (and
 * those tied with the last of them), and counted in SQL. With `byProvince`, each event's province
 * is read too and the steps are also counted by province.
 */
export function buildCampaignTotals(
  db: Database,
  campaignId: number,
  now: Date,
  options: { worstLimit: number; byProvince?: boolean },
): CampaignTotals {
  const nowMs = now.getTime();
  const byProvince = options.byProvince === true;
  // One read transaction: the provinces' units and the events are of the same moment.
  const { masks, unitsByProvince, declared } = db.sqlite.transaction(() => ({
    masks: readEventMasks(db, campaignId, STEP_IDS, { withProvinces: byProvince }),
    unitsByProvince: byProvince ? countUnitsByProvince(db, campaignId) : undefined,
    declared: countDeclaredSteps(db, campaignId),
  }))();
  const { eventIds, startsAt, flags, doneMasks, provinces } = masks;
  const provinceTotals = unitsByProvince ? provinceTotalsOf(unitsByProvince) : undefined;
  const phases: PhaseProgress[] = PHASES.map((phase) => ({ phase, done: 0, applicable: 0, overdue: 0 }));
  let held = 0;
  let withYoutube = 0;
  let withPresentation = 0;
  const overdueAt: number[] = [];
  const overdueMasks: number[] = [];
  for (let i = 0; i < eventIds.length; i += 1) {
    const startsAtMs = startsAt[i] as number;
    const applicable = APPLICABLE_MASKS[flags[i] as number] ?? 0;
    const done = (doneMasks[i] as number) & applicable;
    const overdue = applicable & ~done & pastDueMask(startsAtMs, nowMs);
    for (let phase = 0; phase < phases.length; phase += 1) {
      const totals = phases[phase] as PhaseProgress;
      const inPhase = PHASE_MASKS[phase] as number;
      totals.applicable += countSteps(applicable & inPhase);
      totals.done += countSteps(done & inPhase);
      totals.overdue += countSteps(overdue & inPhase);
    }
    if (startsAtMs <= nowMs) held += 1;
    if (done & YOUTUBE_BIT) withYoutube += 1;
    if (done & PRESENTATION_BIT) withPresentation += 1;
    if (overdue) {
      overdueAt.push(i);
      overdueMasks.push(overdue);
    }
    if (provinceTotals && provinces) {
      const totals = provinceTotals.of(provinces[i] as string);
      totals.registered += 1;
      totals.applicable += countSteps(applicable);
      totals.done += countSteps(done);
      totals.overdue += countSteps(overdue);
    }
  }
  return {
    units: countUnits(db, campaignId),
    registered: eventIds.length,
    held,
    // The ticks include the declared ones; the links are the rest.
    withYoutube: withYoutube - declared.youtube,
    withPresentation: withPresentation - declared.presentacion,
    youtubeDeclared: declared.youtube,
    presentationDeclared: declared.presentacion,
    phases,
    overdueUnits: overdueAt.length,
    worstOverdue: worstOverdue(db, { eventIds, startsAt }, overdueAt, overdueMasks, options.worstLimit),
    provinces: provinceTotals?.list(),
  };
}

/** A province's totals to add to, starting from its unit count; `list` gives them in the roster's order. */
function provinceTotalsOf(unitsByProvince: readonly { province: string; units: number }[]) {
  // SQLite's order of the province names, as `listUnits` reads the roster.
  const byName = new Map<string, ProvinceTotals>(
    unitsByProvince.map(({ province, units }) => [
      province,
      { province, units, registered: 0, done: 0, applicable: 0, overdue: 0 },
    ]),
  );
  return {
    of(province: string): ProvinceTotals {
      let totals = byName.get(province);
      if (!totals) {
        // Only for an event without its unit, which the foreign keys prevent.
        totals = { province, units: 0, registered: 0, done: 0, applicable: 0, overdue: 0 };
        byName.set(province, totals);
      }
      return totals;
    },
    list: () => [...byName.values()],
  };
}

/**
 * Orders by most overdue steps, then the oldest due date, as one number: the due date of the first
 * overdue step (in checklist order) less the count times 2^46 ms (about 2,200 years, far more than
 * any due date's distance from 1970), so a smaller key is a worse unit.
 */
const COUNT_WEIGHT_MS = 2 ** 46;

function worstOverdue(
  db: Database,
  events: { eventIds: readonly number[]; startsAt: readonly number[] },
  overdueAt: readonly number[],
  overdueMasks: readonly number[],
  limit: number,
): OverdueUnit[] {
  if (overdueAt.length === 0 || limit <= 0) return [];
  const keys = new Float64Array(overdueAt.length);
  overdueAt.forEach((i, n) => {
    const mask = overdueMasks[n] as number;
    const firstDueMs = (events.startsAt[i] as number) + firstStepOf(mask).dueOffsetMs;
    keys[n] = firstDueMs - countSteps(mask) * COUNT_WEIGHT_MS;
  });
  // The key of the last unit shown; the units tied with it are told apart by code below.
  const lastKey = keys.slice().sort()[Math.min(limit, keys.length) - 1] as number;
  const shown: number[] = [];
  keys.forEach((key, n) => {
    if (key <= lastKey) shown.push(n);
  });
  const units = listUnitsOfEvents(
    db,
    shown.map((n) => events.eventIds[overdueAt[n] as number] as number),
  );
  const unitOf = (n: number) => units.get(events.eventIds[overdueAt[n] as number] as number);
  return shown
    .map((n) => ({ n, key: keys[n] as number, code: unitOf(n)?.code ?? '', province: unitOf(n)?.province ?? '' }))
    .sort(
      (a, b) =>
        a.key - b.key ||
        compareCodes(a.code, b.code) ||
        // Where the collator sees no difference, the roster's order (province, then code) as before.
        compareCodeUnits(a.province, b.province) ||
        compareCodeUnits(a.code, b.code),
    )
    .slice(0, limit)
    .map(({ n, code }) => ({ unitCode: code, steps: stepsOf(overdueMasks[n] as number) }));
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
