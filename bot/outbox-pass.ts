import { randomUUID } from 'node:crypto';
import type { Clock } from '../commands/core/clock.js';
import type { Logger } from '../commands/core/logger.js';
import type { Database } from '../db/client.js';
import {
  type ClaimedEntry,
  claimMessage,
  findCardLocation,
  hasNewerCardMessage,
  listClaimedEarlierCardMessages,
  listUndeliveredMessages,
  markMessageDelivered,
  markMessageFailed,
} from '../db/queries/chat-outbox.js';
import { type ChatDelivery, deliverEntry, findEntry } from './card-delivery.js';

/** 30 s after the first failure, doubling up to 30 minutes: an outage is ridden out, a bad address costs little. */
export function backOffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** (attempts - 1), 30 * 60_000);
}

/**
 * How long a claim protects a message being sent. It outlasts every platform call (Slack's client
 * gives up after 20 s, Discord's REST after 15 s), so a claim this old belongs to an attempt that
 * died: a second process, or this one after a restart, looks the message up and sends it if missing.
 */
export const CLAIM_TIMEOUT_MS = 30_000;

/**
 * One pass over a platform's part of the chat outbox, oldest first. Each message is claimed
 * (`sending`, with the time and an attempt id) before the platform is called, so two processes on
 * one database never both send it; one that an earlier attempt claimed (the process died, or a call
 * timed out after the platform had it) is first looked up on the platform (`lookup`) and only sent if
 * it is not there. A message that fails stays queued with its error and waits out a back-off (the
 * platform's own wait after a rate limit, which also ends this pass), so a message that cannot go
 * out never holds up the ones behind it.
 */
export async function drainOutbox(input: {
  db: Database;
  clock: Clock;
  logger: Logger;
  /** The platform's calls (post, update, lookup) and how it describes a failure. */
  chat: ChatDelivery;
}): Promise<{ delivered: number; failed: number }> {
  let delivered = 0;
  let failed = 0;
  for (const entry of listUndeliveredMessages(input.db, input.chat.platform, 50, input.clock.now())) {
    const now = input.clock.now();
    const claimed = claimMessage(input.db, entry.id, {
      attemptId: randomUUID(),
      at: now,
      staleBefore: new Date(now.getTime() - CLAIM_TIMEOUT_MS),
    });
    // Another process holds it (or just delivered it): the claim decides who sends.
    if (!claimed) continue;
    try {
      const busyUntil = await locateEarlierCard(input, claimed);
      if (busyUntil) {
        // An earlier state of this card is being sent right now: posting this one could show the card twice.
        markMessageFailed(input.db, claimed.id, {
          error: 'card_in_flight',
          attempts: entry.attempts,
          nextAttemptAt: busyUntil,
          attemptId: claimed.attemptId,
        });
        continue;
      }
      // A card whose newer state is queued too (a post that failed, then the decision's edit)
      // is shown by that newer message alone: sending both would post the card twice. If an earlier
      // attempt did post it, finding it records where the card is, so the newer state edits it.
      if (hasNewerCardMessage(input.db, claimed)) {
        if (claimed.claimedBefore) await findEntry(input, claimed);
      } else if (!(claimed.claimedBefore && (await findEntry(input, claimed)))) {
        await deliverEntry(input, claimed);
      }
      if (markMessageDelivered(input.db, claimed.id, input.clock.now(), claimed.attemptId)) delivered += 1;
    } catch (error) {
      const failure = input.chat.describe(error);
      const attempts = entry.attempts + 1;
      const waitMs = failure.retryAfterSeconds !== undefined ? failure.retryAfterSeconds * 1000 : backOffMs(attempts);
      failed += 1;
      markMessageFailed(input.db, entry.id, {
        error: failure.message,
        attempts,
        nextAttemptAt: new Date(input.clock.now().getTime() + waitMs),
        attemptId: claimed.attemptId,
      });
      input.logger.warn(
        { outboxId: entry.id, attempts, ...failure.toJSON() },
        `${input.chat.platform} delivery failed; it stays queued`,
      );
      if (failure.retryAfterSeconds !== undefined) break;
    }
  }
  return { delivered, failed };
}

/**
 * Before a card's message goes out where the card's location is not known, an earlier state of the
 * card may already be on the platform (an attempt died after posting it): finding it records the
 * location, so this state edits that message instead of posting a second card. Returns when to try
 * again if an earlier state is being sent by a live attempt right now.
 */
async function locateEarlierCard(
  input: { db: Database; clock: Clock; chat: ChatDelivery },
  entry: ClaimedEntry,
): Promise<Date | undefined> {
  if (!entry.cardKey || findCardLocation(input.db, entry.cardKey, input.chat.platform)) return undefined;
  const now = input.clock.now().getTime();
  for (const earlier of listClaimedEarlierCardMessages(input.db, entry)) {
    const claimedAt = earlier.sendingSince?.getTime();
    if (claimedAt !== undefined && !earlier.deliveredAt && claimedAt > now - CLAIM_TIMEOUT_MS)
      return new Date(claimedAt + CLAIM_TIMEOUT_MS);
    if (!earlier.firstClaimedAt) continue;
    const found = await findEntry(input, {
      ...earlier,
      attemptId: entry.attemptId,
      firstClaimedAt: earlier.firstClaimedAt,
      claimedBefore: true,
    });
    if (found) return undefined;
  }
  return undefined;
}

/**
 * Runs `pass` one at a time, and coalesces: a call while a pass is running queues one more pass,
 * and calls while that one waits share it (it starts after them, so it sees their work). A burst of
 * a hundred requests costs two passes, not a hundred. A failed pass is logged, never thrown.
 */
export function oneAtATime(
  pass: () => Promise<unknown>,
  onError: (error: unknown) => void,
): (() => Promise<void>) & { settled: () => Promise<void> } {
  let tail: Promise<void> = Promise.resolve();
  let waiting: Promise<void> | undefined;
  const run = () => {
    if (waiting) return waiting;
    const next = tail
      .then(() => {
        waiting = undefined;
        return pass();
      })
      .then(() => undefined, onError);
    waiting = next;
    tail = next;
    return next;
  };
  /** Resolves when the passes already asked for are done, without asking for another. */
  return Object.assign(run, { settled: () => tail });
}

/**
 * What to run after each chat request: `pass` (the background pass and outbox delivery) when the
 * database was written since it was last asked for, nothing otherwise. A command that only read
 * (`estado`, `ayuda`) queued no tweet, chat message, link or sheet row, so it costs no pass; what
 * other processes queue, and retries waiting out a back-off, go out on the timers' passes as before.
 */
export function onlyAfterWrites(countWrites: () => number, pass: () => Promise<void>): () => Promise<void> {
  let writesAtLastPass: number | undefined;
  return () => {
    const writes = countWrites();
    if (writes === writesAtLastPass) return Promise.resolve();
    writesAtLastPass = writes;
    return pass();
  };
}
