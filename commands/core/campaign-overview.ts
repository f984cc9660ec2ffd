import type { Database } from '../../db/client.js';
import type { CampaignEvent } from '../../db/queries/events.js';
import { listEventsWithDoneMasks } from '../../db/queries/events.js';
import { listUnits, type Unit } from '../../db/queries/units.js';
import { CHECKLIST, PHASES } from './checklist.js';
import { isStepApplicable, type PhaseProgress, type StepStatus } from './step-state.js';

export interface UnitProgress {
  unit: Unit;
  event?: CampaignEvent;
  /** Applicable steps done and applicable steps in all. */
  done: number;
  applicable: number;
  /** The overdue steps, in checklist order, as `deriveChecklist` gives them. */
  overdue: StepStatus[];
}

export interface CampaignOverview {
  units: UnitProgress[];
  registered: number;
  held: number;
  withYoutube: number;
  withPresentation: number;
  phases: PhaseProgress[];
}

const MS_PER_HOUR = 3_600_000;

/** Each checklist step with its bit in the done masks (bit `i` is `CHECKLIST[i]`), computed once. */
const STEPS = CHECKLIST.map((step, i) => ({
  step,
  bit: 1 << i,
  phase: PHASES.indexOf(step.phase),
  dueOffsetMs: step.dueOffsetHours * MS_PER_HOUR,
}));
const STEP_IDS = CHECKLIST.map((step) => step.id);
const bitOf = (stepId: string) => STEPS.find(({ step }) => step.id === stepId)?.bit ?? 0;
const YOUTUBE_BIT = bitOf('youtube');
const PRESENTATION_BIT = bitOf('presentacion');

/**
 * The steps that apply to an event (`isStepApplicable`) as a mask, for each combination of the
 * flags the conditions read: [shows material][has a cultural segment].
 */
const APPLICABLE_MASKS = [false, true].map((material) =>
  [false, true].map((cultural) => {
    const flags = { startsAt: new Date(0), showsVideo: material, showsPhotos: false, hasCulturalSegment: cultural };
    return STEPS.reduce((mask, { step, bit }) => (isStepApplicable(step, flags) ? mask | bit : mask), 0);
  }),
);

/**
 * Every unit with its progress: two queries whatever the campaign's size. The checklist is
 * derived as `deriveChecklist` does it (the same applicability, due times and states) but from a
 * bit mask of each event's ticked steps, so a campaign of 100,000 events reads one row per event,
 * not one per tick, and builds no per-step objects except for the overdue steps it lists.
 */
export function buildCampaignOverview(db: Database, campaignId: number, now: Date): CampaignOverview {
  const nowMs = now.getTime();
  const eventsByUnit = new Map(listEventsWithDoneMasks(db, campaignId, STEP_IDS).map((row) => [row.event.unitId, row]));
  const phases: PhaseProgress[] = PHASES.map((phase) => ({ phase, done: 0, applicable: 0, overdue: 0 }));
  let registered = 0;
  let held = 0;
  let withYoutube = 0;
  let withPresentation = 0;
  const units = listUnits(db, campaignId).map((unit): UnitProgress => {
    const row = eventsByUnit.get(unit.id);
    if (!row) return { unit, done: 0, applicable: 0, overdue: [] };
    const { event, doneMask } = row;
    const startsAt = event.startsAt.getTime();
    const applicableMask =
      APPLICABLE_MASKS[event.showsVideo || event.showsPhotos ? 1 : 0]?.[event.hasCulturalSegment ? 1 : 0] ?? 0;
    let done = 0;
    let applicable = 0;
    const overdue: StepStatus[] = [];
    for (const { step, bit, phase, dueOffsetMs } of STEPS) {
      if (!(applicableMask & bit)) continue;
      const totals = phases[phase] as PhaseProgress;
      applicable += 1;
      totals.applicable += 1;
      if (doneMask & bit) {
        done += 1;
        totals.done += 1;
        continue;
      }
      // Past its due time it is overdue; at its due time it is still pending.
      const dueAt = startsAt + dueOffsetMs;
      if (nowMs > dueAt) {
        totals.overdue += 1;
        overdue.push({ step, state: 'overdue', dueAt: new Date(dueAt) });
      }
    }
    registered += 1;
    if (startsAt <= nowMs) held += 1;
    if (doneMask & applicableMask & YOUTUBE_BIT) withYoutube += 1;
    if (doneMask & applicableMask & PRESENTATION_BIT) withPresentation += 1;
    return { unit, event, done, applicable, overdue };
  });
  return { units, registered, held, withYoutube, withPresentation, phases };
}

/** Compares as `localeCompare` does (the default locale and options), without looking the collator up each time. */
const compareCodes = new Intl.Collator().compare;

/** Units with overdue steps, the worst first (most overdue steps, then the oldest due date). */
export function rankOverdueUnits(overview: CampaignOverview): UnitProgress[] {
  return overview.units
    .filter((progress) => progress.overdue.length > 0)
    .sort(
      (a, b) =>
        b.overdue.length - a.overdue.length ||
        (a.overdue[0]?.dueAt.getTime() ?? 0) - (b.overdue[0]?.dueAt.getTime() ?? 0) ||
        compareCodes(a.unit.code, b.unit.code),
    );
}
