import { listPendingApprovals } from '../db/queries/approvals.js';
import { listSessionsBetween, type SessionLine } from '../db/queries/events.js';
import { isOneOf, refuseExtraPositionals } from './core/arguments.js';
import { buildCampaignOverview } from './core/campaign-overview.js';
import { buildCampaignTotals } from './core/campaign-totals.js';
import { fail } from './core/errors.js';
import { elapsedParts } from './core/format-date.js';
import type { CommandContext, CommandDefinition, CommandReply, ReplyBlock } from './core/types.js';
import { campaignFigures, campaignProgress, OVERDUE_LIST_LIMIT, overdueList } from './views/campaign-blocks.js';
import { campaignChartSvg } from './views/campaign-chart.js';
import { platformLabel } from './views/event-fields.js';

const MS_PER_DAY = 86_400_000;

export const resumen: CommandDefinition = {
  name: 'resumen',
  aliases: ['summary'],
  role: 'anyone',
  writes: false,
  run(ctx, args) {
    refuseExtraPositionals(resumen, args, 1);
    const option = args.positionals[0];
    if (option !== undefined && !isOneOf(option, ['grafico', 'chart', 'imagen'])) {
      fail('too_many_arguments', { command: resumen.name, extra: option });
    }
    return buildSummary(ctx, { withChart: option !== undefined });
  },
};

/** The campaign summary; the scheduler posts this same reply to the summary channel. */
export function buildSummary(ctx: CommandContext, options: { withChart?: boolean } = {}): CommandReply {
  const { t } = ctx;
  const overview = buildCampaignTotals(ctx.deps.db, ctx.campaign.id, ctx.now, { worstLimit: OVERDUE_LIST_LIMIT });
  const blocks: ReplyBlock[] = [];
  if (ctx.campaign.isDemo) blocks.push({ type: 'context', text: t.summary.demoNotice });
  blocks.push(campaignFigures(ctx, overview), ...campaignProgress(ctx, overview));
  const tomorrow = new Date(ctx.now.getTime() + MS_PER_DAY);
  blocks.push(sessionsOn(ctx, ctx.now, t.summary.todayHeading(ctx.dates.date(ctx.now))));
  blocks.push(sessionsOn(ctx, tomorrow, t.summary.tomorrowHeading(ctx.dates.date(tomorrow))));
  blocks.push(overdueList(ctx, overview));
  const pending = listPendingApprovals(ctx.deps.db, ctx.campaign.id);
  const overdueMs = ctx.deps.settings.approvalOverdueHours * 3_600_000;
  blocks.push({
    type: 'list',
    heading: t.summary.pendingApprovalsHeading,
    items: pending.length
      ? pending.map(({ request, unit }) => {
          const age = elapsedParts(request.requestedAt, ctx.now);
          const overdue = ctx.now.getTime() - request.requestedAt.getTime() > overdueMs;
          return t.summary.pendingApprovalLine(
            request.id,
            t.approvals.kinds[request.kind],
            unit.code,
            t.summary.age(age.days, age.hours),
            overdue,
          );
        })
      : [t.summary.noPendingApprovals],
  });
  // The chart draws every province: it needs every unit's progress, which the counts above leave out.
  const chart = options.withChart
    ? campaignChartSvg(ctx, buildCampaignOverview(ctx.deps.db, ctx.campaign.id, ctx.now))
    : undefined;
  return {
    visibility: 'public',
    tone: 'info',
    title: t.summary.title(ctx.campaign.name),
    blocks,
    image: chart && {
      ...chart,
      name: `resumen-${ctx.dates.toLocalDate(ctx.now)}`,
      altText: t.chart.altText,
    },
  };
}

function sessionsOn(ctx: CommandContext, day: Date, heading: string): ReplyBlock {
  const { sessions } = listSessionsOnDay(ctx, day);
  // Sessions start at a few times of day: each is formatted once, not once per session.
  const times = new Map<number, string>();
  const timeOf = (at: Date) => {
    const known = times.get(at.getTime());
    if (known !== undefined) return known;
    const formatted = ctx.dates.time(at);
    times.set(at.getTime(), formatted);
    return formatted;
  };
  return {
    type: 'list',
    heading,
    items: sessions.length
      ? sessions.map((session) =>
          ctx.t.summary.sessionLine(
            timeOf(session.startsAt),
            session.unitCode,
            session.unitName,
            platformLabel(ctx, session.platform),
          ),
        )
      : [ctx.t.summary.noSessions],
  };
}

/**
 * The sessions on the local day of `day`, in time order. The local day is an interval of instants,
 * so SQL finds them on the index of start times, once its bounds are checked to be that day's first
 * instant and the next day's; where they are not (a time change at midnight) the sessions of the
 * days around it are read and each date is formatted, as before.
 */
function listSessionsOnDay(
  ctx: CommandContext,
  day: Date,
  page: { limit?: number; offset?: number } = {},
): { sessions: SessionLine[]; total: number } {
  const localDay = ctx.dates.toLocalDate(day);
  const nextDay = new Date(Date.parse(`${localDay}T00:00:00Z`) + MS_PER_DAY).toISOString().slice(0, 10);
  const from = ctx.dates.toInstant(localDay, 0, 0);
  const until = ctx.dates.toInstant(nextDay, 0, 0);
  const startsDay = (instant: Date, date: string) =>
    ctx.dates.toLocalDate(instant) === date && ctx.dates.toLocalDate(new Date(instant.getTime() - 1)) !== date;
  const campaignId = ctx.campaign.id;
  if (startsDay(from, localDay) && startsDay(until, nextDay)) {
    return listSessionsBetween(ctx.deps.db, { campaignId, from, until }, page);
  }
  const around = listSessionsBetween(ctx.deps.db, {
    campaignId,
    from: new Date(from.getTime() - MS_PER_DAY),
    until: new Date(until.getTime() + MS_PER_DAY),
  }).sessions.filter((session) => ctx.dates.toLocalDate(session.startsAt) === localDay);
  const offset = page.offset ?? 0;
  return { sessions: around.slice(offset, offset + (page.limit ?? around.length)), total: around.length };
}
