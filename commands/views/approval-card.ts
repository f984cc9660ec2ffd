import type { ApprovalWithEvent } from '../../db/queries/approvals.js';
import { findApprovalRequestById } from '../../db/queries/approvals.js';
import { elapsedParts } from '../core/format-date.js';
import type { CommandContext, CommandReply, ReplyBlock, ReplyButton } from '../core/types.js';
import { unitDates } from '../core/unit-time-zone.js';

export const APPROVE_ACTION = 'solicitud.aprobar';
export const REJECT_ACTION = 'solicitud.rechazar';

/** The key under which adapters remember where a request's card was posted. */
export function approvalCardKey(requestId: number): string {
  return `approval:${requestId}`;
}

export function requestAge(ctx: CommandContext, requestedAt: Date): string {
  const age = elapsedParts(requestedAt, ctx.now);
  return ctx.t.summary.age(age.days, age.hours);
}

export function decisionButtons(ctx: CommandContext, requestId: number): ReplyButton[] {
  const { approvals } = ctx.t;
  return [
    { label: approvals.approveButton, actionId: APPROVE_ACTION, payload: String(requestId), style: 'primary' },
    {
      label: approvals.rejectButton,
      actionId: REJECT_ACTION,
      payload: String(requestId),
      style: 'danger',
      input: { label: approvals.reasonLabel, placeholder: approvals.reasonPlaceholder },
    },
  ];
}

/** The line that says where a request stands: pending since, or who closed it, when and why. */
export function stateLine(ctx: CommandContext, item: ApprovalWithEvent): string {
  const { approvals } = ctx.t;
  const { request } = item;
  const when = request.decidedAt ? ctx.dates.dateTime(request.decidedAt) : '';
  const by = request.decidedBy ?? '';
  switch (request.state) {
    case 'pending':
      return approvals.pendingSince(requestAge(ctx, request.requestedAt));
    case 'approved':
      return approvals.approvedBy(by, when);
    case 'rejected':
      return approvals.rejectedBy(by, when, request.decisionReason ?? '');
    case 'withdrawn':
      return approvals.withdrawnBy(by, when);
    case 'expired':
      return approvals.expiredAt(unitDates(ctx, item.unit).dateTime(item.event.startsAt));
  }
}

/**
 * The Directorate's card for one request: everything needed to decide, the history of a
 * resubmission, and the buttons while it is pending. The same card replaces itself after a decision.
 */
export function approvalCard(ctx: CommandContext, item: ApprovalWithEvent): CommandReply {
  const { approvals } = ctx.t;
  const { request, event, unit } = item;
  const kind = approvals.kinds[request.kind];
  const blocks: ReplyBlock[] = [
    {
      type: 'fields',
      fields: [
        { label: approvals.fields.unit, value: `${unit.code} · ${unit.name}` },
        { label: approvals.fields.province, value: unit.province },
        { label: approvals.fields.eventDate, value: unitDates(ctx, unit).dateTime(event.startsAt) },
        { label: approvals.fields.kind, value: kind },
        { label: approvals.fields.description, value: request.description },
        { label: approvals.fields.link, value: request.link ?? ctx.t.none },
        { label: approvals.fields.requestedBy, value: request.requestedBy },
        { label: approvals.fields.requestedAt, value: ctx.dates.dateTime(request.requestedAt) },
      ],
    },
  ];
  const previous = request.previousRequestId
    ? findApprovalRequestById(ctx.deps.db, request.previousRequestId)
    : undefined;
  if (previous) {
    blocks.push({
      type: 'context',
      text: approvals.resubmissionOf(previous.id, previous.decidedBy ?? '', previous.decisionReason ?? ''),
    });
  }
  blocks.push({ type: 'text', text: stateLine(ctx, item) });
  const tone = request.state === 'approved' ? 'success' : request.state === 'pending' ? 'info' : 'warning';
  return {
    visibility: 'public',
    tone,
    title: approvals.cardTitle(request.id, kind, unit.code),
    blocks,
    buttons: request.state === 'pending' ? decisionButtons(ctx, request.id) : undefined,
  };
}
