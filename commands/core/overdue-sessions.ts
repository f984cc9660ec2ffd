import type { Database } from '../../db/client.js';
import { readEventMasks } from '../../db/queries/event-masks.js';
import { listUnitsOfEventsInOrder } from '../../db/queries/units.js';
import { APPLICABLE_MASKS, pastDueMask, STEP_BITS, STEP_IDS } from './checklist-masks.js';
import type { StepStatus } from './step-state.js';

/** A session with overdue steps, as a reminder names it. */
export interface OverdueSession {
  eventId: number;
  startsAt: Date;
  unit: { code: string; name: string; province: string; officer: string | null };
  /** Its overdue steps, in checklist order, as `deriveChecklist` gives them. */
  overdue: StepStatus[];
}

/**
 * The sessions with overdue steps, in the roster's order: counted on each event's ticked steps as
 * a bit mask (as `buildCampaignTotals` does), with units and step objects only for these sessions.
 */
export function listOverdueSessions(db: Database, campaignId: number, now: Date): OverdueSession[] {
  const nowMs = now.getTime();
  const { eventIds, startsAt, flags, doneMasks } = readEventMasks(db, campaignId, STEP_IDS);
  const overdueByEvent = new Map<number, { startsAtMs: number; mask: number }>();
  for (let i = 0; i < eventIds.length; i += 1) {
    const startsAtMs = startsAt[i] as number;
    const applicable = APPLICABLE_MASKS[flags[i] as number] ?? 0;
    const mask = applicable & ~(doneMasks[i] as number) & pastDueMask(startsAtMs, nowMs);
    if (mask) overdueByEvent.set(eventIds[i] as number, { startsAtMs, mask });
  }
  return listUnitsOfEventsInOrder(db, [...overdueByEvent.keys()]).map(({ eventId, ...unit }) => {
    const { startsAtMs, mask } = overdueByEvent.get(eventId) ?? { startsAtMs: 0, mask: 0 };
    return {
      eventId,
      startsAt: new Date(startsAtMs),
      unit,
      overdue: STEP_BITS.filter(({ bit }) => mask & bit).map(
        ({ step, dueOffsetMs }): StepStatus => ({ step, state: 'overdue', dueAt: new Date(startsAtMs + dueOffsetMs) }),
      ),
    };
  });
}
