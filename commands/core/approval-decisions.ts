import {
  type ApprovalWithEvent,
  closeApprovalRequest,
  findApprovalRequest,
  listPendingApprovals,
  listRequestsOfEvent,
  listUnescalatedPendingApprovals,
  markRequestEscalated,
} from '../../db/queries/approvals.js';
import { eventDetailsOf, saveEvent } from '../../db/queries/events.js';
import { tickStep } from '../../db/queries/steps.js';
import { findTweetOfApproval, moveTweet } from '../../db/queries/tweets.js';
import { approvalCard, approvalCardKey, decisionButtons, requestAge, stateLine } from '../views/approval-card.js';
import { actsForDirectorate } from './access.js';
import { flagOfApproval, stepOfApproval } from './approval-steps.js';
import { fail } from './errors.js';
import { notify } from './notify.js';
import { cleanFreeText } from './text.js';
import type { CommandContext, CommandReply, ReplyBlock } from './types.js';
import { unitDates } from './unit-time-zone.js';

export const MAX_REASON_LENGTH = 500;
const MS_PER_HOUR = 3_600_000;

export function findRequestOrFail(ctx: CommandContext, id: number): ApprovalWithEvent {
  const item = findApprovalRequest(ctx.deps.db, id);
  if (!item || item.event.campaignId !== ctx.campaign.id) fail('request_not_found', { id });
  return item;
}

/** What the second presser (or a click on an old card) is told: who closed it and when. */
export function closedReply(ctx: CommandContext, item: ApprovalWithEvent): CommandReply {
  const { approvals } = ctx.t;
  const { request } = item;
  const when = ctx.dates.dateTime(request.decidedAt ?? request.requestedAt);
  return {
    visibility: 'private',
    tone: 'info',
    title: approvals.cardTitle(request.id, approvals.kinds[request.kind], item.unit.code),
    blocks: [
      {
        type: 'text',
        text: approvals.alreadyClosed(request.id, approvals.states[request.state], request.decidedBy ?? '', when),
      },
      { type: 'context', text: stateLine(ctx, item) },
    ],
  };
}

function updateCard(ctx: CommandContext, item: ApprovalWithEvent): void {
  notify(ctx, {
    target: { type: 'channel', channel: 'approvals' },
    message: approvalCard(ctx, item),
    card: { key: approvalCardKey(item.request.id), action: 'update' },
  });
}

function tellRequester(ctx: CommandContext, item: ApprovalWithEvent, text: string, tone: CommandReply['tone']): void {
  notify(ctx, {
    target: {
      type: 'user',
      userId: item.request.requestedBy,
      platform: item.request.requestPlatform ?? ctx.platform,
      fallbackChannelId: item.request.requestChannelId,
    },
    message: { visibility: 'private', tone, blocks: [{ type: 'text', text }] },
  });
}

/** A tweet waiting for this request goes to the X queue when approved, and is cancelled otherwise. */
function settleTweetOf(ctx: CommandContext, requestId: number, to: 'queued' | 'cancelled'): void {
  const tweet = findTweetOfApproval(ctx.deps.db, requestId);
  if (!tweet) return;
  moveTweet(ctx.deps.db, {
    id: tweet.id,
    from: ['awaiting_approval'],
    to,
    actor: ctx.user.id,
    at: ctx.now,
    set: to === 'queued' ? { publishedBy: ctx.user.id } : undefined,
    requestId: ctx.requestId,
  });
}

/** Closes a request whose event has started; true if this call closed it. */
export function expireRequest(ctx: CommandContext, item: ApprovalWithEvent): boolean {
  const closed = closeApprovalRequest(ctx.deps.db, {
    id: item.request.id,
    state: 'expired',
    actor: 'sistema',
    at: ctx.now,
    requestId: ctx.requestId,
  });
  if (!closed) return false;
  const updated = { ...item, request: closed };
  const { approvals } = ctx.t;
  tellRequester(
    ctx,
    updated,
    approvals.toRequester.expired(closed.id, approvals.kinds[closed.kind], item.unit.code),
    'warning',
  );
  updateCard(ctx, updated);
  return true;
}

/**
 * Approves or rejects. The conditional update in `closeApprovalRequest` decides who wins when two
 * approvers (or a double click, or a retried delivery) arrive together; the loser is told who won.
 */
