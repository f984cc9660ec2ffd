import {
  type APIEmbed,
  type APIMessage,
  type RawFile,
  type REST,
  type RESTPostAPIChannelMessageResult,
  Routes,
} from 'discord.js';
import type { Clock } from '../../commands/core/clock.js';
import type { Logger } from '../../commands/core/logger.js';
import type { CommandReply } from '../../commands/core/types.js';
import type { Database } from '../../db/client.js';
import type { ClaimedEntry, MessageLocation } from '../card-delivery.js';
import { ChatApiError } from '../chat-api-error.js';
import { drainOutbox } from '../outbox-pass.js';
import { renderPng } from '../render/chart-png.js';
import { describeDiscordError } from './discord-api-error.js';
import type { ButtonIdFor, DiscordMessage } from './render-embeds.js';
import { renderDiscordMessages } from './render-embeds.js';

export interface DiscordChannels {
  approvals?: string;
  summary?: string;
}

/** The REST body of a rendered page: no one is pinged, whatever the text says. */
export function messageBody(message: DiscordMessage) {
  return { embeds: message.embeds, components: message.components, allowed_mentions: message.allowedMentions };
}

/** A reply's chart as a PNG attachment, shown inside the first embed. */
export function chartAttachment(reply: CommandReply, first: DiscordMessage): RawFile[] {
  if (!reply.image) return [];
  const name = `${reply.image.name}.png`;
  const embed = first.embeds[0];
  if (embed) embed.image = { url: `attachment://${name}` };
  return [{ name, data: renderPng(reply.image), contentType: 'image/png' }];
}

/**
 * Discord returns the message already created with a nonce (by the same author, within a few
 * minutes) instead of creating a second one when `enforce_nonce` is set. Within this window a
 * claimed message is simply sent again with the same nonces; after it, it is looked up first.
 */
export const NONCE_WINDOW_MS = 2 * 60_000;
/** Discord's clock and ours may differ a little: messages from a minute before the claim count. */
const CLOCK_SKEW_MS = 60_000;
/** The most messages one history request returns. */
const HISTORY_LIMIT = 100;

/** A page's nonce: the outbox id and the page (Discord allows 25 characters). */
export function pageNonce(outboxId: number, page: number): string {
  return `o${outboxId}p${page}`;
}

/** What identifies a page among the bot's messages: its embeds' text (button ids may differ per render). */
function fingerprint(embeds: readonly APIEmbed[] | undefined): string {
  return JSON.stringify(
    (embeds ?? []).map((embed) => [
      embed.title ?? '',
      embed.description ?? '',
      (embed.fields ?? []).map((field) => [field.name, field.value]),
      embed.footer?.text ?? '',
    ]),
  );
}

interface LookupContext {
  rest: REST;
  clock: Clock;
  botUserId: () => string;
}

/** The bot's messages in a channel since (a minute before) the entry's first claim, newest first. */
async function recentBotMessages(
  context: LookupContext,
  channelId: string,
  entry: ClaimedEntry,
): Promise<APIMessage[]> {
  const since = entry.firstClaimedAt.getTime() - CLOCK_SKEW_MS;
  const messages = (await context.rest.get(Routes.channelMessages(channelId), {
    query: new URLSearchParams({ limit: String(HISTORY_LIMIT) }),
  })) as APIMessage[];
  return messages.filter(
    (message) => message.author.id === context.botUserId() && Date.parse(message.timestamp) >= since,
  );
}

/**
 * Posts an entry's pages, each with its nonce. For a claim older than the nonce window, the pages
 * the bot already has in the channel (an interrupted attempt posted them) are not posted again.
 */
