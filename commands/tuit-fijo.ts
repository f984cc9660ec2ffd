import { createDraftTweet, findPinnedTweet } from '../db/queries/tweets.js';
import { refuseExtraPositionals } from './core/arguments.js';
import { pinnedTweetText, tweetLink } from './core/pinned-tweet.js';
import { previewReply } from './core/tweet-flow.js';
import type { CommandDefinition, ReplyBlock } from './core/types.js';

export const tuitFijo: CommandDefinition = {
  name: 'tuit-fijo',
  aliases: ['pinned-tweet'],
  role: 'directorate',
  writes: true,
  run(ctx, args) {
    refuseExtraPositionals(tuitFijo, args, 0);
    const { t } = ctx;
    const existing = findPinnedTweet(ctx.deps.db);
    if (existing && existing.state !== 'draft') {
      const blocks: ReplyBlock[] = [
        { type: 'text', text: existing.text },
        { type: 'context', text: t.pinned.state(t.tweets.states[existing.state] ?? existing.state) },
      ];
      if (existing.xTweetId) {
        blocks.push({ type: 'text', text: t.pinned.pinByHand(tweetLink(existing.xTweetId)) });
        blocks.push({ type: 'context', text: existing.pinnedSeenAt ? t.pinned.seenPinned : t.pinned.notSeenPinned });
      }
      return { visibility: 'private', tone: 'info', title: t.pinned.statusTitle, blocks };
    }
    const draft = createDraftTweet(ctx.deps.db, {
      eventId: null,
      text: pinnedTweetText(ctx),
      requestedBy: ctx.user.id,
      requestPlatform: ctx.platform,
      purpose: 'pinned',
      at: ctx.now,
      requestId: ctx.requestId,
    });
    const preview = previewReply(ctx, draft, t.pinned.previewLabel, false);
    const agendaUrl = ctx.deps.agendaPublicUrl;
    // The pinned tweet sends people to the website; the agenda is what they look for there.
    return agendaUrl
      ? { ...preview, blocks: [...preview.blocks, { type: 'context', text: t.agenda.publicAt(agendaUrl) }] }
      : preview;
  },
};
