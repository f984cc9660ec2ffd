import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { eventSteps, events } from '../schema.js';
import { recordAudit } from './audit.js';
import { preparedOnce } from './prepared.js';

export type DoneStep = typeof eventSteps.$inferSelect;

const doneSteps = preparedOnce((db) =>
  db.orm
    .select()
    .from(eventSteps)
    .where(eq(eventSteps.eventId, sql.placeholder('eventId')))
    .prepare(),
);

export function listDoneSteps(db: Database, eventId: number): DoneStep[] {
  return doneSteps(db).all({ eventId });
}

/** Every ticked step of the campaign, grouped by event id: one query for the whole overview. */
export function listDoneStepsByEvent(db: Database, campaignId: number): Map<number, DoneStep[]> {
  const rows = db.orm
    .select({ step: eventSteps })
    .from(eventSteps)
    .innerJoin(events, eq(eventSteps.eventId, events.id))
    .where(eq(events.campaignId, campaignId))
    .all();
  const byEvent = new Map<number, DoneStep[]>();
  for (const { step } of rows) {
    const list = byEvent.get(step.eventId) ?? [];
    list.push(step);
    byEvent.set(step.eventId, list);
  }
  return byEvent;
}

interface StepChange {
  eventId: number;
  stepId: string;
  actor: string;
  at: Date;
  requestId?: string;
  unitCode: string;
}

const insertTick = preparedOnce((db) =>
  db.orm
    .insert(eventSteps)
    .values({
      eventId: sql.placeholder('eventId'),
      stepId: sql.placeholder('stepId'),
      doneBy: sql.placeholder('doneBy'),
      doneAt: sql.placeholder('doneAt'),
    })
    .onConflictDoNothing()
    .returning()
    .prepare(),
);

const tickOf = preparedOnce((db) =>
  db.orm
    .select()
    .from(eventSteps)
    .where(and(eq(eventSteps.eventId, sql.placeholder('eventId')), eq(eventSteps.stepId, sql.placeholder('stepId'))))
    .prepare(),
);

const deleteTick = preparedOnce((db) =>
  db.orm
    .delete(eventSteps)
    .where(and(eq(eventSteps.eventId, sql.placeholder('eventId')), eq(eventSteps.stepId, sql.placeholder('stepId'))))
    .returning()
    .prepare(),
);

/** Ticks a step; ticking a done step changes nothing and returns the existing tick. */
export function tickStep(db: Database, change: StepChange): { step: DoneStep; changed: boolean } {
  const inserted = insertTick(db).get({
    eventId: change.eventId,
    stepId: change.stepId,
    doneBy: change.actor,
    doneAt: change.at,
  });
  if (inserted) {
    recordAudit(db, {
      at: change.at,
      actor: change.actor,
      action: 'step.done',
      entity: 'event',
      entityId: change.eventId,
      before: { unit: change.unitCode, step: change.stepId, done: false },
      after: { unit: change.unitCode, step: change.stepId, done: true },
      requestId: change.requestId,
    });
    return { step: inserted, changed: true };
  }
  const existing = tickOf(db).get({ eventId: change.eventId, stepId: change.stepId });
  if (!existing) throw new Error(`Step ${change.stepId} of event ${change.eventId} vanished during tick.`);
  return { step: existing, changed: false };
}

/** Unticks a step; returns the tick that was removed, if there was one. */
export function untickStep(db: Database, change: StepChange): DoneStep | undefined {
  const removed = deleteTick(db).get({ eventId: change.eventId, stepId: change.stepId });
  if (removed) {
    recordAudit(db, {
      at: change.at,
      actor: change.actor,
      action: 'step.undone',
      entity: 'event',
      entityId: change.eventId,
      before: {
        unit: change.unitCode,
        step: change.stepId,
        done: true,
        doneBy: removed.doneBy,
        doneAt: removed.doneAt,
      },
      after: { unit: change.unitCode, step: change.stepId, done: false },
      requestId: change.requestId,
    });
  }
  return removed;
}
