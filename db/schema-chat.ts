import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// What the bot owes the chat platforms and remembers of them: replies to retried requests, messages
// to deliver, cards to edit in place, Discord's long button ids. db/schema.ts re-exports these
// tables, so drizzle-kit and every query see one schema.

/** A retried chat request (same key) gets the stored reply instead of acting twice. */
export const idempotencyKeys = sqliteTable('idempotency_keys', {
  key: text('key').primaryKey(),
  reply: text('reply', { mode: 'json' }).notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * Chat messages the bot owes someone, written in the same transaction as the change that caused
 * them and delivered by the running adapter: a crash never loses a card or a notice, and a
 * retried request never writes a second one.
 */
export const chatOutbox = sqliteTable(
  'chat_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    platform: text('platform').notNull(),
    /** `channel`: a configured channel role such as `approvals`; `user`: a direct message. */
    targetType: text('target_type', { enum: ['channel', 'user'] }).notNull(),
    target: text('target').notNull(),
    /** For a direct message the platform cannot deliver: the channel where the user asked. */
    fallbackChannelId: text('fallback_channel_id'),
    /** `post` sends a new message; `update` edits the message of `cardKey` in place. */
    action: text('action', { enum: ['post', 'update'] }).notNull(),
    cardKey: text('card_key'),
    message: text('message', { mode: 'json' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** After a failure, not tried again before this (back-off), so one bad message never blocks the rest. */
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
    /**
     * Set when a process claims the message, just before it calls the platform (`sending`), and
     * cleared when that attempt fails; a claim older than the platform's call timeout is stale.
     */
    sendingSince: integer('sending_since', { mode: 'timestamp_ms' }),
    /** Which attempt holds the claim: only it may mark the message delivered or failed. */
    attemptId: text('attempt_id'),
    /** The first claim: the platform may hold the message from then on, so lookups start there. */
    firstClaimedAt: integer('first_claimed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('chat_outbox_pending').on(t.platform, t.deliveredAt)],
);

/** Where a card the bot posted lives on each platform, so it can be edited in place later. */
export const chatCards = sqliteTable(
  'chat_cards',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cardKey: text('card_key').notNull(),
    platform: text('platform').notNull(),
    channelRef: text('channel_ref').notNull(),
    messageRef: text('message_ref').notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('chat_cards_card_platform').on(t.cardKey, t.platform)],
);

/**
 * Buttons as Discord sees them: a custom id holds at most 100 characters, so a button's action,
 * payload and text prompt stay here and the custom id carries only this row's id. The same button
 * always gets the same row (by fingerprint), so cards edited again and again do not add rows.
 */
export const chatButtons = sqliteTable(
  'chat_buttons',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fingerprint: text('fingerprint').notNull(),
    actionId: text('action_id').notNull(),
    payload: text('payload').notNull(),
    input: text('input', { mode: 'json' }).$type<{ label: string; placeholder?: string }>(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [uniqueIndex('chat_buttons_fingerprint').on(t.fingerprint)],
);
