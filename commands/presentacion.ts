import { findEventByUnit } from '../db/queries/events.js';
import { addPresentationLink } from '../db/queries/presentation-links.js';
import { canChangeUnit } from './core/access.js';
import { findUnitOrFail, refuseExtraPositionals, requirePositional } from './core/arguments.js';
import { fail } from './core/errors.js';
import { isInstitutional } from './core/policy/policy-checker.js';
import type { CommandDefinition } from './core/types.js';

function parsePageUrl(input: string): URL {
  try {
    const url = new URL(input.trim().replace(/^<|>$/g, ''));
    if (url.protocol === 'https:' || url.protocol === 'http:') return url;
  } catch {
    // Not a URL: the same answer as a URL with another scheme.
  }
  fail('invalid_link_for_presentation', { input });
}

/**
 * Records where the unit's presentation is on the institute's website. The link is stored first;
 * the background pass checks the page answers and ticks the step (or says its HTTP status).
 */
export const presentacion: CommandDefinition = {
  name: 'presentacion',
  aliases: ['presentation'],
  role: 'officer',
  writes: true,
  run(ctx, args) {
    refuseExtraPositionals(presentacion, args, 2);
    const unit = findUnitOrFail(ctx, requirePositional(presentacion, ctx, args, 0, 'unit'));
    const url = parsePageUrl(requirePositional(presentacion, ctx, args, 1, 'pageLink'));
    if (!isInstitutional(url.hostname, ctx.campaign.institutionalDomains)) {
      fail('not_institutional_link', { host: url.hostname, domains: ctx.campaign.institutionalDomains.join(', ') });
    }
    if (!canChangeUnit(ctx.access, unit)) fail('forbidden_unit', { unitCode: unit.code });
    const event = findEventByUnit(ctx.deps.db, unit.id);
    if (!event) fail('event_not_registered', { unitCode: unit.code });
    addPresentationLink(ctx.deps.db, {
      eventId: event.id,
      url: url.href,
      reportedBy: ctx.user.id,
      reportedAt: ctx.now,
      unitCode: unit.code,
      requestId: ctx.requestId,
    });
    return {
      visibility: 'private',
      tone: 'success',
      title: ctx.t.presentation.receivedTitle(unit.code),
      blocks: [
        { type: 'text', text: url.href },
        { type: 'context', text: ctx.t.presentation.checking },
      ],
    };
  },
};
