import type { Clock } from '../commands/core/clock.js';
import type { Platform } from '../commands/core/types.js';
import type { Database } from '../db/client.js';
import { type ClaimedEntry, findCardLocation, saveCardLocation } from '../db/queries/chat-outbox.js';
import type { ChatApiError } from './chat-api-error.js';

/** A message the outbox claimed for one attempt: what a platform's delivery posts, edits or looks for. */
export type { ClaimedEntry };

/** Where a message is on a platform: its channel (or DM) and its own id there. */
export interface MessageLocation {
  channelRef: string;
  messageRef: string;
}

/**
 * What a chat platform supplies to the outbox: its own calls and nothing else. Deciding whether
 * to post or edit, and remembering where a card is, is done once for every platform below.
 */
export interface ChatDelivery {
  platform: Platform;
  /** Sends a new message; where it landed (the first message, when a reply takes several). */
  post(entry: ClaimedEntry): Promise<MessageLocation | undefined>;
  /** Edits the message a card was posted as, in place, to this entry's state. */
  update(entry: ClaimedEntry, card: MessageLocation): Promise<void>;
  /**
   * Looks on the platform for this entry's message, which an earlier attempt may have sent:
   * whether all of it is there, and where it is.
   */
  lookup(entry: ClaimedEntry): Promise<{ found: boolean; location?: MessageLocation }>;
  /** The platform's failure, from its client library's error classes. */
  describe(error: unknown): ChatApiError;
}

/**
 * Delivers one claimed entry: a card posted before is edited in place (the newest state wins, so
 * editing again is harmless); anything else is posted, and a card's location is remembered so its
 * later states edit that message instead of posting a second card.
 */
export async function deliverEntry(
  input: { db: Database; clock: Clock; chat: ChatDelivery },
  entry: ClaimedEntry,
): Promise<void> {
  const card = isCard(entry) ? findCardLocation(input.db, entry.cardKey, input.chat.platform) : undefined;
  if (entry.action === 'update' && card) {
    await input.chat.update(entry, card);
    return;
  }
  rememberCard(input, entry, await input.chat.post(entry));
}

/**
 * Whether the platform already shows this entry (an earlier attempt sent it); when it is a card,
 * where it was found is remembered, so the card's later states edit it.
 */
export async function findEntry(
  input: { db: Database; clock: Clock; chat: ChatDelivery },
  entry: ClaimedEntry,
): Promise<boolean> {
  const { found, location } = await input.chat.lookup(entry);
  rememberCard(input, entry, location);
  return found;
}

/** A card is a channel message with a key; its later states edit it. */
function isCard(entry: ClaimedEntry): entry is ClaimedEntry & { cardKey: string } {
  return entry.targetType === 'channel' && entry.cardKey !== null;
}

function rememberCard(
  input: { db: Database; clock: Clock; chat: ChatDelivery },
  entry: ClaimedEntry,
  location: MessageLocation | undefined,
): void {
  if (!location || !isCard(entry)) return;
  saveCardLocation(input.db, {
    cardKey: entry.cardKey,
    platform: input.chat.platform,
    ...location,
    at: input.clock.now(),
  });
}
