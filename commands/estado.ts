import { findEventByUnit } from '../db/queries/events.js';
import { findLastReminder } from '../db/queries/schedule.js';
import { listDoneSteps } from '../db/queries/steps.js';
import { findUnitByCode, type Unit } from '../db/queries/units.js';
import { canChangeUnit } from './core/access.js';
import { isOneOf, refuseExtraPositionals } from './core/arguments.js';
import { buildCampaignOverview, type UnitProgress } from './core/campaign-overview.js';
import { buildCampaignTotals } from './core/campaign-totals.js';
import { isManuallyTickable, PHASES } from './core/checklist.js';
import { closestMatch } from './core/closest-match.js';
import { fail } from './core/errors.js';
import { deriveChecklist, type StepStatus } from './core/step-state.js';
import { normalizeWord } from './core/text.js';
import type { CommandContext, CommandDefinition, CommandReply, ReplyBlock, ReplyButton } from './core/types.js';
import { markButton } from './marcar.js';
import { campaignFigures, campaignProgress, OVERDUE_LIST_LIMIT, overdueList } from './views/campaign-blocks.js';
import { eventFields } from './views/event-fields.js';

/** At most this many "Marcar" buttons under one event, the most urgent steps first. */
const MAX_TICK_BUTTONS = 3;
const STATE_MARKS = { done: '✅', pending: '⏳', overdue: '⚠️', not_applicable: '➖' } as const;

export const estado: CommandDefinition = {
  name: 'estado',
  aliases: ['status'],
  role: 'anyone',
  writes: false,
  run(ctx, args) {
    refuseExtraPositionals(estado, args, 1);
    const scope = args.positionals[0];
    if (scope === undefined) {
      const ownUnits = [...ctx.access.officerUnitCodes]
        .map((code) => findUnitByCode(ctx.deps.db, ctx.campaign.id, code))
        .filter((unit): unit is Unit => unit !== undefined);
      if (ownUnits.length === 1 && ownUnits[0]) return eventStatus(ctx, ownUnits[0]);
      if (ownUnits.length > 1) {
        return unitsStatus(
          ctx,
          ctx.t.officerOf(ownUnits.map((unit) => unit.code).join(', ')),
          ownUnits.map((unit) => unit.code),
        );
      }
      return campaignStatus(ctx);
    }
    if (isOneOf(scope, ['todo', 'todas', 'all', 'campana'])) return campaignStatus(ctx);
    const unit = findUnitByCode(ctx.deps.db, ctx.campaign.id, scope);
    if (unit) return eventStatus(ctx, unit);
    const overview = buildCampaignOverview(ctx.deps.db, ctx.campaign.id, ctx.now);
    const provinces = [...new Set(overview.units.map((progress) => progress.unit.province))];
    const province = provinces.find((name) => normalizeWord(name) === normalizeWord(scope));
    if (province) {
      return unitsStatus(
        ctx,
        ctx.t.status.provinceTitle(province),
        overview.units.filter((progress) => progress.unit.province === province).map((progress) => progress.unit.code),
      );
    }
    const codes = overview.units.map((progress) => progress.unit.code);
    fail('scope_not_found', { input: scope, suggestion: closestMatch(scope, [...codes, ...provinces]) });
  },
};

function campaignStatus(ctx: CommandContext): CommandReply {
  const overview = buildCampaignTotals(ctx.deps.db, ctx.campaign.id, ctx.now, { worstLimit: OVERDUE_LIST_LIMIT });
  const blocks: ReplyBlock[] = [campaignFigures(ctx, overview), ...campaignProgress(ctx, overview)];
  if (overview.registered === 0) blocks.push({ type: 'context', text: ctx.t.status.noEvents });
  else blocks.push(overdueList(ctx, overview));
  return { visibility: 'private', tone: 'info', title: ctx.t.status.campaignTitle(ctx.campaign.name), blocks };
}

