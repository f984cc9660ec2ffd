import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { tweets } from '../schema.js';
import { recordAudit } from './audit.js';
import { inlineLimit, preparedOnce } from './prepared.js';

export type Tweet = typeof tweets.$inferSelect;
export type TweetState = Tweet['state'];

/** States of a tweet that is, or is about to be, on the account: what rule 12 compares against. */
const LIVE_STATES: TweetState[] = ['awaiting_approval', 'queued', 'sending', 'sent', 'simulated'];

export function createDraftTweet(
  db: Database,
  input: Pick<Tweet, 'eventId' | 'text' | 'requestedBy' | 'requestPlatform'> & {
    at: Date;
    requestId?: string;
    purpose?: Tweet['purpose'];
  },
): Tweet {
  const { at, requestId, ...values } = input;
  const tweet = db.orm
    .insert(tweets)
    .values({ ...values, state: 'draft', createdAt: at })
    .returning()
    .get();
  recordAudit(db, {
    at,
    actor: input.requestedBy,
    action: 'tweet.drafted',
    entity: 'tweet',
    entityId: tweet.id,
    after: { text: tweet.text, eventId: tweet.eventId },
    requestId,
  });
  return tweet;
}

export function findTweet(db: Database, id: number): Tweet | undefined {
  return db.orm.select().from(tweets).where(eq(tweets.id, id)).get();
}

export function findTweetOfApproval(db: Database, approvalRequestId: number): Tweet | undefined {
  return db.orm.select().from(tweets).where(eq(tweets.approvalRequestId, approvalRequestId)).get();
}

export function listRecentAccountTweets(db: Database, since: Date, exceptId?: number): Tweet[] {
  return db.orm
    .select()
    .from(tweets)
    .where(and(inArray(tweets.state, LIVE_STATES), gte(tweets.createdAt, since)))
    .all()
    .filter((tweet) => tweet.id !== exceptId);
}

export function countEventTweetsSince(db: Database, eventId: number, since: Date, exceptId?: number): number {
  return db.orm
    .select()
    .from(tweets)
    .where(and(eq(tweets.eventId, eventId), inArray(tweets.state, LIVE_STATES), gte(tweets.createdAt, since)))
    .all()
    .filter((tweet) => tweet.id !== exceptId).length;
}

/**
 * Moves a tweet from one of `from` to `to`, or does nothing if another press, worker or process
 * moved it first (the same conditional update that makes approvals single-decision).
 */
export function moveTweet(
  db: Database,
  change: {
    id: number;
    from: readonly TweetState[];
    to: TweetState;
    actor: string;
    at: Date;
    set?: Partial<
      Pick<
        Tweet,
        | 'xTweetId'
        | 'inReplyToTweetId'
        | 'sentAt'
        | 'lastError'
        | 'approvalRequestId'
        | 'publishedBy'
        | 'attempts'
        | 'nextAttemptAt'
        | 'firstClaimedAt'
      >
    >;
    requestId?: string;
  },
): Tweet | undefined {
  const moved = db.orm
    .update(tweets)
    .set({ state: change.to, ...change.set })
    .where(and(eq(tweets.id, change.id), inArray(tweets.state, [...change.from])))
    .returning()
    .get();
  if (moved) {
    recordAudit(db, {
      at: change.at,
      actor: change.actor,
      action: `tweet.${change.to}`,
      entity: 'tweet',
      entityId: moved.id,
      before: { state: change.from },
      after: { state: moved.state, ...change.set },
      requestId: change.requestId,
    });
  }
  return moved;
}

const dueTweets = preparedOnce((db) =>
  db.orm
    .select()
    .from(tweets)
    .where(
      and(
        eq(tweets.state, 'queued'),
        or(isNull(tweets.nextAttemptAt), lte(tweets.nextAttemptAt, sql.placeholder('now'))),
      ),
    )
    .orderBy(asc(tweets.id))
    .prepare(),
);

export function listDueTweets(db: Database, now: Date): Tweet[] {
  // A placeholder in a comparison is bound as given, not through the column's encoder: milliseconds, as stored.
  return dueTweets(db).all({ now: now.getTime() });
}

const tweetsInState = preparedOnce((db) =>
  db.orm
    .select()
    .from(tweets)
    .where(eq(tweets.state, sql.placeholder('state')))
    .orderBy(asc(tweets.id))
    .prepare(),
);

export function listTweetsInState(db: Database, state: TweetState): Tweet[] {
  return tweetsInState(db).all({ state });
}

/** The campaign's pinned tweet, unless it was cancelled or failed (then a new one may be written). */
export function findPinnedTweet(db: Database): Tweet | undefined {
  return db.orm
    .select()
    .from(tweets)
    .where(and(eq(tweets.purpose, 'pinned'), inArray(tweets.state, [...LIVE_STATES, 'draft'])))
    .orderBy(desc(tweets.id))
    .limit(inlineLimit(1))
    .get();
}

export function markPinnedSeen(db: Database, id: number, at: Date): void {
  db.orm.update(tweets).set({ pinnedSeenAt: at }).where(eq(tweets.id, id)).run();
}

/** The newest published tweet of an event: the next one replies to it, so a session is one thread. */
export function findThreadTip(db: Database, eventId: number): Tweet | undefined {
  return db.orm
    .select()
    .from(tweets)
    .where(and(eq(tweets.eventId, eventId), inArray(tweets.state, ['sent', 'simulated']), isNotNull(tweets.xTweetId)))
    .orderBy(desc(tweets.sentAt), desc(tweets.id))
    .limit(inlineLimit(1))
    .get();
}
