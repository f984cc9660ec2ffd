import { findOpenAccountAlert } from '../../db/queries/account-alerts.js';
import { createApprovalRequest } from '../../db/queries/approvals.js';
import { findEventWithUnit } from '../../db/queries/events.js';
import {
  countEventTweetsSince,
  findTweet,
  listRecentAccountTweets,
  moveTweet,
  type Tweet,
} from '../../db/queries/tweets.js';
import { listUnits } from '../../db/queries/units.js';
import { approvalCard, approvalCardKey } from '../views/approval-card.js';
import { actsForDirectorate, canChangeUnit, mayPublishTweets } from './access.js';
import { fail } from './errors.js';
import { notify } from './notify.js';
import { campaignPolicyFacts } from './policy/campaign-policy.js';
import { describeFinding, severityMark } from './policy/describe-finding.js';
import { foldWord } from './policy/normalize.js';
import { checkPolicy, type RatedFinding } from './policy/policy-checker.js';
import type { CommandContext, CommandReply, ReplyBlock } from './types.js';

export const PUBLISH_ACTION = 'tuit.publicar';
export const CANCEL_ACTION = 'tuit.cancelar';
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The campaign hashtag goes at the end unless the text already has it (any case, any accents). */
export function withCampaignHashtag(text: string, hashtag: string): { text: string; added: boolean } {
  const has = [...text.matchAll(/#[\p{L}\p{N}_]+/gu)].some((match) => foldWord(match[0]) === foldWord(hashtag));
  return has ? { text, added: false } : { text: `${text.trim()} ${hashtag}`, added: true };
}

export function checkTweet(ctx: CommandContext, text: string, eventId: number | null, exceptId?: number) {
  const { settings } = ctx.deps;
  const { knownWords, institutionalLinks } = campaignPolicyFacts(ctx.campaign, listUnits(ctx.deps.db, ctx.campaign.id));
  return checkPolicy(
    {
      text,
      institutionalDomains: ctx.campaign.institutionalDomains,
      institutionalLinks,
      knownWords,
      recentTweets: listRecentAccountTweets(ctx.deps.db, new Date(ctx.now.getTime() - DAY_MS), exceptId).map(
        (tweet) => ({
          text: tweet.text,
          at: tweet.createdAt,
        }),
      ),
      eventTweetsInWindow:
        eventId === null
          ? 0
          : countEventTweetsSince(
              ctx.deps.db,
              eventId,
              new Date(ctx.now.getTime() - settings.tweetRateWindowMinutes * MINUTE_MS),
              exceptId,
            ),
      maxTweetsPerEvent: settings.maxTweetsPerEvent,
      rateWindowMinutes: settings.tweetRateWindowMinutes,
      blockingRules: settings.policyBlockingRules,
    },
    ctx.deps.speller,
  );
}

export const mayPublishDirectly = (ctx: CommandContext) => mayPublishTweets(ctx.access);

/** Whether pressing Publicar goes through the Directorate: an officer's tweet, or any with an external link. */
function needsDirectorate(ctx: CommandContext, findings: readonly RatedFinding[]): boolean {
  if (actsForDirectorate(ctx.access)) return false;
  return !mayPublishDirectly(ctx) || findings.some((finding) => finding.rule === 4);
}

export function findingBlocks(ctx: CommandContext, findings: readonly RatedFinding[]): ReplyBlock[] {
  if (findings.length === 0) return [{ type: 'context', text: ctx.t.tweets.clean }];
  return [
    {
      type: 'list',
      items: findings.map((finding) => `${severityMark(finding)} ${describeFinding(ctx.t, ctx.dates, finding)}`),
    },
  ];
}

export function previewReply(ctx: CommandContext, tweet: Tweet, unitCode: string, hashtagAdded: boolean): CommandReply {
  const { t } = ctx;
  const { weightedLength, findings } = checkTweet(ctx, tweet.text, tweet.eventId, tweet.id);
  const blocked = findings.some((finding) => finding.severity === 'block');
  const blocks: ReplyBlock[] = [
    { type: 'text', text: tweet.text },
    { type: 'context', text: t.tweets.length(weightedLength) },
  ];
  if (hashtagAdded) blocks.push({ type: 'context', text: t.tweets.hashtagAdded(ctx.campaign.hashtag) });
  blocks.push(...findingBlocks(ctx, findings));
  if (blocked) blocks.push({ type: 'text', text: t.tweets.blocked });
  else if (needsDirectorate(ctx, findings)) {
    blocks.push({
      type: 'context',
      text: mayPublishDirectly(ctx) ? t.tweets.linkNeedsDirectorate : t.tweets.viaDirectorate,
    });
  }
  if (ctx.deps.tweetMode === 'simulated') blocks.push({ type: 'context', text: t.tweets.simulationText });
  const payload = String(tweet.id);
  return {
    visibility: 'private',
    tone: blocked ? 'error' : findings.length ? 'warning' : 'info',
    title: t.tweets.previewTitle(unitCode),
    blocks,
    buttons: [
      ...(blocked
        ? []
        : [{ label: t.tweets.publishButton, actionId: PUBLISH_ACTION, payload, style: 'primary' as const }]),
      { label: t.tweets.cancelButton, actionId: CANCEL_ACTION, payload, style: 'danger' as const },
    ],
  };
}

function ownDraftOrFail(ctx: CommandContext, id: number): Tweet {
  const tweet = findTweet(ctx.deps.db, id);
  if (!tweet) fail('tweet_not_found', { id });
  if (tweet.requestedBy !== ctx.user.id && !mayPublishDirectly(ctx)) fail('forbidden_tweet', {});
  return tweet;
}

function alreadyHandled(ctx: CommandContext, tweet: Tweet): CommandReply {
  return {
    visibility: 'private',
    tone: 'info',
    blocks: [{ type: 'text', text: ctx.t.tweets.alreadyHandled(ctx.t.tweets.states[tweet.state] ?? tweet.state) }],
  };
}

/**
 * "Publicar": checks the text again (another tweet may have gone out since the preview), then
 * either queues it for X or, for an officer or an external link, files it for the Directorate.
 */
export function publishDraft(ctx: CommandContext, id: number): CommandReply {
  const { t } = ctx;
  const tweet = ownDraftOrFail(ctx, id);
  if (tweet.state !== 'draft') return alreadyHandled(ctx, tweet);
  const { findings } = checkTweet(ctx, tweet.text, tweet.eventId, tweet.id);
  if (findings.some((finding) => finding.severity === 'block')) fail('tweet_blocked', {});
  const change = { id, from: ['draft'] as const, actor: ctx.user.id, at: ctx.now, requestId: ctx.requestId };

  if (needsDirectorate(ctx, findings) && tweet.eventId !== null) {
    const found = findEventWithUnit(ctx.deps.db, tweet.eventId);
    if (!found) fail('tweet_not_found', { id });
    const { unit, event } = found;
    if (!canChangeUnit(ctx.access, unit) && !mayPublishDirectly(ctx)) fail('forbidden_unit', { unitCode: unit.code });
    const request = createApprovalRequest(ctx.deps.db, {
      eventId: event.id,
      kind: 'tuit',
      description: tweet.text,
      link: null,
      requestedBy: ctx.user.id,
      requestedAt: ctx.now,
      previousRequestId: null,
      requestPlatform: ctx.platform,
      requestChannelId: ctx.channelId ?? null,
      unitCode: unit.code,
      requestId: ctx.requestId,
    });
    if (!moveTweet(ctx.deps.db, { ...change, to: 'awaiting_approval', set: { approvalRequestId: request.id } })) {
      return alreadyHandled(ctx, findTweet(ctx.deps.db, id) ?? tweet);
    }
    const card = approvalCard(ctx, { request, event, unit });
    notify(ctx, {
      target: { type: 'channel', channel: 'approvals' },
      message: { ...card, blocks: [...card.blocks, ...findingBlocks(ctx, findings)] },
      card: { key: approvalCardKey(request.id), action: 'post' },
    });
    return {
      visibility: 'private',
      tone: 'success',
      title: t.tweets.sentToApprovalTitle(request.id),
      blocks: [{ type: 'text', text: t.tweets.sentToApprovalText }],
    };
  }
  if (!moveTweet(ctx.deps.db, { ...change, to: 'queued', set: { publishedBy: ctx.user.id } })) {
    return alreadyHandled(ctx, findTweet(ctx.deps.db, id) ?? tweet);
  }
  const paused = findOpenAccountAlert(ctx.deps.db);
  const text = paused
    ? t.accountAlert.pausedNotice(paused.raisedBy, ctx.dates.dateTime(paused.raisedAt))
    : ctx.deps.tweetMode === 'simulated'
      ? t.tweets.simulationText
      : t.tweets.queuedText;
  return {
    visibility: 'private',
    tone: paused ? 'warning' : 'success',
    title: t.tweets.queuedTitle,
    blocks: [{ type: 'text', text }],
  };
}

export function cancelDraft(ctx: CommandContext, id: number): CommandReply {
  const tweet = ownDraftOrFail(ctx, id);
  const cancelled = moveTweet(ctx.deps.db, {
    id,
    from: ['draft'],
    to: 'cancelled',
    actor: ctx.user.id,
    at: ctx.now,
    requestId: ctx.requestId,
  });
  if (!cancelled) return alreadyHandled(ctx, tweet);
  return { visibility: 'private', tone: 'info', title: ctx.t.tweets.cancelledTitle, blocks: [] };
}
