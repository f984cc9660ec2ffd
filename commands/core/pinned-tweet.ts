import { claimScheduledSlot } from '../../db/queries/schedule.js';
import { createDraftTweet, findPinnedTweet, moveTweet } from '../../db/queries/tweets.js';
import { notify } from './notify.js';
import type { CommandContext } from './types.js';

/** The pinned tweet goes out at this hour on the first day of the window, campaign time. */
const PUBLISH_HOUR = 8;
/** The "unpin it" reminder goes out at this hour on the day after the window ends. */
const UNPIN_REMINDER_HOUR = 9;
const DAY_MS = 86_400_000;

export function tweetLink(id: string): string {
  return `https://x.com/i/web/status/${id}`;
}

/** The campaign's pinned tweet (PRODUCT.md): name, window, website section and hashtag. */
export function pinnedTweetText(ctx: CommandContext): string {
  const { campaign, dates } = ctx;
  return ctx.t.pinned.text(
    campaign.name,
    dates.localDate(campaign.windowStart),
    dates.localDate(campaign.windowEnd),
    campaign.websiteUrl,
    campaign.hashtag,
  );
}

/**
 * At the window's start, posts the pinned tweet if nobody did (once, whatever the number of bot
 * processes); the day after the window ends, reminds the Directorate to unpin it (once).
 */
export function runPinnedTweetSchedule(ctx: CommandContext): void {
  const { campaign, dates, now } = ctx;
  const start = dates.toInstant(campaign.windowStart, PUBLISH_HOUR, 0);
  const end = dates.toInstant(campaign.windowEnd, 23, 59);
  const unpinAt = new Date(dates.toInstant(campaign.windowEnd, UNPIN_REMINDER_HOUR, 0).getTime() + DAY_MS);
  const pinned = findPinnedTweet(ctx.deps.db);
  if (
    now >= start &&
    now <= end &&
    !pinned &&
    claimScheduledSlot(ctx.deps.db, 'pinned-tweet', campaign.windowStart, now)
  ) {
    const draft = createDraftTweet(ctx.deps.db, {
      eventId: null,
      text: pinnedTweetText(ctx),
      requestedBy: 'sistema',
      requestPlatform: ctx.deps.platforms[0] ?? 'console',
      purpose: 'pinned',
      at: now,
      requestId: ctx.requestId,
    });
    moveTweet(ctx.deps.db, {
      id: draft.id,
      from: ['draft'],
      to: 'queued',
      actor: 'sistema',
      at: now,
      set: { publishedBy: 'sistema' },
    });
    notify(ctx, {
      target: { type: 'channel', channel: 'approvals' },
      message: { visibility: 'public', tone: 'info', blocks: [{ type: 'text', text: ctx.t.pinned.autoQueued }] },
    });
  }
  if (now >= unpinAt && pinned?.xTweetId && claimScheduledSlot(ctx.deps.db, 'pinned-unpin', campaign.windowEnd, now)) {
    notify(ctx, {
      target: { type: 'channel', channel: 'approvals' },
      message: {
        visibility: 'public',
        tone: 'warning',
        blocks: [{ type: 'text', text: ctx.t.pinned.unpinReminder(tweetLink(pinned.xTweetId)) }],
      },
    });
  }
}
