import type { Clock } from '../commands/core/clock.js';
import { messagesFor } from '../commands/core/i18n/catalogue.js';
import type { Logger } from '../commands/core/logger.js';
import type { CommandReply, Locale, Platform } from '../commands/core/types.js';
import { type Database, inTransaction } from '../db/client.js';
import { findOpenAccountAlert } from '../db/queries/account-alerts.js';
import { enqueueChatMessage } from '../db/queries/chat-outbox.js';
import {
  findPinnedTweet,
  findThreadTip,
  listDueTweets,
  listTweetsInState,
  markPinnedSeen,
  moveTweet,
  type Tweet,
} from '../db/queries/tweets.js';
import { describeXError, XApiError, type XPublisher } from '../integrations/x/x-publisher.js';
import { queueDirectMessage } from './direct-message.js';

/**
 * Network errors, timeouts and 5xx are retried this many times, waiting longer each time (30 s,
 * doubling up to 15 minutes: about 75 minutes in all, so an hour's outage is ridden out), then reported.
 */
export const MAX_TWEET_ATTEMPTS = 10;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 15 * 60_000;
/** A tweet left `sending` this long ago was interrupted (the process died mid-call). */
const INTERRUPTED_AFTER_MS = 2 * 60_000;
const WORKER = 'x-worker';

export interface TweetWorkerDeps {
  db: Database;
  publisher: XPublisher;
  clock: Clock;
  logger: Logger;
  locale: Locale;
  /** Where requesters are told the outcome when the tweet does not say (the first running platform). */
  defaultPlatform: Platform;
  /** Every running platform: notices for the Directorate's channel go to each. */
  platforms: readonly Platform[];
}

export function tweetUrl(id: string): string {
  return `https://x.com/i/web/status/${id}`;
}

function tell(deps: TweetWorkerDeps, tweet: Tweet, text: string, tone: CommandReply['tone']): void {
  queueDirectMessage(
    deps.db,
    { platform: tweet.requestPlatform ?? deps.defaultPlatform, userId: tweet.requestedBy },
    text,
    tone,
    deps.clock.now(),
  );
}

function tellDirectorate(deps: TweetWorkerDeps, text: string, tone: CommandReply['tone']): void {
  for (const platform of deps.platforms) {
    enqueueChatMessage(deps.db, {
      platform,
      targetType: 'channel',
      target: 'approvals',
      fallbackChannelId: null,
      action: 'post',
      cardKey: null,
      message: { visibility: 'public', tone, blocks: [{ type: 'text', text }] },
      createdAt: deps.clock.now(),
    });
  }
}

/**
 * X's API reads a pin but cannot make one: once the campaign's tweet is out, the Directorate pins
 * it by hand, and this notices when the account shows it pinned.
 */
export async function checkPinnedTweet(deps: TweetWorkerDeps): Promise<boolean> {
  const pinned = findPinnedTweet(deps.db);
  if (!pinned?.xTweetId || pinned.pinnedSeenAt || deps.publisher.simulated) return false;
  const current = await deps.publisher.pinnedTweetId().catch(() => undefined);
  if (current !== pinned.xTweetId) return false;
  const t = messagesFor(deps.locale, { unitCode: '', date: '' });
  inTransaction(deps.db, () => {
    markPinnedSeen(deps.db, pinned.id, deps.clock.now());
    tellDirectorate(deps, t.pinned.confirmed(tweetUrl(pinned.xTweetId ?? '')), 'success');
  });
  return true;
}

function markPublished(deps: TweetWorkerDeps, tweet: Tweet, xTweetId: string, inReplyTo?: string): void {
  const t = messagesFor(deps.locale, { unitCode: '', date: '' });
  inTransaction(deps.db, () => {
    const now = deps.clock.now();
    const state = deps.publisher.simulated ? 'simulated' : 'sent';
    const moved = moveTweet(deps.db, {
      id: tweet.id,
      from: ['sending'],
      to: state,
      actor: WORKER,
      at: now,
      set: { xTweetId, inReplyToTweetId: inReplyTo ?? null, sentAt: now, lastError: null },
    });
    if (moved) {
      tell(
        deps,
        moved,
        deps.publisher.simulated ? t.tweets.simulated(moved.text) : t.tweets.published(tweetUrl(xTweetId)),
        'success',
      );
      if (moved.purpose === 'pinned') tellDirectorate(deps, t.pinned.pinByHand(tweetUrl(xTweetId)), 'info');
    }
  });
}

