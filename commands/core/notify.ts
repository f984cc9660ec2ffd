import { enqueueChatMessage } from '../../db/queries/chat-outbox.js';
import type { CommandContext, CommandReply, Platform } from './types.js';

/** Channels the bot posts to without being asked; each adapter maps them to a real channel. */
export type ChannelRole = 'approvals' | 'summary';

export type NotificationTarget =
  | { type: 'channel'; channel: ChannelRole }
  | { type: 'user'; userId: string; platform: Platform; fallbackChannelId?: string | null };

export interface Notification {
  target: NotificationTarget;
  message: CommandReply;
  /** A card the bot may edit later: `post` remembers where it went, `update` edits it in place. */
  card?: { key: string; action: 'post' | 'update' };
}

/**
 * Queues a chat message in the outbox, inside the caller's transaction, so it is sent exactly
 * when the change that caused it is committed. Channel messages go to every running platform.
 */
export function notify(ctx: Pick<CommandContext, 'deps' | 'now'>, notification: Notification): void {
  const { target, message, card } = notification;
  const platforms = target.type === 'channel' ? ctx.deps.platforms : [target.platform];
  for (const platform of platforms) {
    enqueueChatMessage(ctx.deps.db, {
      platform,
      targetType: target.type,
      target: target.type === 'channel' ? target.channel : target.userId,
      fallbackChannelId: target.type === 'user' ? (target.fallbackChannelId ?? null) : null,
      action: card?.action ?? 'post',
      cardKey: card?.key ?? null,
      message,
      createdAt: ctx.now,
    });
  }
}
