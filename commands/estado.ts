import { findEventByUnit } from '../db/queries/events.js';
import { findLastReminder } from '../db/queries/schedule.js';
import { listDoneSteps } from '../db/queries/steps.js';
import { countUnitsByProvince, findUnitByCode, listUnits, type Unit } from '../db/queries/units.js';
import { actsForDirectorate, canChangeUnit } from './core/access.js';
import { isOneOf } from './core/arguments.js';
import { buildCampaignTotals } from './core/campaign-totals.js';
import { isManuallyTickable, PHASES } from './core/checklist.js';
import { closestMatch } from './core/closest-match.js';
import { fail } from './core/errors.js';
import { checkPageExists, linesAfter, type Page, pageCount, pageFromInput } from './core/paging.js';
import { deriveChecklist, type StepStatus } from './core/step-state.js';
import { normalizeWord } from './core/text.js';
import type { CommandContext, CommandDefinition, CommandReply, ReplyBlock, ReplyButton } from './core/types.js';
import { countUnitSteps, type UnitCounts } from './core/unit-counts.js';
import { unitDates } from './core/unit-time-zone.js';
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
    const { scope, pageWord } = readScope(args.positionals);
    const page = pageFromInput(pageWord);
    // The campaign and a unit are one page (Discord sends the page with any scope the user picks).
    const onePage = () => checkPageExists(page, 1);
    if (scope === undefined) {
      const ownUnits = [...ctx.access.officerUnitCodes]
        .map((code) => findUnitByCode(ctx.deps.db, ctx.campaign.id, code))
        .filter((unit): unit is Unit => unit !== undefined);
      if (ownUnits.length === 1 && ownUnits[0]) return eventStatus(ctx, ownUnits[0]);
      if (ownUnits.length > 1) {
        return unitsStatus(ctx, ctx.t.officerOf(ownUnits.map((unit) => unit.code).join(', ')), {
          unitIds: ownUnits.map((unit) => unit.id),
        });
      }
      return campaignStatus(ctx);
    }
    if (isOneOf(scope, ['todo', 'todas', 'all', 'campana'])) {
      onePage();
      return campaignStatus(ctx);
    }
    const byCode = findUnitByCode(ctx.deps.db, ctx.campaign.id, scope);
    if (byCode) {
      onePage();
      return eventStatus(ctx, byCode);
    }
    // Provinces before unit names: a province is one of a few dozen names, while finding a unit by its
    // name reads every unit (about 1 s at 100,000; docs/benchmarks.md, scale).
    const wanted = normalizeWord(scope);
    const provinces = countUnitsByProvince(ctx.deps.db, ctx.campaign.id).map((entry) => entry.province);
    const province = provinces.find((name) => normalizeWord(name) === wanted);
    if (province) return provinceStatus(ctx, province, page);
    const units = listUnits(ctx.deps.db, ctx.campaign.id);
    const byName = units.find((candidate) => normalizeWord(candidate.name) === wanted);
    if (byName) {
      onePage();
      return eventStatus(ctx, byName);
    }
    const codes = units.map((candidate) => candidate.code);
    fail('scope_not_found', { input: scope, suggestion: closestMatch(scope, [...codes, ...provinces]) });
  },
};

/**
 * The scope is the rest of the line, so `estado Los Ríos` and `estado Santo Domingo de los Tsáchilas 2`
 * need no quotes; a number at the end is the page. Another number before it is one word too many.
 */
function readScope(positionals: readonly string[]): { scope?: string; pageWord?: string } {
  const isNumber = (word: string | undefined) => word !== undefined && /^\d+$/.test(word.trim());
  const words = positionals.map((word) => word.trim()).filter((word) => word !== '');
  const last = words.at(-1);
  if (words.length < 2 || !isNumber(last)) return { scope: words.length ? words.join(' ') : undefined };
  const scopeWords = words.slice(0, -1);
  if (scopeWords.length > 1 && isNumber(scopeWords.at(-1))) {
    fail('too_many_arguments', { command: estado.name, extra: last ?? '' });
  }
  return { scope: scopeWords.join(' '), pageWord: last };
}

