import type { Database } from '../../db/client.js';
import type { CampaignEvent } from '../../db/queries/events.js';
import { listEventsWithDoneMasks } from '../../db/queries/events.js';
import { countDeclaredSteps } from '../../db/queries/steps.js';
import { listUnits, type Unit } from '../../db/queries/units.js';
import { PHASES } from './checklist.js';
import { applicableMaskOf, PRESENTATION_BIT, STEP_BITS, STEP_IDS, YOUTUBE_BIT } from './checklist-masks.js';
import type { PhaseProgress, StepStatus } from './step-state.js';

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
  /** Proved by a link; the steps "declarado sin enlace" are counted apart. */
  withYoutube: number;
  withPresentation: number;
  youtubeDeclared: number;
  presentationDeclared: number;
  phases: PhaseProgress[];
}

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
    const applicableMask = applicableMaskOf(event);
    let done = 0;
    let applicable = 0;
    const overdue: StepStatus[] = [];
    for (const { step, bit, phase, dueOffsetMs } of STEP_BITS) {
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
  const declared = countDeclaredSteps(db, campaignId);
  return {
    units,
    registered,
    held,
    withYoutube: withYoutube - declared.youtube,
    withPresentation: withPresentation - declared.presentacion,
    youtubeDeclared: declared.youtube,
    presentationDeclared: declared.presentacion,
    phases,
  };
}
