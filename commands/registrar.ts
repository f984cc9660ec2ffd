import { type CampaignEvent, type EventDetails, findEventByUnit, saveEvent } from '../db/queries/events.js';
import { tickStep } from '../db/queries/steps.js';
import type { Unit } from '../db/queries/units.js';
import { canChangeUnit, mayOverride } from './core/access.js';
import { findUnitOrFail, readOptions, refuseExtraPositionals, requirePositional } from './core/arguments.js';
import { CHECKLIST, isManuallyTickable } from './core/checklist.js';
import { fail, unwrap } from './core/errors.js';
import { parseJoinUrl } from './core/join-url.js';
import type { ParsedArguments } from './core/parse-invocation.js';
import {
  type MeetingPlatform,
  parseCount,
  parseEmail,
  parseLocalDate,
  parseLocalTime,
  parsePlatform,
  parseYesNo,
} from './core/parse-values.js';
import { findSessionClashes } from './core/session-clashes.js';
import { deriveChecklist } from './core/step-state.js';
import { cleanFreeText, normalizeWord } from './core/text.js';
import type { CommandContext, CommandDefinition, CommandReply, ReplyBlock } from './core/types.js';
import { unitDates } from './core/unit-time-zone.js';
import { eventFields } from './views/event-fields.js';

const MAX_ROOM_LENGTH = 120;

/** `pasado mañana` typed without quotes is two words: read them as the one date they are. */
export function joinDayAfterTomorrow(args: ParsedArguments): ParsedArguments {
  const [unit, first, second, ...rest] = args.positionals;
  if (first === undefined || second === undefined) return args;
  if (normalizeWord(first) !== 'pasado' || normalizeWord(second) !== 'manana') return args;
  return { ...args, positionals: [unit ?? '', `${first} ${second}`, ...rest] };
}

export const registrar: CommandDefinition = {
  name: 'registrar',
  aliases: ['register'],
  role: 'officer',
  writes: true,
  options: {
    sala: ['sala', 'room'],
    correo: ['correo', 'email'],
    enlace: ['enlace', 'link'],
    asistentes: ['asistentes', 'attendance'],
    video: ['video'],
    fotos: ['fotos', 'photos'],
    cultural: ['cultural'],
    forzar: ['forzar', 'force'],
  },
  run(ctx, typedArgs) {
    const args = joinDayAfterTomorrow(typedArgs);
    const options = readOptions(registrar, args);
    const unit = findUnitOrFail(ctx, requirePositional(registrar, ctx, args, 0, 'unit'));
    if (!canChangeUnit(ctx.access, unit)) fail('forbidden_unit', { unitCode: unit.code });
    // The officer types the unit's own local time (Galápagos is an hour behind the mainland).
    const dates = unitDates(ctx, unit);
    const existing = findEventByUnit(ctx.deps.db, unit.id);

    const force = options.has('forzar') && unwrap(parseYesNo('forzar', options.get('forzar') ?? ''));
    if (force && !mayOverride(ctx.access)) fail('forbidden_force', {});

    // A registered session may change only its options: `registrar PICH-DP correo=...`.
    let startsAt: Date;
    let platform: MeetingPlatform;
    refuseExtraPositionals(registrar, args, 4);
    const dateInput = args.positionals[1];
    if (dateInput === undefined && existing) {
      startsAt = existing.startsAt;
      platform = existing.platform as MeetingPlatform;
    } else {
      if (dateInput === undefined) {
        fail('missing_argument', { command: registrar.name, argument: ctx.t.arguments.dateTimePlatform ?? '' });
      }
      const windowYear = Number(ctx.campaign.windowStart.slice(0, 4));
      const date = unwrap(parseLocalDate(dateInput, windowYear, dates.toLocalDate(ctx.now)));
      const time = unwrap(parseLocalTime(requirePositional(registrar, ctx, args, 2, 'time')));
      platform = unwrap(parsePlatform(requirePositional(registrar, ctx, args, 3, 'platform')));
      startsAt = dates.toInstant(date, time.hours, time.minutes);
      const outsideWindow = date < ctx.campaign.windowStart || date > ctx.campaign.windowEnd;
      if (outsideWindow && !force) {
        fail('date_outside_window', {
          date: ctx.dates.localDate(date),
          windowStart: ctx.dates.localDate(ctx.campaign.windowStart),
          windowEnd: ctx.dates.localDate(ctx.campaign.windowEnd),
        });
      }
      const isNewTime = !existing || existing.startsAt.getTime() !== startsAt.getTime();
      if (isNewTime && startsAt.getTime() <= ctx.now.getTime() && !force) {
        fail('date_in_past', { when: dates.dateTime(startsAt) });
      }
    }

    const room = options.has('sala')
      ? cleanFreeText(options.get('sala') ?? '').slice(0, MAX_ROOM_LENGTH) || null
      : (existing?.room ?? null);
    // The link is checked against the session's platform, also when only the platform changes.
    const joinInput = options.has('enlace') ? (options.get('enlace') ?? '').trim() : (existing?.joinUrl ?? '');
    const joinUrl = joinInput ? unwrap(parseJoinUrl(joinInput, platform, ctx.campaign.institutionalDomains)) : null;
    const details: EventDetails = {
      startsAt,
      platform,
      room,
      joinUrl,
      questionsEmail: options.has('correo')
        ? unwrap(parseEmail(options.get('correo') ?? ''))
        : (existing?.questionsEmail ?? null),
      expectedAttendance: options.has('asistentes')
        ? unwrap(parseCount('asistentes', options.get('asistentes') ?? ''))
        : (existing?.expectedAttendance ?? null),
      showsVideo: readFlag(options, 'video', existing?.showsVideo),
      showsPhotos: readFlag(options, 'fotos', existing?.showsPhotos),
      hasCulturalSegment: readFlag(options, 'cultural', existing?.hasCulturalSegment),
    };

    // The engine runs this in one transaction: the event, its ticks and the audit rows land together.
    const saved = saveEvent(ctx.deps.db, {
      campaignId: ctx.campaign.id,
      unit,
      details,
      actor: ctx.user.id,
      at: ctx.now,
      requestId: ctx.requestId,
    });
    for (const step of CHECKLIST) {
      const ticked =
        step.tickedByRegistration === 'always' ||
        (step.tickedByRegistration === 'questionsEmail' && details.questionsEmail !== null) ||
        (step.tickedByRegistration === 'expectedAttendance' && details.expectedAttendance !== null);
      if (ticked) {
        tickStep(ctx.deps.db, {
          eventId: saved.event.id,
          stepId: step.id,
          actor: ctx.user.id,
          at: ctx.now,
          requestId: ctx.requestId,
          unitCode: unit.code,
        });
      }
    }
    return registrationReply({ ...ctx, dates }, { unit, ...saved, force, platform: platform as MeetingPlatform });
  },
};

