import { type RawFile, type REST, type RESTPostAPIChannelMessageResult, Routes } from 'discord.js';
import type { Clock } from '../../commands/core/clock.js';
import type { Logger } from '../../commands/core/logger.js';
import type { CommandReply } from '../../commands/core/types.js';
import type { Database } from '../../db/client.js';
import { findCardLocation, saveCardLocation } from '../../db/queries/chat-outbox.js';
import { drainOutbox } from '../outbox-pass.js';
import { renderPng } from '../render/chart-png.js';
import type { ButtonIdFor, DiscordMessage } from './render-embeds.js';
import { renderDiscordMessages } from './render-embeds.js';

export interface DiscordChannels {
  approvals?: string;
  summary?: string;
}

/** The wire facts of a failed REST call, for the log and the outbox row (never the token). */
export function describeDiscordError(error: unknown): { code: string; retryAfterSeconds?: number } {
  const failure = error as { code?: unknown; status?: number; message?: string; retryAfter?: number };
  if (typeof failure.retryAfter === 'number') {
    return { code: 'rate_limited', retryAfterSeconds: Math.ceil(failure.retryAfter / 1000) };
  }
  if (failure.status !== undefined)
    return { code: `${failure.status}:${String(failure.code ?? '')}:${failure.message}` };
  return { code: failure.message ?? String(error) };
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

async function postPages(
  rest: REST,
  channelId: string,
  reply: CommandReply,
  pages: DiscordMessage[],
): Promise<RESTPostAPIChannelMessageResult | undefined> {
  let first: RESTPostAPIChannelMessageResult | undefined;
  for (const [index, page] of pages.entries()) {
    const files = index === 0 ? chartAttachment(reply, page) : [];
    const posted = (await rest.post(Routes.channelMessages(channelId), {
      body: messageBody(page),
      ...(files.length ? { files } : {}),
    })) as RESTPostAPIChannelMessageResult;
    first ??= posted;
  }
  return first;
}

/**
 * Sends the Discord part of the outbox: channel cards, direct messages, and in-place edits of
 * cards posted earlier (`PATCH` of the first message of the card).
 */
export async function deliverDiscordOutbox(input: {
  db: Database;
  rest: REST;
  channels: DiscordChannels;
  clock: Clock;
  logger: Logger;
  idFor: ButtonIdFor;
  moreNotice: (hidden: number) => string;
}): Promise<{ delivered: number; failed: number }> {
  return drainOutbox({
    db: input.db,
    platform: 'discord',
    clock: input.clock,
    logger: input.logger,
    describe: describeDiscordError,
    deliver: async (entry) => {
      const reply = entry.message as CommandReply;
      const pages = renderDiscordMessages(reply, input.idFor, input.moreNotice);
      if (entry.targetType !== 'channel') {
        // Discord knows people by their numeric id; an e-mail or a Slack id cannot be reached here.
        if (!/^\d{15,22}$/.test(entry.target)) throw new Error(`not a Discord user id: ${entry.target}`);
        const dm = (await input.rest.post(Routes.userChannels(), { body: { recipient_id: entry.target } })) as {
          id: string;
        };
        await postPages(input.rest, dm.id, reply, pages);
        return;
      }
      const channelId = input.channels[entry.target as keyof DiscordChannels];
      if (!channelId) throw new Error(`no Discord channel configured for ${entry.target}`);
      const card = entry.cardKey ? findCardLocation(input.db, entry.cardKey, 'discord') : undefined;
      const [first] = pages;
      if (entry.action === 'update' && card && first) {
        await input.rest.patch(Routes.channelMessage(card.channelRef, card.messageRef), { body: messageBody(first) });
        return;
      }
      const posted = await postPages(input.rest, channelId, reply, pages);
      if (entry.cardKey && posted) {
        saveCardLocation(input.db, {
          cardKey: entry.cardKey,
          platform: 'discord',
          channelRef: posted.channel_id,
          messageRef: posted.id,
          at: input.clock.now(),
        });
      }
    },
  });
}
