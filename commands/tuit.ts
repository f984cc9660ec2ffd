import { findEventByUnit } from '../db/queries/events.js';
import { createDraftTweet } from '../db/queries/tweets.js';
import { canChangeUnit } from './core/access.js';
import { findUnitOrFail, refuseExtraPositionals, requirePositional } from './core/arguments.js';
import { fail, type Parsed, parsed, parseError, unwrap } from './core/errors.js';
import { cleanFreeText } from './core/text.js';
import {
  CANCEL_ACTION,
  cancelDraft,
  mayPublishDirectly,
  PUBLISH_ACTION,
  previewReply,
  publishDraft,
  withCampaignHashtag,
} from './core/tweet-flow.js';
import type { CommandDefinition } from './core/types.js';

function parseDraftId(payload: string): Parsed<number> {
  return /^\d{1,9}$/.test(payload)
    ? parsed(Number(payload))
    : parseError('unknown_action', { actionId: PUBLISH_ACTION });
}

export const tuit: CommandDefinition = {
  name: 'tuit',
  aliases: ['tweet'],
  // Officers write for their own units and Communication for any; checked per unit below.
  role: 'communication',
  writes: true,
  run(ctx, args) {
    const unit = findUnitOrFail(ctx, requirePositional(tuit, ctx, args, 0, 'unit'));
    if (!canChangeUnit(ctx.access, unit) && !mayPublishDirectly(ctx)) fail('forbidden_unit', { unitCode: unit.code });
    const typed = cleanFreeText(requirePositional(tuit, ctx, args, 1, 'tweetText'));
    refuseExtraPositionals(tuit, args, 2);
    const event = findEventByUnit(ctx.deps.db, unit.id);
    if (!event) fail('event_not_registered', { unitCode: unit.code });
    const { text, added } = withCampaignHashtag(typed, ctx.campaign.hashtag);
    const draft = createDraftTweet(ctx.deps.db, {
      eventId: event.id,
      text,
      requestedBy: ctx.user.id,
      requestPlatform: ctx.platform,
      at: ctx.now,
      requestId: ctx.requestId,
    });
    return previewReply(ctx, draft, unit.code, added);
  },
  actions: {
    [PUBLISH_ACTION]: (ctx, payload) => publishDraft(ctx, unwrap(parseDraftId(payload))),
    [CANCEL_ACTION]: (ctx, payload) => cancelDraft(ctx, unwrap(parseDraftId(payload))),
  },
};
