import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Clock } from '../../commands/core/clock.js';
import type { Logger } from '../../commands/core/logger.js';
import type { CommandReply, ReplyImage } from '../../commands/core/types.js';
import type { Database } from '../../db/client.js';
import type { ClaimedEntry, MessageLocation } from '../card-delivery.js';
import { ChatApiError } from '../chat-api-error.js';
import { drainOutbox } from '../outbox-pass.js';
import { renderPng } from '../render/chart-png.js';
import { renderSlackMessage } from './render-blocks.js';
import { describeSlackError } from './slack-api-error.js';

export interface SlackChannels {
  approvals?: string;
  summary?: string;
}

/** Uploads a reply's picture as a PNG file to a channel (scope `files:write`). */
export async function uploadImage(client: WebClient, channelId: string, image: ReplyImage): Promise<void> {
  await client.filesUploadV2({
    channel_id: channelId,
    file: renderPng(image),
    filename: `${image.name}.png`,
    title: image.altText,
  });
}

/** The `event_type` of the metadata every outbox message carries, with the outbox id in its payload. */
export const OUTBOX_EVENT_TYPE = 'rendicion_outbox_message';
/** Slack's clock and ours may differ a little: the history is read from a minute before the claim. */
const CLOCK_SKEW_SECONDS = 60;
/** Enough history for a busy channel between a claim and the lookup; older claims are rarer still. */
const HISTORY_PAGES = 5;

type SlackMessageContent = { text: string; blocks: KnownBlock[]; metadata: MessageMetadata };

interface MessageMetadata {
  event_type: string;
  event_payload: { outbox_id: number };
}

/** Where a message of the outbox goes: a configured channel, or the bot's DM with a person. */
async function channelOf(input: { client: WebClient; channels: SlackChannels }, entry: ClaimedEntry): Promise<string> {
  if (entry.targetType !== 'channel') {
    const userId = await userIdOf(input.client, entry.target);
    const opened = await input.client.conversations.open({ users: userId });
    if (!opened.channel?.id) throw new ChatApiError('slack', 'refused', { code: 'no_channel' });
    return opened.channel.id;
  }
  const channel = input.channels[entry.target as keyof SlackChannels];
  if (!channel) throw new ChatApiError('slack', 'refused', { code: 'no_channel' });
  return channel;
}

/**
 * Looks a claimed message up in its channel's history (`conversations.history` with the metadata,
 * from its first claim on), by the outbox id in its metadata.
 * Needs the `channels:history`, `groups:history` and `im:history` scopes.
 */
async function lookUpSlackMessage(
  input: { client: WebClient; channels: SlackChannels },
  entry: ClaimedEntry,
): Promise<MessageLocation | undefined> {
  const channel = await channelOf(input, entry);
  const oldest = String(Math.floor(entry.firstClaimedAt.getTime() / 1000) - CLOCK_SKEW_SECONDS);
  let cursor: string | undefined;
  for (let page = 0; page < HISTORY_PAGES; page += 1) {
    const history = await input.client.conversations.history({
      channel,
      oldest,
      include_all_metadata: true,
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    const found = history.messages?.find((message) => {
      const metadata = message.metadata as MessageMetadata | undefined;
      return metadata?.event_type === OUTBOX_EVENT_TYPE && Number(metadata.event_payload?.outbox_id) === entry.id;
    });
    if (found?.ts) return { channelRef: channel, messageRef: found.ts };
    cursor = history.response_metadata?.next_cursor || undefined;
    if (!history.has_more || !cursor) return undefined;
  }
  return undefined;
}

/** An entry's message as Slack takes it, with the outbox id in its metadata. */
function contentOf(entry: ClaimedEntry, moreNotice: (hidden: number) => string): SlackMessageContent {
  const message = renderSlackMessage(entry.message as CommandReply, moreNotice);
  return {
    text: message.text,
    blocks: message.blocks as KnownBlock[],
    metadata: { event_type: OUTBOX_EVENT_TYPE, event_payload: { outbox_id: entry.id } },
  };
}

/**
 * Sends the Slack part of the outbox: channel cards, direct messages, and in-place edits of cards
 * posted earlier. Every message carries the outbox id in its metadata, so an attempt interrupted
 * after Slack took it is found in the history instead of being posted twice. A message that fails
 * stays queued (with its error) for the next pass; a rate limit stops this pass so the next one
 * starts after Slack's `Retry-After`.
 */
export async function deliverSlackOutbox(input: {
  db: Database;
  client: WebClient;
  channels: SlackChannels;
  clock: Clock;
  logger: Logger;
  moreNotice: (hidden: number) => string;
}): Promise<{ delivered: number; failed: number }> {
  const { client } = input;
  return drainOutbox({
    db: input.db,
    clock: input.clock,
    logger: input.logger,
    chat: {
      platform: 'slack',
      describe: describeSlackError,
      lookup: async (entry) => {
        const location = await lookUpSlackMessage(input, entry);
        return { found: location !== undefined, location };
      },
      update: async (entry, card) => {
        await client.chat.update({
          channel: card.channelRef,
          ts: card.messageRef,
          ...contentOf(entry, input.moreNotice),
        });
      },
      post: async (entry) => {
        const content = contentOf(entry, input.moreNotice);
        if (entry.targetType !== 'channel') {
          await sendDirect(client, entry.target, entry.fallbackChannelId, content);
          return undefined;
        }
        const posted = await client.chat.postMessage({ channel: await channelOf(input, entry), ...content });
        const image = (entry.message as CommandReply).image;
        if (image && posted.channel) await uploadImage(client, posted.channel, image);
        return posted.channel && posted.ts ? { channelRef: posted.channel, messageRef: posted.ts } : undefined;
      },
    },
  });
}

/** A person named by e-mail in the roster is found with `users.lookupByEmail`; an id is used as it is. */
async function userIdOf(client: WebClient, target: string): Promise<string> {
  const userId = target.includes('@') ? (await client.users.lookupByEmail({ email: target })).user?.id : target;
  if (!userId) throw new ChatApiError('slack', 'refused', { code: 'users_not_found' });
  return userId;
}

/**
 * A direct message: posting to a user id opens the bot's DM; failing that, an ephemeral where they
 * asked (an ephemeral is in no history, so one interrupted there may be shown twice).
 */
async function sendDirect(
  client: WebClient,
  target: string,
  fallbackChannelId: string | null,
  content: SlackMessageContent,
): Promise<void> {
  const userId = await userIdOf(client, target);
  try {
    await client.chat.postMessage({ channel: userId, ...content });
  } catch (error) {
    if (!fallbackChannelId) throw error;
    await client.chat.postEphemeral({
      channel: fallbackChannelId,
      user: userId,
      text: content.text,
      blocks: content.blocks,
    });
  }
}
