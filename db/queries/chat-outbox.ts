import { and, asc, desc, eq, gt, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { chatCards, chatOutbox } from '../schema.js';
import { inlineLimit, preparedOnce } from './prepared.js';

export type OutboxEntry = typeof chatOutbox.$inferSelect;
export type OutboxInput = Pick<
  OutboxEntry,
  'platform' | 'targetType' | 'target' | 'fallbackChannelId' | 'action' | 'cardKey' | 'message' | 'createdAt'
>;

export function enqueueChatMessage(db: Database, entry: OutboxInput): void {
  db.orm.insert(chatOutbox).values(entry).run();
}

/** The newest message queued for a card, delivered or not: what the card shows (or will). */
export function findLatestCardMessage(db: Database, cardKey: string): OutboxEntry | undefined {
  return db.orm
    .select()
    .from(chatOutbox)
    .where(eq(chatOutbox.cardKey, cardKey))
    .orderBy(desc(chatOutbox.id))
    .limit(inlineLimit(1))
    .get();
}

const undeliveredMessagesQuery = (db: Database, limit: number) =>
  db.orm
    .select()
    .from(chatOutbox)
    .where(
      and(
        eq(chatOutbox.platform, sql.placeholder('platform')),
        isNull(chatOutbox.deliveredAt),
        sql`(${chatOutbox.nextAttemptAt} IS NULL OR ${chatOutbox.nextAttemptAt} <= ${sql.placeholder('now')})`,
      ),
    )
    .orderBy(asc(chatOutbox.id))
    .limit(inlineLimit(limit))
    .prepare();

/** One statement per limit asked for (the passes ask for 50), its LIMIT written in: see inlineLimit. */
const undeliveredMessages = preparedOnce(() => new Map<number, ReturnType<typeof undeliveredMessagesQuery>>());

/**
 * Messages to send now, oldest first: not delivered, and not waiting out a back-off at `now`
 * (without `now`, every undelivered message).
 */
export function listUndeliveredMessages(
  db: Database,
  platform: OutboxEntry['platform'],
  limit = 50,
  now?: Date,
): OutboxEntry[] {
  const byLimit = undeliveredMessages(db);
  let query = byLimit.get(limit);
  if (!query) {
    query = undeliveredMessagesQuery(db, limit);
    byLimit.set(limit, query);
  }
  return query.all({ platform, now: now?.getTime() ?? Number.MAX_SAFE_INTEGER });
}

/** A message claimed by one attempt, and whether an earlier attempt may already have sent it. */
export type ClaimedEntry = OutboxEntry & { attemptId: string; firstClaimedAt: Date; claimedBefore: boolean };

/**
 * Claims a message for one attempt (`sending`) before the platform is called: the conditional
 * update succeeds for one process only, so two bots on one database never both send it. A claim
 * older than `staleBefore` belongs to an attempt that died (or gave up): it may be taken over.
 */
export function claimMessage(
  db: Database,
  id: number,
  claim: { attemptId: string; at: Date; staleBefore: Date },
): ClaimedEntry | undefined {
  const row = db.orm
    .update(chatOutbox)
    .set({
      sendingSince: claim.at,
      attemptId: claim.attemptId,
      firstClaimedAt: sql`coalesce(${chatOutbox.firstClaimedAt}, ${claim.at.getTime()})`,
    })
    .where(
      and(
        eq(chatOutbox.id, id),
        isNull(chatOutbox.deliveredAt),
        or(isNull(chatOutbox.sendingSince), lte(chatOutbox.sendingSince, claim.staleBefore)),
      ),
    )
    .returning()
    .get();
  if (!row?.firstClaimedAt) return undefined;
  return {
    ...row,
    attemptId: claim.attemptId,
    firstClaimedAt: row.firstClaimedAt,
    claimedBefore: row.firstClaimedAt.getTime() !== claim.at.getTime(),
  };
}

/** Marks a message delivered; with `attemptId`, only if that attempt still holds the claim. */
export function markMessageDelivered(db: Database, id: number, at: Date, attemptId?: string): boolean {
  const ours = attemptId === undefined ? undefined : eq(chatOutbox.attemptId, attemptId);
  return (
    db.orm
      .update(chatOutbox)
      .set({ deliveredAt: at, sendingSince: null })
      .where(and(eq(chatOutbox.id, id), isNull(chatOutbox.deliveredAt), ours))
      .run().changes > 0
  );
}

/** Gives the claim back after a failed attempt: queued again, after its back-off. */
export function markMessageFailed(
  db: Database,
  id: number,
  failure: { error: string; attempts: number; nextAttemptAt: Date; attemptId?: string },
): void {
  const ours = failure.attemptId === undefined ? undefined : eq(chatOutbox.attemptId, failure.attemptId);
  db.orm
    .update(chatOutbox)
    .set({
      lastError: failure.error.slice(0, 500),
      attempts: failure.attempts,
      nextAttemptAt: failure.nextAttemptAt,
      sendingSince: null,
    })
    .where(and(eq(chatOutbox.id, id), isNull(chatOutbox.deliveredAt), ours))
    .run();
}

/** Whether a later message for the same card and platform exists: it shows the card's newest state. */
export function hasNewerCardMessage(db: Database, entry: Pick<OutboxEntry, 'id' | 'cardKey' | 'platform'>): boolean {
  if (!entry.cardKey) return false;
  return (
    db.orm
      .select({ id: chatOutbox.id })
      .from(chatOutbox)
      .where(
        and(
          eq(chatOutbox.cardKey, entry.cardKey),
          eq(chatOutbox.platform, entry.platform),
          gt(chatOutbox.id, entry.id),
        ),
      )
      .limit(inlineLimit(1))
      .get() !== undefined
  );
}

/** Earlier messages of the same card that some attempt claimed (one may be on the platform), newest first. */
export function listClaimedEarlierCardMessages(
  db: Database,
  entry: Pick<OutboxEntry, 'id' | 'cardKey' | 'platform'>,
): OutboxEntry[] {
  if (!entry.cardKey) return [];
  return db.orm
    .select()
    .from(chatOutbox)
    .where(
      and(
        eq(chatOutbox.cardKey, entry.cardKey),
        eq(chatOutbox.platform, entry.platform),
        lt(chatOutbox.id, entry.id),
        isNotNull(chatOutbox.firstClaimedAt),
      ),
    )
    .orderBy(desc(chatOutbox.id))
    .all();
}

export function saveCardLocation(
  db: Database,
  card: { cardKey: string; platform: OutboxEntry['platform']; channelRef: string; messageRef: string; at: Date },
): void {
  db.orm
    .insert(chatCards)
    .values({
      cardKey: card.cardKey,
      platform: card.platform,
      channelRef: card.channelRef,
      messageRef: card.messageRef,
      updatedAt: card.at,
    })
    .onConflictDoUpdate({
      target: [chatCards.cardKey, chatCards.platform],
      set: { channelRef: card.channelRef, messageRef: card.messageRef, updatedAt: card.at },
    })
    .run();
}

export function findCardLocation(db: Database, cardKey: string, platform: OutboxEntry['platform']) {
  return db.orm
    .select()
    .from(chatCards)
    .where(and(eq(chatCards.cardKey, cardKey), eq(chatCards.platform, platform)))
    .get();
}