function readFlag(options: Map<string, string>, name: string, current: boolean | undefined): boolean {
  const value = options.get(name);
  return value === undefined ? (current ?? false) : unwrap(parseYesNo(name, value));
}

function registrationReply(
  ctx: CommandContext,
  input: {
    unit: Unit;
    event: CampaignEvent;
    outcome: 'created' | 'updated' | 'unchanged';
    previous?: EventDetails;
    force: boolean;
    platform: MeetingPlatform;
  },
): CommandReply {
  const { t } = ctx;
  const { unit, event, outcome, previous } = input;
  const title =
    outcome === 'created'
      ? t.register.createdTitle(unit.code)
      : outcome === 'updated'
        ? t.register.updatedTitle(unit.code)
        : t.register.unchangedTitle(unit.code);
  const blocks: ReplyBlock[] = [{ type: 'fields', fields: eventFields(ctx, unit, event) }];
  if (previous && previous.startsAt.getTime() !== event.startsAt.getTime()) {
    blocks.push({ type: 'context', text: t.register.rescheduledFrom(ctx.dates.dateTime(previous.startsAt)) });
  }
  if (input.platform === 'facebook') blocks.push({ type: 'text', text: t.register.facebookWarning });
  const clashes = outcome === 'unchanged' ? [] : findSessionClashes(ctx, unit, event);
  for (const clash of clashes) {
    const when = ctx.dates.dateTime(clash.startsAt);
    blocks.push({
      type: 'text',
      text:
        clash.kind === 'officer'
          ? t.register.officerClash(clash.unitCode, when, clash.shared)
          : t.register.roomClash(clash.unitCode, when, clash.shared),
    });
  }
  const date = ctx.dates.toLocalDate(event.startsAt);
  if (input.force && (date < ctx.campaign.windowStart || date > ctx.campaign.windowEnd)) {
    blocks.push({ type: 'context', text: t.register.forcedOutsideWindow });
  }
  const next = deriveChecklist(event, [], ctx.now).find(
    (status) => status.state !== 'not_applicable' && isManuallyTickable(status.step),
  );
  if (next && outcome === 'created') {
    blocks.push({
      type: 'context',
      text: t.register.nextStep(
        t.steps[next.step.id] ?? next.step.id,
        t.status.dueOn(ctx.dates.dateTime(next.dueAt)),
        `/rendicion marcar ${unit.code} ${next.step.id}`,
      ),
    });
  }
  return {
    visibility: 'public',
    tone:
      input.platform === 'facebook' || clashes.length > 0 ? 'warning' : outcome === 'unchanged' ? 'info' : 'success',
    title,
    blocks,
  };
}
