import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { reminderMutes, reminderSnoozes, remindersSent, scheduledPosts } from '../schema.js';
import { recordAudit } from './audit.js';
import { inlineLimit, preparedOnce } from './prepared.js';

/** Claims a scheduled slot; true for the one process (and the one call) that gets it. */
export function claimScheduledSlot(db: Database, kind: string, slot: string, at: Date): boolean {
  const claimed = db.orm
    .insert(scheduledPosts)
    .values({ kind, slot, claimedAt: at })
    .onConflictDoNothing()
    .returning({ id: scheduledPosts.id })
    .all();
  return claimed.length > 0;
}

export function listScheduledPosts(db: Database, kind: string) {
  return db.orm.select().from(scheduledPosts).where(eq(scheduledPosts.kind, kind)).orderBy(scheduledPosts.id).all();
}

/** Records a reminder; false if this step was already reminded to this person today. */
export function recordReminder(
  db: Database,
  reminder: { eventId: number; stepId: string; userId: string; localDate: string; at: Date },
): boolean {
  const inserted = db.orm
    .insert(remindersSent)
    .values({ ...reminder, sentAt: reminder.at })
    .onConflictDoNothing()
    .returning({ id: remindersSent.id })
    .all();
  return inserted.length > 0;
}

const lastReminder = preparedOnce((db) =>
  db.orm
    .select()
    .from(remindersSent)
    .where(eq(remindersSent.eventId, sql.placeholder('eventId')))
    .orderBy(desc(remindersSent.sentAt))
    .limit(inlineLimit(1))
    .prepare(),
);

export function findLastReminder(db: Database, eventId: number) {
  return lastReminder(db).get({ eventId });
}

export function snoozeReminders(
  db: Database,
  snooze: { eventId: number; userId: string; until: Date; at: Date; requestId?: string },
): void {
  db.orm
    .insert(reminderSnoozes)
    .values({ eventId: snooze.eventId, userId: snooze.userId, until: snooze.until })
    .onConflictDoUpdate({ target: [reminderSnoozes.eventId, reminderSnoozes.userId], set: { until: snooze.until } })
    .run();
  recordAudit(db, {
    at: snooze.at,
    actor: snooze.userId,
    action: 'reminder.snoozed',
    entity: 'event',
    entityId: snooze.eventId,
    after: { until: snooze.until },
    requestId: snooze.requestId,
  });
}

export function listMutedUsers(db: Database) {
  return db.orm.select().from(reminderMutes).orderBy(reminderMutes.userId).all();
}

/** What the reminders pass checks for each unit and person, read once per pass. */
export interface ReminderState {
  isMuted(userId: string): boolean;
  isSnoozed(eventId: number, userId: string): boolean;
  wasReminded(reminder: { eventId: number; stepId: string; userId: string }): boolean;
}

const key = (...parts: readonly (string | number)[]) => JSON.stringify(parts);

const remindedOn = preparedOnce((db) =>
  db.orm
    .select({ eventId: remindersSent.eventId, stepId: remindersSent.stepId, userId: remindersSent.userId })
    .from(remindersSent)
    .where(
      and(
        // The ids as a JSON array: SQLite looks each one up on the once-a-day index.
        sql`${remindersSent.eventId} IN (SELECT value FROM json_each(${sql.placeholder('eventIds')}))`,
        eq(remindersSent.localDate, sql.placeholder('localDate')),
      ),
    )
    .prepare(),
);

/**
 * Who turned reminders off, whose reminders of which event are snoozed at `now`, and which steps
 * of these events were already reminded to whom on `localDate`: three queries, instead of three per
 * unit and person (at 10,000 events a pass ran about 27,000 of them, over a second each minute).
 */
export function readReminderState(
  db: Database,
  scope: { eventIds: readonly number[]; localDate: string; now: Date },
): ReminderState {
  const muted = new Set(listMutedUsers(db).map((row) => row.userId));
  const snoozed = new Set(
    db.orm
      .select({ eventId: reminderSnoozes.eventId, userId: reminderSnoozes.userId })
      .from(reminderSnoozes)
      .where(gt(reminderSnoozes.until, scope.now))
      .all()
      .map((row) => key(row.eventId, row.userId)),
  );
  const reminded = new Set(
    remindedOn(db)
      .all({ eventIds: JSON.stringify(scope.eventIds), localDate: scope.localDate })
      .map((row) => key(row.eventId, row.stepId, row.userId)),
  );
  return {
    isMuted: (userId) => muted.has(userId),
    isSnoozed: (eventId, userId) => snoozed.has(key(eventId, userId)),
    wasReminded: (reminder) => reminded.has(key(reminder.eventId, reminder.stepId, reminder.userId)),
  };
}

/** Turns a person's reminders off or on; returns whether anything changed. */
export function setMuted(
  db: Database,
  change: { userId: string; muted: boolean; at: Date; requestId?: string },
): boolean {
  const changed = change.muted
    ? db.orm
        .insert(reminderMutes)
        .values({ userId: change.userId, mutedAt: change.at })
        .onConflictDoNothing()
        .returning()
        .all()
    : db.orm.delete(reminderMutes).where(eq(reminderMutes.userId, change.userId)).returning().all();
  if (changed.length === 0) return false;
  recordAudit(db, {
    at: change.at,
    actor: change.userId,
    action: change.muted ? 'reminders.muted' : 'reminders.unmuted',
    entity: 'user',
    entityId: change.userId,
    requestId: change.requestId,
  });
  return true;
}
