import { createApprovalRequest, findLatestRejected, findPendingRequest } from '../db/queries/approvals.js';
import { eventDetailsOf, findEventByUnit, saveEvent } from '../db/queries/events.js';
import { canChangeUnit } from './core/access.js';
import { MAX_REASON_LENGTH } from './core/approval-decisions.js';
import { REQUESTED_KINDS, type RequestedKind } from './core/approval-kinds.js';
import { flagOfApproval } from './core/approval-steps.js';
import { findUnitOrFail, refuseExtraPositionals, requirePositional } from './core/arguments.js';
import { fail, type Parsed, parsed, parseError, unwrap } from './core/errors.js';
import { notify } from './core/notify.js';
import { cleanFreeText, normalizeWord } from './core/text.js';
import type { CommandDefinition, ReplyBlock } from './core/types.js';
import { unitDates } from './core/unit-time-zone.js';
import { approvalCard, approvalCardKey } from './views/approval-card.js';

/** Each kind by its own name, and the other words people type for it. */
const KIND_WORDS: Record<string, RequestedKind> = {
  ...Object.fromEntries(REQUESTED_KINDS.map((kind) => [kind, kind])),
  videos: 'video',
  foto: 'fotos',
  fotografias: 'fotos',
  photos: 'fotos',
  'segmento-cultural': 'cultural',
};

function parseKind(input: string): Parsed<RequestedKind> {
  const kind = KIND_WORDS[normalizeWord(input)];
  return kind ? parsed(kind) : parseError('invalid_kind', { input });
}

function parseLink(input: string): Parsed<string> {
  try {
    const url = new URL(input.trim());
    if (url.protocol === 'https:' || url.protocol === 'http:') return parsed(url.href);
  } catch {
    // Not a URL at all: the same answer as a URL with another scheme.
  }
  return parseError('invalid_link', { input });
}

export const solicitar: CommandDefinition = {
  name: 'solicitar',
  aliases: ['request-approval'],
  role: 'officer',
  writes: true,
  run(ctx, args) {
    refuseExtraPositionals(solicitar, args, 4);
    const kind = unwrap(parseKind(requirePositional(solicitar, ctx, args, 0, 'kind')));
    const unit = findUnitOrFail(ctx, requirePositional(solicitar, ctx, args, 1, 'unit'));
    if (!canChangeUnit(ctx.access, unit)) fail('forbidden_unit', { unitCode: unit.code });
    const description = cleanFreeText(requirePositional(solicitar, ctx, args, 2, 'description'));
    if (!description)
      fail('missing_argument', { command: solicitar.name, argument: ctx.t.arguments.description ?? '' });
    if (description.length > MAX_REASON_LENGTH) fail('text_too_long', { max: MAX_REASON_LENGTH });
    const linkInput = args.positionals[3];
    const link = linkInput === undefined ? null : unwrap(parseLink(linkInput));

    let event = findEventByUnit(ctx.deps.db, unit.id);
    if (!event) fail('event_not_registered', { unitCode: unit.code });
    if (ctx.now.getTime() >= event.startsAt.getTime()) {
      fail('event_already_started', { unitCode: unit.code, when: unitDates(ctx, unit).dateTime(event.startsAt) });
    }
    const kindLabel = ctx.t.approvals.kinds[kind];
    const pending = findPendingRequest(ctx.deps.db, event.id, kind);
    if (pending) {
      fail('pending_request_exists', {
        id: pending.id,
        kind: kindLabel,
        unitCode: unit.code,
        // Only its requester may withdraw it, so only they are told how.
        requestedBy: pending.requestedBy === ctx.user.id ? undefined : pending.requestedBy,
      });
    }

    const blocks: ReplyBlock[] = [{ type: 'text', text: ctx.t.approvals.submittedText }];
    // Asking to show a video means the session shows one: its approval step then applies.
    const flag = flagOfApproval(kind);
    const previous = findLatestRejected(ctx.deps.db, event.id, kind);
    // The flag this request turned on (or a rejected request before it did): withdrawing turns it off.
    let setEventFlag = flag && event[flag] && previous?.setEventFlag === flag ? flag : null;
    if (flag && !event[flag]) {
      setEventFlag = flag;
      event = saveEvent(ctx.deps.db, {
        campaignId: ctx.campaign.id,
        unit,
        details: { ...eventDetailsOf(event), [flag]: true },
        actor: ctx.user.id,
        at: ctx.now,
        requestId: ctx.requestId,
      }).event;
      blocks.push({ type: 'context', text: ctx.t.approvals.flagSet(kindLabel) });
    }

    const request = createApprovalRequest(ctx.deps.db, {
      eventId: event.id,
      kind,
      description,
      link,
      requestedBy: ctx.user.id,
      requestedAt: ctx.now,
      previousRequestId: previous?.id ?? null,
      setEventFlag,
      requestPlatform: ctx.platform,
      requestChannelId: ctx.channelId ?? null,
      unitCode: unit.code,
      requestId: ctx.requestId,
    });
    notify(ctx, {
      target: { type: 'channel', channel: 'approvals' },
      message: approvalCard(ctx, { request, event, unit }),
      card: { key: approvalCardKey(request.id), action: 'post' },
    });
    return { visibility: 'private', tone: 'success', title: ctx.t.approvals.submittedTitle(request.id), blocks };
  },
};
