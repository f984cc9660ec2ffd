import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Clock } from '../../commands/core/clock.js';
import type { Logger } from '../../commands/core/logger.js';
import type { CommandReply, ReplyImage } from '../../commands/core/types.js';
import type { Database } from '../../db/client.js';
import { findCardLocation, saveCardLocation } from '../../db/queries/chat-outbox.js';
import { drainOutbox } from '../outbox-pass.js';
import { renderPng } from '../render/chart-png.js';
import { renderSlackMessage } from './render-blocks.js';

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

/** The wire facts of a failed Web API call, for the log and the outbox row. */
export function describeSlackError(error: unknown): { code: string; retryAfterSeconds?: number } {
  const failure = error as { code?: string; data?: { error?: string }; retryAfter?: number; message?: string };
  return {
    code: failure.data?.error ?? failure.code ?? failure.message ?? String(error),
    retryAfterSeconds: failure.retryAfter,
  };
}

/**
 * Sends the Slack part of the outbox: channel cards, direct messages, and in-place edits of cards
 * posted earlier. A message that fails stays queued (with its error) for the next pass; a rate
 * limit stops this pass so the next one starts after Slack's `Retry-After`.
 */
export async function deliverSlackOutbox(input: {
  db: Database;
  client: WebClient;
  channels: SlackChannels;
  clock: Clock;
  logger: Logger;
  moreNotice: (hidden: number) => string;
}): Promise<{ delivered: number; failed: number }> {
  return drainOutbox({
    db: input.db,
    platform: 'slack',
    clock: input.clock,
    logger: input.logger,
    describe: describeSlackError,
    deliver: async (entry) => {
      const message = renderSlackMessage(entry.message as CommandReply, input.moreNotice);
      const content = { text: message.text, blocks: message.blocks as KnownBlock[] };
      if (entry.targetType !== 'channel') {
        await sendDirect(input.client, entry.target, entry.fallbackChannelId, content);
        return;
      }
      const channel = input.channels[entry.target as keyof SlackChannels];
      if (!channel)
        throw Object.assign(new Error(`no Slack channel configured for ${entry.target}`), { code: 'no_channel' });
      const card = entry.cardKey ? findCardLocation(input.db, entry.cardKey, 'slack') : undefined;
      if (entry.action === 'update' && card) {
        await input.client.chat.update({ channel: card.channelRef, ts: card.messageRef, ...content });
        return;
      }
      const posted = await input.client.chat.postMessage({ channel, ...content });
      const image = (entry.message as CommandReply).image;
      if (image && posted.channel) await uploadImage(input.client, posted.channel, image);
      if (entry.cardKey && posted.channel && posted.ts) {
        saveCardLocation(input.db, {
          cardKey: entry.cardKey,
          platform: 'slack',
          channelRef: posted.channel,
          messageRef: posted.ts,
          at: input.clock.now(),
        });
      }
    },
  });
}

/**
 * A direct message: posting to a user id opens the bot's DM; failing that, an ephemeral where they
 * asked. An officer the roster names by e-mail is found with `users.lookupByEmail` first.
 */
async function sendDirect(
  client: WebClient,
  target: string,
  fallbackChannelId: string | null,
  content: { text: string; blocks: KnownBlock[] },
): Promise<void> {
  const userId = target.includes('@') ? (await client.users.lookupByEmail({ email: target })).user?.id : target;
  if (!userId) throw Object.assign(new Error(`no Slack user for ${target}`), { code: 'users_not_found' });
  try {
    await client.chat.postMessage({ channel: userId, ...content });
  } catch (error) {
    if (!fallbackChannelId) throw error;
    await client.chat.postEphemeral({ channel: fallbackChannelId, user: userId, ...content });
  }
}