function campaignStatus(ctx: CommandContext): CommandReply {
  const overview = buildCampaignTotals(ctx.deps.db, ctx.campaign.id, ctx.now, { worstLimit: OVERDUE_LIST_LIMIT });
  const blocks: ReplyBlock[] = [campaignFigures(ctx, overview), ...campaignProgress(ctx, overview)];
  if (overview.registered === 0) blocks.push({ type: 'context', text: ctx.t.status.noEvents });
  else blocks.push(overdueList(ctx, overview));
  return { visibility: 'private', tone: 'info', title: ctx.t.status.campaignTitle(ctx.campaign.name), blocks };
}

/** A province's units, a page at a time: the counts cover the whole province, the list shows one page. */
function provinceStatus(ctx: CommandContext, province: string, page: Page): CommandReply {
  const units = countUnitSteps(ctx.deps.db, ctx.campaign.id, { province }, ctx.now);
  checkPageExists(page, units.length);
  const shown = units.slice(page.offset, page.offset + page.limit);
  const lines = shown.map((counts) => unitLine(ctx, counts));
  const more = linesAfter(page, units.length);
  if (more > 0) lines.push(ctx.t.status.moreUnits(more, ctx.t.status.provinceCommand(province, page.number + 1)));
  const title = ctx.t.status.provinceTitle(province);
  if (page.number === 1) return unitsReply(ctx, title, units, lines);
  const first = page.offset + 1;
  return {
    visibility: 'private',
    tone: 'info',
    title,
    blocks: [
      {
        type: 'context',
        text: ctx.t.pageNotice(page.number, pageCount(units.length), first, page.offset + shown.length, units.length),
      },
      { type: 'list', items: lines },
    ],
  };
}

/** An officer's units, every one (an officer has a few). */
function unitsStatus(ctx: CommandContext, title: string, selection: { unitIds: readonly number[] }): CommandReply {
  const units = countUnitSteps(ctx.deps.db, ctx.campaign.id, selection, ctx.now);
  return unitsReply(
    ctx,
    title,
    units,
    units.map((counts) => unitLine(ctx, counts)),
  );
}

function unitsReply(ctx: CommandContext, title: string, units: readonly UnitCounts[], lines: string[]): CommandReply {
  const registered = units.filter((counts) => counts.startsAt);
  return {
    visibility: 'private',
    tone: 'info',
    title,
    blocks: [
      { type: 'progress', label: ctx.t.status.eventsRegistered, done: registered.length, total: units.length },
      {
        type: 'progress',
        label: ctx.t.status.progress,
        done: sum(registered, (counts) => counts.done),
        total: sum(registered, (counts) => counts.applicable),
      },
      { type: 'list', items: lines },
    ],
  };
}

function unitLine(ctx: CommandContext, counts: UnitCounts): string {
  if (!counts.startsAt) return ctx.t.status.unregisteredLine(counts.code, counts.name);
  return ctx.t.status.provinceLine(
    counts.code,
    counts.name,
    unitDates(ctx, counts).dateTime(counts.startsAt),
    counts.done,
    counts.applicable,
    counts.overdue,
  );
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

export function eventStatus(campaignCtx: CommandContext, unit: Unit): CommandReply {
  // Every time of a unit's session and steps is read in the unit's own zone (named where it differs).
  const ctx = { ...campaignCtx, dates: unitDates(campaignCtx, unit) };
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
    case 'done': {
      const doneBy = t.status.doneBy(
        status.done?.doneBy ?? '',
        ctx.dates.dateTime(status.done?.doneAt ?? status.dueAt),
      );
      return status.done?.source === 'declared'
        ? `${label} — ${t.status.declaredWithoutLink} — ${doneBy}`
        : `${label} — ${doneBy}`;
    }
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
      // Evidence ticks these: a button would only be refused.
      !status.step.provedBy &&
      (!status.step.approvedByDirectorate || actsForDirectorate(ctx.access)),
  );
  const urgentFirst = [...open].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  return urgentFirst.slice(0, MAX_TICK_BUTTONS).map((status) => markButton(ctx, unit.code, status.step.id));
}
