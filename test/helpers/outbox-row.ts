import type { TestBot } from '../../testing/test-bot.js';

/** What the outbox holds for a message after a pass: its error, attempts, and seconds until it is tried again. */
export function outboxRow(bot: TestBot, id: number) {
  const stored = bot.db.sqlite
    .prepare('SELECT last_error, attempts, next_attempt_at, delivered_at FROM chat_outbox WHERE id = ?')
    .get(id) as { last_error: string; attempts: number; next_attempt_at: number; delivered_at: number | null };
  return {
    lastError: stored.last_error,
    attempts: stored.attempts,
    retryInSeconds: (stored.next_attempt_at - bot.clock.now().getTime()) / 1000,
    delivered: stored.delivered_at !== null,
  };
}