function markFailed(deps: TweetWorkerDeps, tweet: Tweet, error: XApiError): void {
  const t = messagesFor(deps.locale, { unitCode: '', date: '' });
  const reasons = t.tweets.reasons;
  const now = deps.clock.now();
  const attempts = tweet.attempts + 1;
  const retryable = error.kind === 'rate_limited' || error.kind === 'server' || error.kind === 'network';
  inTransaction(deps.db, () => {
    if (retryable && (error.kind === 'rate_limited' || attempts < MAX_TWEET_ATTEMPTS)) {
      // A 429 waits exactly until X's reset; other failures back off 30 s, 1, 2, 4, 8, then 15 min.
      const nextAttemptAt =
        error.kind === 'rate_limited' && error.resetAt
          ? error.resetAt
          : new Date(now.getTime() + Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_RETRY_MS));
      moveTweet(deps.db, {
        id: tweet.id,
        from: ['sending'],
        to: 'queued',
        actor: WORKER,
        at: now,
        set: {
          attempts: error.kind === 'rate_limited' ? tweet.attempts : attempts,
          nextAttemptAt,
          lastError: error.message,
        },
      });
      return;
    }
    const reason =
      error.kind === 'duplicate'
        ? reasons.duplicate
        : error.kind === 'auth'
          ? reasons.auth
          : retryable
            ? reasons.gaveUp
            : reasons.refused(error.status ?? 0);
    const failed = moveTweet(deps.db, {
      id: tweet.id,
      from: ['sending'],
      to: 'failed',
      actor: WORKER,
      at: now,
      set: { attempts, lastError: error.message },
    });
    if (failed) tell(deps, failed, t.tweets.failed(reason), 'error');
  });
}

/**
 * A tweet found `sending` was interrupted between asking X and recording the answer. X may have
 * published it: look for it on the account before sending it again, so it is never posted twice.
 */
async function recoverInterrupted(deps: TweetWorkerDeps, atStartUp: boolean): Promise<void> {
  // Right after this process started, every `sending` tweet was interrupted; later, only old ones
  // (another process may be sending a recent one right now).
  const stale = atStartUp ? Number.POSITIVE_INFINITY : deps.clock.now().getTime() - INTERRUPTED_AFTER_MS;
  for (const tweet of listTweetsInState(deps.db, 'sending')) {
    const lastTry = tweet.nextAttemptAt?.getTime() ?? tweet.createdAt.getTime();
    if (lastTry > stale) continue;
    let found: string | undefined;
    try {
      found = await deps.publisher.findRecent(tweet.text, tweet.firstClaimedAt ?? tweet.createdAt);
    } catch (error) {
      deps.logger.warn(
        { tweetId: tweet.id, error: describeXError(error).message },
        'could not check X for an interrupted tweet',
      );
      continue;
    }
    if (found) markPublished(deps, tweet, found);
    else moveTweet(deps.db, { id: tweet.id, from: ['sending'], to: 'queued', actor: WORKER, at: deps.clock.now() });
  }
}

/**
 * Sends the due tweets of the outbox, one at a time and in order, each replying to the previous
 * tweet of its session so a session is one thread. Safe to run often and from several processes:
 * a tweet is claimed (`queued` → `sending`) before X is called.
 */
export async function publishQueuedTweets(
  deps: TweetWorkerDeps,
  options: { atStartUp?: boolean } = {},
): Promise<number> {
  // Policy rule 13: while the account may be in someone else's hands, nothing goes out.
  if (findOpenAccountAlert(deps.db)) return 0;
  await recoverInterrupted(deps, options.atStartUp ?? false);
  let published = 0;
  for (const tweet of listDueTweets(deps.db, deps.clock.now())) {
    const claimed = moveTweet(deps.db, {
      id: tweet.id,
      from: ['queued'],
      to: 'sending',
      actor: WORKER,
      at: deps.clock.now(),
      // The first claim stays: a tweet X has from an earlier attempt was created after it.
      set: { nextAttemptAt: deps.clock.now(), firstClaimedAt: tweet.firstClaimedAt ?? deps.clock.now() },
    });
    if (!claimed) continue;
    const tip = claimed.eventId === null ? undefined : findThreadTip(deps.db, claimed.eventId);
    try {
      const { id } = await deps.publisher.publish(claimed.text, tip?.xTweetId ?? undefined);
      markPublished(deps, claimed, id, tip?.xTweetId ?? undefined);
      published += 1;
    } catch (error) {
      const failure = describeXError(error);
      deps.logger.warn(
        { tweetId: claimed.id, kind: failure.kind, status: failure.status },
        'x refused or failed a tweet',
      );
      if (failure.kind === 'duplicate') {
        // X already has this text: if it is ours from an interrupted attempt (created since the
        // first claim), it is published, with its real id; the thread continues from it.
        const since = claimed.firstClaimedAt ?? claimed.createdAt;
        const existing = await deps.publisher.findRecent(claimed.text, since).then(
          (id) => ({ id }),
          (error: unknown) => ({ error: describeXError(error) }),
        );
        if ('id' in existing && existing.id) {
          markPublished(deps, claimed, existing.id, tip?.xTweetId ?? undefined);
          continue;
        }
        // X could not be asked: not a failure yet, the next attempt looks again.
        if ('error' in existing) {
          markFailed(deps, claimed, existing.error.kind === 'duplicate' ? new XApiError('network') : existing.error);
          if (existing.error.kind === 'rate_limited') break;
          continue;
        }
      }
      markFailed(deps, claimed, failure);
      if (failure.kind === 'rate_limited') break;
    }
  }
  return published;
}
