import { listRoleAssignments } from '../../db/queries/roles.js';
import { readReminderState, recordReminder } from '../../db/queries/schedule.js';
import { markButton } from '../marcar.js';
import { isManuallyTickable } from './checklist.js';
import type { DateFormatter } from './format-date.js';
import { notify } from './notify.js';
import { listOverdueSessions, type OverdueSession } from './overdue-sessions.js';
import type { StepStatus } from './step-state.js';
import type { CommandContext, CommandReply, ReplyButton } from './types.js';
import { unitDates } from './unit-time-zone.js';

export const SNOOZE_ACTION = 'recordatorios.posponer';
export type SnoozeLength = '1h' | '4h' | 'tomorrow';
/** How many "Hecho" buttons one reminder carries; the rest are ticked with `marcar`. */
const MAX_DONE_BUTTONS = 3;

/** Whether it is quiet hours where the reader is (a Galápagos officer's evening starts an hour later in UTC). */
export function isQuietTime(ctx: CommandContext, dates: DateFormatter = ctx.dates): boolean {
  const quiet = ctx.deps.settings.quietHours;
  if (!quiet) return false;
  const hour = Number(dates.time(ctx.now).slice(0, 2));
  // 20 to 7 wraps past midnight; 13 to 15 does not.
  return quiet.fromHour <= quiet.toHour
    ? hour >= quiet.fromHour && hour < quiet.toHour
    : hour >= quiet.fromHour || hour < quiet.toHour;
}

function snoozeButton(ctx: CommandContext, unitCode: string, length: SnoozeLength): ReplyButton {
  const labels = {
    '1h': ctx.t.reminders.snoozeHour,
    '4h': ctx.t.reminders.snoozeFourHours,
    tomorrow: ctx.t.reminders.snoozeTomorrow,
  };
  return { label: labels[length], actionId: SNOOZE_ACTION, payload: JSON.stringify({ unit: unitCode, for: length }) };
}

function reminderMessage(ctx: CommandContext, session: OverdueSession, steps: readonly StepStatus[]): CommandReply {
  const { t } = ctx;
  const { unit } = session;
  const dates = unitDates(ctx, unit);
  const tickable = steps.filter((status) => isManuallyTickable(status.step) && !status.step.approvedByDirectorate);
  return {
    visibility: 'private',
    tone: 'warning',
    title: t.reminders.digestTitle(unit.code),
    blocks: [
      { type: 'text', text: t.reminders.digestIntro(unit.name, dates.dateTime(session.startsAt)) },
      {
        type: 'list',
        items: steps.map((status) =>
          t.reminders.stepLine(status.step.id, t.steps[status.step.id] ?? status.step.id, dates.dateTime(status.dueAt)),
        ),
      },
      { type: 'context', text: t.reminders.footer },
    ],
    buttons: [
      ...tickable.slice(0, MAX_DONE_BUTTONS).map((status) => ({
        ...markButton(ctx, unit.code, status.step.id),
        label: t.reminders.doneButton(status.step.id),
      })),
      snoozeButton(ctx, unit.code, '1h'),
      snoozeButton(ctx, unit.code, '4h'),
      snoozeButton(ctx, unit.code, 'tomorrow'),
    ],
  };
}

/**
 * Tells each responsible officer about the overdue steps of their session: one direct message per
 * unit and person listing the steps not yet reminded today, never in quiet hours, not to whoever
 * muted or snoozed them. A step done stops being overdue, so its reminders stop by themselves.
 */
export function sendReminders(ctx: CommandContext): number {
  const { db } = ctx.deps;
  const today = ctx.dates.toLocalDate(ctx.now);
  const officersByUnit = new Map<string, string[]>();
  for (const assignment of listRoleAssignments(db)) {
    if (assignment.role !== 'officer') continue;
    officersByUnit.set(assignment.scope, [...(officersByUnit.get(assignment.scope) ?? []), assignment.userId]);
  }
  const sessions = listOverdueSessions(db, ctx.campaign.id, ctx.now);
  const state = readReminderState(db, {
    eventIds: sessions.map((session) => session.eventId),
    localDate: today,
    now: ctx.now,
  });
  let sent = 0;
  for (const session of sessions) {
    const { eventId, unit } = session;
    if (isQuietTime(ctx, unitDates(ctx, unit))) continue;
    const recipients = new Set([unit.officer ?? '', ...(officersByUnit.get(unit.code) ?? [])].filter(Boolean));
    for (const userId of recipients) {
      if (state.isMuted(userId) || state.isSnoozed(eventId, userId)) continue;
      // Each step, person and event comes up once in a pass, so what this pass records needs no re-reading.
      const due = session.overdue.filter((status) => !state.wasReminded({ eventId, stepId: status.step.id, userId }));
      if (due.length === 0) continue;
      for (const status of due) {
        recordReminder(db, { eventId, stepId: status.step.id, userId, localDate: today, at: ctx.now });
      }
      notify(ctx, {
        target: {
          type: 'user',
          userId,
          platform: ctx.deps.platformOfUser?.(userId) ?? ctx.deps.platforms[0] ?? 'console',
        },
        message: reminderMessage(ctx, session, due),
      });
      sent += 1;
    }
  }
  return sent;
}
