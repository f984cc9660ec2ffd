import { findEventByUnit } from '../db/queries/events.js';
import { tickStep } from '../db/queries/steps.js';
import type { Unit } from '../db/queries/units.js';
import { addLink, findCurrentLink, findUnitHoldingVideo, replaceLink } from '../db/queries/youtube-links.js';
import { canChangeUnit, mayOverride } from './core/access.js';
import { findUnitOrFail, readOptions, refuseExtraPositionals, requirePositional } from './core/arguments.js';
import { fail, unwrap } from './core/errors.js';
import { parseYesNo } from './core/parse-values.js';
import type { CommandContext, CommandDefinition, CommandReply } from './core/types.js';
import { parseYoutubeLink } from './core/youtube/parse-youtube-link.js';

const REPLACE_ACTION = 'youtube.reemplazar';

function eventOrFail(ctx: CommandContext, unit: Unit) {
  if (!canChangeUnit(ctx.access, unit)) fail('forbidden_unit', { unitCode: unit.code });
  const event = findEventByUnit(ctx.deps.db, unit.id);
  if (!event) fail('event_not_registered', { unitCode: unit.code });
  return event;
}

/**
 * One recording is one session: a video another unit already holds is refused, naming that unit,
 * unless an admin forces it (`forzar=si`, for a joint session).
 */
function refuseVideoOfAnotherUnit(ctx: CommandContext, unit: Unit, eventId: number, videoId: string, force: boolean) {
  if (force) return;
  const holder = findUnitHoldingVideo(ctx.deps.db, ctx.campaign.id, videoId, eventId);
  if (holder) {
    fail('video_of_another_unit', {
      unitCode: unit.code,
      otherUnitCode: holder.unitCode,
      url: holder.url,
      canForce: mayOverride(ctx.access),
    });
  }
}

/** Stores the link first (an outage never loses it); without a YouTube key it counts at once. */
function storeLink(
  ctx: CommandContext,
  unit: Unit,
  eventId: number,
  link: { videoId: string; url: string },
  force: boolean,
): CommandReply {
  refuseVideoOfAnotherUnit(ctx, unit, eventId, link.videoId, force);
  const checking = ctx.deps.youtubeMode === 'verify';
  addLink(ctx.deps.db, {
    eventId,
    url: link.url,
    videoId: link.videoId,
    verification: checking ? 'checking' : 'unverified',
    reportedBy: ctx.user.id,
    reportedAt: ctx.now,
    unitCode: unit.code,
    requestId: ctx.requestId,
  });
  let ticked = false;
  if (!checking) {
    ticked = tickStep(ctx.deps.db, {
      eventId,
      stepId: 'youtube',
      actor: ctx.user.id,
      at: ctx.now,
      requestId: ctx.requestId,
      unitCode: unit.code,
      source: 'evidence',
    }).inserted;
  }
  return {
    visibility: 'private',
    tone: 'success',
    title: ctx.t.youtube.receivedTitle(unit.code),
    blocks: [
      { type: 'text', text: link.url },
      { type: 'context', text: checking ? ctx.t.youtube.checking : ctx.t.youtube.unverified(ticked) },
    ],
  };
}

export const youtube: CommandDefinition = {
  name: 'youtube',
  aliases: ['video-link'],
  role: 'officer',
  options: { forzar: ['forzar', 'force'] },
  writes: true,
  run(ctx, args) {
    refuseExtraPositionals(youtube, args, 2);
    const options = readOptions(youtube, args);
    const force = options.has('forzar') && unwrap(parseYesNo('forzar', options.get('forzar') ?? ''));
    if (force && !mayOverride(ctx.access)) fail('forbidden_force', { command: 'youtube' });
    const unit = findUnitOrFail(ctx, requirePositional(youtube, ctx, args, 0, 'unit'));
    const link = unwrap(parseYoutubeLink(requirePositional(youtube, ctx, args, 1, 'youtubeLink')));
    const event = eventOrFail(ctx, unit);
    const current = findCurrentLink(ctx.deps.db, event.id);
    if (current?.videoId === link.videoId) {
      return {
        visibility: 'private',
        tone: 'info',
        blocks: [{ type: 'text', text: ctx.t.youtube.alreadyReported(current.url) }],
      };
    }
    if (current) {
      // Asked before the question, so nobody confirms a replacement that would then be refused.
      refuseVideoOfAnotherUnit(ctx, unit, event.id, link.videoId, force);
      return {
        visibility: 'private',
        tone: 'warning',
        blocks: [{ type: 'text', text: ctx.t.youtube.replaceQuestion(current.url, link.url) }],
        buttons: [
          {
            label: ctx.t.youtube.replaceButton,
            actionId: REPLACE_ACTION,
            payload: JSON.stringify({ unit: unit.code, url: link.url, ...(force ? { force: true } : {}) }),
            style: 'primary',
          },
        ],
      };
    }
    return storeLink(ctx, unit, event.id, link, force);
  },
  actions: {
    [REPLACE_ACTION]: (ctx, payload) => {
      let request: { unit?: unknown; url?: unknown; force?: unknown };
      try {
        request = JSON.parse(payload) as typeof request;
      } catch {
        fail('unknown_action', { actionId: REPLACE_ACTION });
      }
      if (typeof request.unit !== 'string' || typeof request.url !== 'string')
        fail('unknown_action', { actionId: REPLACE_ACTION });
      const unit = findUnitOrFail(ctx, request.unit);
      const link = unwrap(parseYoutubeLink(request.url));
      const event = eventOrFail(ctx, unit);
      const current = findCurrentLink(ctx.deps.db, event.id);
      if (current?.videoId === link.videoId) {
        return {
          visibility: 'private',
          tone: 'info',
          blocks: [{ type: 'text', text: ctx.t.youtube.alreadyReported(current.url) }],
        };
      }
      const force = request.force === true && mayOverride(ctx.access);
      refuseVideoOfAnotherUnit(ctx, unit, event.id, link.videoId, force);
      if (current) replaceLink(ctx.deps.db, current.id, ctx.user.id, ctx.now, ctx.requestId);
      return storeLink(ctx, unit, event.id, link, force);
    },
  },
};
