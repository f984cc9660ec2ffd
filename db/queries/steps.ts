import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { eventSteps, events } from '../schema.js';
import { recordAudit } from './audit.js';
import { preparedOnce } from './prepared.js';

export type DoneStep = typeof eventSteps.$inferSelect;
export type StepSource = DoneStep['source'];

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
  /** `evidence` for the YouTube and presentation steps the bot proved; `declared` for "declarado sin enlace". */
  source?: StepSource;
}

const insertTick = preparedOnce((db) =>
  db.orm
    .insert(eventSteps)
    .values({
      eventId: sql.placeholder('eventId'),
      stepId: sql.placeholder('stepId'),
      doneBy: sql.placeholder('doneBy'),
      doneAt: sql.placeholder('doneAt'),
      source: sql.placeholder('source'),
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

/**
 * Ticks a step; ticking a done step changes nothing and returns the existing tick, except that
 * evidence replaces a declaration (or an old hand tick): the step then counts as proved.
 */
export function tickStep(
  db: Database,
  change: StepChange,
): {
  step: DoneStep;
  changed: boolean /** The step was not done before (a declaration proved by evidence was). */;
  inserted: boolean;
} {
  const source = change.source ?? 'hand';
  const inserted = insertTick(db).get({
    eventId: change.eventId,
    stepId: change.stepId,
    doneBy: change.actor,
    doneAt: change.at,
    source,
  });
  if (inserted) {
    recordAudit(db, {
      at: change.at,
      actor: change.actor,
      action: 'step.done',
      entity: 'event',
      entityId: change.eventId,
      before: { unit: change.unitCode, step: change.stepId, done: false },
      after: { unit: change.unitCode, step: change.stepId, done: true, source },
      requestId: change.requestId,
    });
    return { step: inserted, changed: true, inserted: true };
  }
  const existing = tickOf(db).get({ eventId: change.eventId, stepId: change.stepId });
  if (!existing) throw new Error(`Step ${change.stepId} of event ${change.eventId} vanished during tick.`);
  if (source === 'evidence' && existing.source !== 'evidence') {
    const proved = db.orm
      .update(eventSteps)
      .set({ source: 'evidence', doneBy: change.actor, doneAt: change.at })
      .where(eq(eventSteps.id, existing.id))
      .returning()
      .get();
    recordAudit(db, {
      at: change.at,
      actor: change.actor,
      action: 'step.proved',
      entity: 'event',
      entityId: change.eventId,
      before: { unit: change.unitCode, step: change.stepId, source: existing.source },
      after: { unit: change.unitCode, step: change.stepId, source: 'evidence' },
      requestId: change.requestId,
    });
    return { step: proved ?? existing, changed: true, inserted: false };
  }
  return { step: existing, changed: false, inserted: false };
}

/** The tick of one step of one event, if it is done. */
export function findTick(db: Database, eventId: number, stepId: string): DoneStep | undefined {
  return tickOf(db).get({ eventId, stepId });
}

/** The events of the campaign whose step is "declarado sin enlace" (read through the `source` index). */
export function listDeclaredEventIds(db: Database, campaignId: number, stepId: string): Set<number> {
  const ids = db.sqlite
    .prepare(
      `SELECT event_steps.event_id FROM event_steps
         JOIN events ON events.id = event_steps.event_id
        WHERE event_steps.source = 'declared' AND event_steps.step_id = ? AND events.campaign_id = ?`,
    )
    .pluck()
    .all(stepId, campaignId) as number[];
  return new Set(ids);
}

/** How many events of the campaign have each step "declarado sin enlace" (the totals count them apart). */
export function countDeclaredSteps(db: Database, campaignId: number): { youtube: number; presentacion: number } {
  const rows = db.sqlite
    .prepare(
      `SELECT event_steps.step_id AS stepId, count(*) AS total FROM event_steps
         JOIN events ON events.id = event_steps.event_id
        WHERE event_steps.source = 'declared' AND events.campaign_id = ?
        GROUP BY event_steps.step_id`,
    )
    .all(campaignId) as { stepId: string; total: number }[];
  const of = (stepId: string) => rows.find((row) => row.stepId === stepId)?.total ?? 0;
  return { youtube: of('youtube'), presentacion: of('presentacion') };
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
        source: removed.source,
      },
      after: { unit: change.unitCode, step: change.stepId, done: false },
      requestId: change.requestId,
    });
  }
  return removed;
}
