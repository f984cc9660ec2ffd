import type { Database } from '../../db/client.js';
import { listUnitMasks, type UnitSelection } from '../../db/queries/event-masks.js';
import { APPLICABLE_MASKS, countSteps, pastDueMask, STEP_IDS } from './checklist-masks.js';

/** A unit's checklist in numbers, as `estado <provincia>` lists it. */
export interface UnitCounts {
  code: string;
  name: string;
  province: string;
  /** When its session starts; undefined while it has not registered one. */
  startsAt?: Date;
  /** Applicable steps done, applicable steps, and overdue ones. */
  done: number;
  applicable: number;
  overdue: number;
}

/**
 * The selected units (a province's, or an officer's) in the roster's order, each counted with the
 * checklist's rules (`deriveChecklist`) on its ticked steps as a bit mask: one row per unit, only
 * for these units, and no object per step.
 */
export function countUnitSteps(db: Database, campaignId: number, selection: UnitSelection, now: Date): UnitCounts[] {
  const nowMs = now.getTime();
  return listUnitMasks(db, campaignId, selection, STEP_IDS).map(
    ({ code, name, province, startsAt, flags, doneMask }) => {
      if (startsAt === null) return { code, name, province, done: 0, applicable: 0, overdue: 0 };
      const applicable = APPLICABLE_MASKS[flags ?? 0] ?? 0;
      const done = doneMask & applicable;
      return {
        code,
        name,
        province,
        startsAt: new Date(startsAt),
        done: countSteps(done),
        applicable: countSteps(applicable),
        overdue: countSteps(applicable & ~done & pastDueMask(startsAt, nowMs)),
      };
    },
  );
}