export function decideRequest(
  ctx: CommandContext,
  id: number,
  decision: 'approved' | 'rejected',
  reasonInput?: string,
): CommandReply {
  const { approvals } = ctx.t;
  const item = findRequestOrFail(ctx, id);
  if (!actsForDirectorate(ctx.access)) fail('forbidden_decision', { id });
  if (item.request.state !== 'pending') return closedReply(ctx, item);
  if (item.request.requestedBy === ctx.user.id) fail('own_request', { id });
  if (item.request.kind !== 'tuit' && ctx.now.getTime() >= item.event.startsAt.getTime()) {
    expireRequest(ctx, item);
    return closedReply(ctx, findRequestOrFail(ctx, id));
  }
  const reason = cleanFreeText(reasonInput ?? '');
  if (decision === 'rejected' && !reason) fail('reason_required', { id });
  if (reason.length > MAX_REASON_LENGTH) fail('text_too_long', { max: MAX_REASON_LENGTH });

  const closed = closeApprovalRequest(ctx.deps.db, {
    id,
    state: decision,
    actor: ctx.user.id,
    at: ctx.now,
    reason: decision === 'rejected' ? reason : null,
    requestId: ctx.requestId,
  });
  if (!closed) return closedReply(ctx, findRequestOrFail(ctx, id));
  const updated = { ...item, request: closed };
  const kind = approvals.kinds[closed.kind];
  const blocks: ReplyBlock[] = [{ type: 'text', text: stateLine(ctx, updated) }];
  if (decision === 'approved') {
    const stepId = stepOfApproval(closed.kind);
    if (stepId) {
      const { changed } = tickStep(ctx.deps.db, {
        eventId: item.event.id,
        stepId,
        actor: ctx.user.id,
        at: ctx.now,
        requestId: ctx.requestId,
        unitCode: item.unit.code,
      });
      const label = ctx.t.steps[stepId] ?? stepId;
      blocks.push({
        type: 'context',
        text: changed ? approvals.stepTicked(label) : approvals.stepAlreadyTicked(label),
      });
    }
    tellRequester(ctx, updated, approvals.toRequester.approved(id, kind, item.unit.code, ctx.user.id), 'success');
  } else {
    const retry = `/rendicion solicitar ${closed.kind} ${item.unit.code} "…"`;
    tellRequester(
      ctx,
      updated,
      approvals.toRequester.rejected(id, kind, item.unit.code, ctx.user.id, reason, retry),
      'warning',
    );
  }
  settleTweetOf(ctx, closed.id, decision === 'approved' ? 'queued' : 'cancelled');
  updateCard(ctx, updated);
  return {
    visibility: 'private',
    tone: decision === 'approved' ? 'success' : 'info',
    title: decision === 'approved' ? approvals.approvedTitle(id) : approvals.rejectedTitle(id),
    blocks,
  };
}

export function withdrawRequest(ctx: CommandContext, id: number): CommandReply {
  const item = findRequestOrFail(ctx, id);
  if (item.request.requestedBy !== ctx.user.id) {
    fail('not_requester', { id, requestedBy: item.request.requestedBy });
  }
  if (item.request.state !== 'pending') return closedReply(ctx, item);
  const closed = closeApprovalRequest(ctx.deps.db, {
    id,
    state: 'withdrawn',
    actor: ctx.user.id,
    at: ctx.now,
    requestId: ctx.requestId,
  });
  if (!closed) return closedReply(ctx, findRequestOrFail(ctx, id));
  const blocks: ReplyBlock[] = [];
  const event = clearFlagSetByAsking(ctx, item, closed.setEventFlag);
  const updated = { ...item, event, request: closed };
  blocks.push({ type: 'text', text: stateLine(ctx, updated) });
  if (event !== item.event) {
    blocks.push({ type: 'context', text: ctx.t.approvals.flagCleared(ctx.t.approvals.kinds[closed.kind]) });
  }
  settleTweetOf(ctx, id, 'cancelled');
  updateCard(ctx, updated);
  return { visibility: 'private', tone: 'success', title: ctx.t.approvals.withdrawnTitle(id), blocks };
}

/**
 * Asking for a video (photos, a cultural segment) noted on the session that it shows one, which
 * makes its approval step pending. Withdrawn, the request takes that note back with it, unless
 * another open or approved request still stands on it: no approval pending, no reminder about it.
 */
function clearFlagSetByAsking(
  ctx: CommandContext,
  item: ApprovalWithEvent,
  flag: ApprovalWithEvent['request']['setEventFlag'],
): ApprovalWithEvent['event'] {
  if (!flag || !item.event[flag]) return item.event;
  const standing = listRequestsOfEvent(ctx.deps.db, item.event.id).some(
    (other) =>
      other.id !== item.request.id &&
      flagOfApproval(other.kind) === flag &&
      (other.state === 'pending' || other.state === 'approved'),
  );
  if (standing) return item.event;
  return saveEvent(ctx.deps.db, {
    campaignId: ctx.campaign.id,
    unit: item.unit,
    details: { ...eventDetailsOf(item.event), [flag]: false },
    actor: ctx.user.id,
    at: ctx.now,
    requestId: ctx.requestId,
  }).event;
}

/**
 * The periodic pass: requests whose event has started expire (their cards say so, buttons gone),
 * and requests still pending close to their event are escalated to the Directorate, once.
 */
export function sweepApprovals(ctx: CommandContext): { expired: number; escalated: number } {
  let expired = 0;
  let escalated = 0;
  for (const item of listPendingApprovals(ctx.deps.db, ctx.campaign.id)) {
    // Live tweets are asked for during the session, so a tweet's approval does not expire at its start.
    if (item.request.kind === 'tuit') continue;
    if (ctx.now.getTime() >= item.event.startsAt.getTime() && expireRequest(ctx, item)) expired += 1;
  }
  const horizon = ctx.now.getTime() + ctx.deps.settings.approvalEscalationHours * MS_PER_HOUR;
  for (const item of listUnescalatedPendingApprovals(ctx.deps.db, ctx.campaign.id)) {
    const startsAt = item.event.startsAt.getTime();
    if (item.request.kind === 'tuit' || startsAt <= ctx.now.getTime() || startsAt > horizon) continue;
    if (!markRequestEscalated(ctx.deps.db, item.request.id, ctx.now)) continue;
    escalated += 1;
    const { approvals } = ctx.t;
    notify(ctx, {
      target: { type: 'channel', channel: 'approvals' },
      message: {
        visibility: 'public',
        tone: 'warning',
        title: approvals.escalationTitle(item.request.id),
        blocks: [
          {
            type: 'text',
            text: approvals.escalationText(
              approvals.kinds[item.request.kind],
              item.unit.code,
              unitDates(ctx, item.unit).dateTime(item.event.startsAt),
              requestAge(ctx, item.request.requestedAt),
            ),
          },
          { type: 'context', text: `«${item.request.description}»` },
        ],
        buttons: decisionButtons(ctx, item.request.id),
      },
    });
  }
  return { expired, escalated };
}
