import { findEventByUnit } from '../db/queries/events.js';
import { listMutedUsers, setMuted, snoozeReminders } from '../db/queries/schedule.js';
import { mayOverride } from './core/access.js';
import { findUnitOrFail, isOneOf, refuseExtraPositionals } from './core/arguments.js';
import { fail } from './core/errors.js';
import { SNOOZE_ACTION, type SnoozeLength } from './core/reminders.js';
import type { CommandContext, CommandDefinition, CommandReply, ReplyBlock } from './core/types.js';

const HOUR_MS = 3_600_000;
/** "Hasta mañana" means the start of tomorrow's working day in the campaign's time zone. */
const TOMORROW_HOUR = 8;

function identities(ctx: CommandContext): string[] {
  return [ctx.user.id, ctx.user.email ?? ''].filter(Boolean);
}

function stateReply(ctx: CommandContext, text: string): CommandReply {
  const { t } = ctx;
  const blocks: ReplyBlock[] = [{ type: 'text', text }];
  if (mayOverride(ctx.access)) {
    const muted = listMutedUsers(ctx.deps.db);
    blocks.push({
      type: 'list',
      heading: t.reminders.mutedHeading,
      items: muted.length
        ? muted.map((row) => t.reminders.mutedLine(row.userId, ctx.dates.dateTime(row.mutedAt)))
        : [t.reminders.noneMuted],
    });
  }
  return { visibility: 'private', tone: 'info', title: t.reminders.stateTitle, blocks };
}

export const recordatorios: CommandDefinition = {
  name: 'recordatorios',
  aliases: ['reminders'],
  role: 'officer',
  writes: true,
  run(ctx, args) {
    refuseExtraPositionals(recordatorios, args, 1);
    const { t } = ctx;
    const toggle = args.positionals[0];
    const muted = listMutedUsers(ctx.deps.db).some((row) => identities(ctx).includes(row.userId));
    if (toggle === undefined) return stateReply(ctx, muted ? t.reminders.off : t.reminders.on);
    const turnOff = isOneOf(toggle, ['off', 'no', 'desactivar', 'apagar']);
    const turnOn = isOneOf(toggle, ['on', 'si', 'activar', 'encender']);
    if (!turnOff && !turnOn) fail('invalid_toggle', { input: toggle });
    let changed = false;
    for (const userId of identities(ctx)) {
      changed = setMuted(ctx.deps.db, { userId, muted: turnOff, at: ctx.now, requestId: ctx.requestId }) || changed;
    }
    return stateReply(ctx, changed ? (turnOff ? t.reminders.turnedOff : t.reminders.turnedOn) : t.reminders.unchanged);
  },
  actions: {
    [SNOOZE_ACTION]: (ctx, payload) => {
      const { unit: unitCode, length } = parseSnooze(payload);
      const unit = findUnitOrFail(ctx, unitCode);
      const event = findEventByUnit(ctx.deps.db, unit.id);
      if (!event) fail('event_not_registered', { unitCode: unit.code });
      const until =
        length === 'tomorrow'
          ? ctx.dates.toInstant(ctx.dates.toLocalDate(new Date(ctx.now.getTime() + 24 * HOUR_MS)), TOMORROW_HOUR, 0)
          : new Date(ctx.now.getTime() + (length === '1h' ? 1 : 4) * HOUR_MS);
      for (const userId of identities(ctx)) {
        snoozeReminders(ctx.deps.db, { eventId: event.id, userId, until, at: ctx.now, requestId: ctx.requestId });
      }
      return {
        visibility: 'private',
        tone: 'success',
        title: ctx.t.reminders.snoozedTitle,
        blocks: [{ type: 'text', text: ctx.t.reminders.snoozedText(unit.code, ctx.dates.dateTime(until)) }],
      };
    },
  },
};

function parseSnooze(payload: string): { unit: string; length: SnoozeLength } {
  try {
    const value = JSON.parse(payload) as { unit?: unknown; for?: unknown };
    if (typeof value.unit === 'string' && (value.for === '1h' || value.for === '4h' || value.for === 'tomorrow')) {
      return { unit: value.unit, length: value.for };
    }
  } catch {
    // Falls through to the answer every malformed button gets.
  }
  fail('unknown_action', { actionId: SNOOZE_ACTION });
}