async function postPages(
  context: LookupContext,
  channelId: string,
  entry: ClaimedEntry,
  pages: DiscordMessage[],
): Promise<RESTPostAPIChannelMessageResult | APIMessage | undefined> {
  const reply = entry.message as CommandReply;
  const lookUp = entry.claimedBefore && isPastNonceWindow(context, entry);
  const already = lookUp ? await recentBotMessages(context, channelId, entry) : [];
  let first: RESTPostAPIChannelMessageResult | APIMessage | undefined;
  for (const [index, page] of pages.entries()) {
    const existing = already.find((message) => fingerprint(message.embeds) === fingerprint(page.embeds));
    if (existing) {
      first ??= existing;
      continue;
    }
    const files = index === 0 ? chartAttachment(reply, page) : [];
    const posted = (await context.rest.post(Routes.channelMessages(channelId), {
      body: { ...messageBody(page), nonce: pageNonce(entry.id, index), enforce_nonce: true },
      ...(files.length ? { files } : {}),
    })) as RESTPostAPIChannelMessageResult;
    first ??= posted;
  }
  return first;
}

function isPastNonceWindow(context: LookupContext, entry: ClaimedEntry): boolean {
  return context.clock.now().getTime() - entry.firstClaimedAt.getTime() >= NONCE_WINDOW_MS;
}

/**
 * Sends the Discord part of the outbox: channel cards, direct messages, and in-place edits of
 * cards posted earlier (`PATCH` of the first message of the card). Pages carry nonces, so an
 * attempt interrupted after Discord took them is not posted twice.
 */
export async function deliverDiscordOutbox(input: {
  db: Database;
  rest: REST;
  channels: DiscordChannels;
  clock: Clock;
  logger: Logger;
  idFor: ButtonIdFor;
  moreNotice: (hidden: number) => string;
  /** The bot's own user id: its messages are the ones looked up. */
  botUserId: () => string;
}): Promise<{ delivered: number; failed: number }> {
  const channelOf = async (entry: ClaimedEntry): Promise<string> => {
    if (entry.targetType !== 'channel') {
      // Discord knows people by their numeric id; an e-mail or a Slack id cannot be reached here.
      if (!/^\d{15,22}$/.test(entry.target))
        throw new ChatApiError('discord', 'refused', { code: 'not_a_discord_user', detail: entry.target });
      // Opening the DM again returns the same channel.
      const dm = (await input.rest.post(Routes.userChannels(), { body: { recipient_id: entry.target } })) as {
        id: string;
      };
      return dm.id;
    }
    const channelId = input.channels[entry.target as keyof DiscordChannels];
    if (!channelId) throw new ChatApiError('discord', 'refused', { code: 'no_channel', detail: entry.target });
    return channelId;
  };
  const pagesOf = (entry: ClaimedEntry) =>
    renderDiscordMessages(entry.message as CommandReply, input.idFor, input.moreNotice);
  const locationOf = (message: { channel_id: string; id: string } | undefined): MessageLocation | undefined =>
    message ? { channelRef: message.channel_id, messageRef: message.id } : undefined;
  return drainOutbox({
    db: input.db,
    clock: input.clock,
    logger: input.logger,
    chat: {
      platform: 'discord',
      describe: describeDiscordError,
      // The bot's recent messages in the channel (sending again with the nonce would also find a
      // recent one, but not for an earlier state of a card, whose nonce differs).
      lookup: async (entry) => {
        const already = await recentBotMessages(input, await channelOf(entry), entry);
        const found = pagesOf(entry).map((page) =>
          already.find((message) => fingerprint(message.embeds) === fingerprint(page.embeds)),
        );
        return { found: found.every((message) => message !== undefined), location: locationOf(found[0]) };
      },
      // A card is its first page: the edit replaces that message's content.
      update: async (entry, card) => {
        const [first] = pagesOf(entry);
        if (first)
          await input.rest.patch(Routes.channelMessage(card.channelRef, card.messageRef), { body: messageBody(first) });
      },
      post: async (entry) => locationOf(await postPages(input, await channelOf(entry), entry, pagesOf(entry))),
    },
  });
}
