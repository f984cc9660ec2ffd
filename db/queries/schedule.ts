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

export function wasReminded(
  db: Database,
  reminder: { eventId: number; stepId: string; userId: string; localDate: string },
): boolean {
  return (
    db.orm
      .select({ id: remindersSent.id })
      .from(remindersSent)
      .where(
        and(
          eq(remindersSent.eventId, reminder.eventId),
          eq(remindersSent.stepId, reminder.stepId),
          eq(remindersSent.userId, reminder.userId),
          eq(remindersSent.localDate, reminder.localDate),
        ),
      )
      .get() !== undefined
  );
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

export function isSnoozed(db: Database, eventId: number, userId: string, now: Date): boolean {
  return (
    db.orm
      .select({ id: reminderSnoozes.id })
      .from(reminderSnoozes)
      .where(
        and(eq(reminderSnoozes.eventId, eventId), eq(reminderSnoozes.userId, userId), gt(reminderSnoozes.until, now)),
      )
      .get() !== undefined
  );
}

export function listMutedUsers(db: Database) {
  return db.orm.select().from(reminderMutes).orderBy(reminderMutes.userId).all();
}

export function isMuted(db: Database, userId: string): boolean {
  return db.orm.select().from(reminderMutes).where(eq(reminderMutes.userId, userId)).get() !== undefined;
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