function unitsStatus(ctx: CommandContext, title: string, unitCodes: readonly string[]): CommandReply {
  const overview = buildCampaignOverview(ctx.deps.db, ctx.campaign.id, ctx.now);
  const wanted = new Set(unitCodes.map((code) => code.toUpperCase()));
  const selected = overview.units.filter((progress) => wanted.has(progress.unit.code.toUpperCase()));
  const registered = selected.filter((progress) => progress.event);
  return {
    visibility: 'private',
    tone: 'info',
    title,
    blocks: [
      { type: 'progress', label: ctx.t.status.eventsRegistered, done: registered.length, total: selected.length },
      {
        type: 'progress',
        label: ctx.t.status.progress,
        done: sum(registered, (progress) => progress.done),
        total: sum(registered, (progress) => progress.applicable),
      },
      { type: 'list', items: selected.map((progress) => unitLine(ctx, progress)) },
    ],
  };
}

function unitLine(ctx: CommandContext, progress: UnitProgress): string {
  const { unit, event } = progress;
  if (!event) return ctx.t.status.unregisteredLine(unit.code, unit.name);
  return ctx.t.status.provinceLine(
    unit.code,
    unit.name,
    ctx.dates.dateTime(event.startsAt),
    progress.done,
    progress.applicable,
    progress.overdue.length,
  );
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

export function eventStatus(ctx: CommandContext, unit: Unit): CommandReply {
  const { t } = ctx;
  const title = t.status.eventTitle(unit.code, unit.name);
  const event = findEventByUnit(ctx.deps.db, unit.id);
  if (!event) {
    return {
      visibility: 'private',
      tone: 'warning',
      title,
      blocks: [{ type: 'text', text: t.status.notRegistered(unit.code) }],
    };
  }
  const statuses = deriveChecklist(event, listDoneSteps(ctx.deps.db, event.id), ctx.now);
  const applicable = statuses.filter((status) => status.state !== 'not_applicable');
  const blocks: ReplyBlock[] = [
    { type: 'fields', fields: eventFields(ctx, unit, event) },
    {
      type: 'progress',
      label: t.status.progress,
      done: applicable.filter((status) => status.state === 'done').length,
      total: applicable.length,
    },
    ...PHASES.map(
      (phase): ReplyBlock => ({
        type: 'list',
        heading: t.phases[phase],
        items: statuses.filter((status) => status.step.phase === phase).map((status) => stepLine(ctx, status)),
      }),
    ),
  ];
  const lastReminder = findLastReminder(ctx.deps.db, event.id);
  if (lastReminder) {
    blocks.push({
      type: 'context',
      text: t.reminders.lastReminded(ctx.dates.dateTime(lastReminder.sentAt), lastReminder.userId),
    });
  }
  const overdue = statuses.some((status) => status.state === 'overdue');
  return {
    visibility: 'private',
    tone: overdue ? 'warning' : 'info',
    title,
    blocks,
    buttons: canChangeUnit(ctx.access, unit) ? tickButtons(ctx, unit, statuses) : undefined,
  };
}

function stepLine(ctx: CommandContext, status: StepStatus): string {
  const { t } = ctx;
  const label = `${STATE_MARKS[status.state]} \`${status.step.id}\` ${t.steps[status.step.id] ?? status.step.id}`;
  switch (status.state) {
    case 'done':
      return `${label} — ${t.status.doneBy(status.done?.doneBy ?? '', ctx.dates.dateTime(status.done?.doneAt ?? status.dueAt))}`;
    case 'pending':
      return `${label} — ${t.status.dueOn(ctx.dates.dateTime(status.dueAt))}`;
    case 'overdue':
      return `${label} — ${t.status.overdueSince(ctx.dates.dateTime(status.dueAt))}`;
    case 'not_applicable':
      return `${label} — ${t.status.notApplicable}`;
  }
}

function tickButtons(ctx: CommandContext, unit: Unit, statuses: readonly StepStatus[]): ReplyButton[] {
  const open = statuses.filter(
    (status) =>
      (status.state === 'overdue' || status.state === 'pending') &&
      isManuallyTickable(status.step) &&
      (!status.step.approvedByDirectorate || ctx.access.isDirectorate || ctx.access.isAdmin),
  );
  const urgentFirst = [...open].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  return urgentFirst.slice(0, MAX_TICK_BUTTONS).map((status) => markButton(ctx, unit.code, status.step.id));
}
