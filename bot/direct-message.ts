import type { CommandReply, Platform } from '../commands/core/types.js';
import type { Database } from '../db/client.js';
import { enqueueChatMessage } from '../db/queries/chat-outbox.js';

/** Queues a private one-line message to a user, for a background worker telling them how their request went. */
export function queueDirectMessage(
  db: Database,
  to: { platform: Platform; userId: string },
  text: string,
  tone: CommandReply['tone'],
  at: Date,
): void {
  enqueueChatMessage(db, {
    platform: to.platform,
    targetType: 'user',
    target: to.userId,
    fallbackChannelId: null,
    action: 'post',
    cardKey: null,
    message: { visibility: 'private', tone, blocks: [{ type: 'text', text }] },
    createdAt: at,
  });
}
