import type { Clock } from '../commands/core/clock.js';
import type { Logger } from '../commands/core/logger.js';
import type { Platform } from '../commands/core/types.js';
import type { Database } from '../db/client.js';
import {
  listUndeliveredMessages,
  markMessageDelivered,
  markMessageFailed,
  type OutboxEntry,
} from '../db/queries/chat-outbox.js';

/** What a platform says about a failed delivery: a code for the row, and a wait when rate-limited. */
export type DeliveryFailure = { code: string; retryAfterSeconds?: number };

/**
 * One pass over a platform's part of the chat outbox, oldest first. A message that fails stays
 * queued with its error for the next pass; a rate limit ends this pass, so the next one starts
 * after the platform's wait instead of hammering it.
 */
export async function drainOutbox(input: {
  db: Database;
  platform: Platform;
  clock: Clock;
  logger: Logger;
  deliver: (entry: OutboxEntry) => Promise<void>;
  describe: (error: unknown) => DeliveryFailure;
}): Promise<{ delivered: number; failed: number }> {
  let delivered = 0;
  let failed = 0;
  for (const entry of listUndeliveredMessages(input.db, input.platform)) {
    try {
      await input.deliver(entry);
      markMessageDelivered(input.db, entry.id, input.clock.now());
      delivered += 1;
    } catch (error) {
      const facts = input.describe(error);
      failed += 1;
      markMessageFailed(input.db, entry.id, facts.code, entry.attempts + 1);
      input.logger.warn({ outboxId: entry.id, ...facts }, `${input.platform} delivery failed; it stays queued`);
      if (facts.retryAfterSeconds !== undefined) break;
    }
  }
  return { delivered, failed };
}

/**
 * Runs `pass` one at a time: a call while a pass is in progress waits for it and then runs again,
 * so callers may ask as often as they like. A failed pass is logged, never thrown.
 */
export function oneAtATime(pass: () => Promise<unknown>, onError: (error: unknown) => void): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  return () => {
    running = running.then(pass).then(() => undefined, onError);
    return running;
  };
}
