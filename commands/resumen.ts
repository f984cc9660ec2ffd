import { listPendingApprovals } from '../db/queries/approvals.js';
import { isOneOf, refuseExtraPositionals } from './core/arguments.js';
import { buildCampaignOverview, type CampaignOverview } from './core/campaign-overview.js';
import { fail } from './core/errors.js';
import { elapsedParts } from './core/format-date.js';
import type { CommandContext, CommandDefinition, CommandReply, ReplyBlock } from './core/types.js';
import { campaignFigures, campaignProgress, overdueList } from './views/campaign-blocks.js';
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
  const overview = buildCampaignOverview(ctx.deps.db, ctx.campaign.id, ctx.now);
  const blocks: ReplyBlock[] = [];
  if (ctx.campaign.isDemo) blocks.push({ type: 'context', text: t.summary.demoNotice });
  blocks.push(campaignFigures(ctx, overview), ...campaignProgress(ctx, overview));
  const tomorrow = new Date(ctx.now.getTime() + MS_PER_DAY);
  blocks.push(sessionsOn(ctx, overview, ctx.now, t.summary.todayHeading(ctx.dates.date(ctx.now))));
  blocks.push(sessionsOn(ctx, overview, tomorrow, t.summary.tomorrowHeading(ctx.dates.date(tomorrow))));
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
  const chart = options.withChart ? campaignChartSvg(ctx, overview) : undefined;
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

function sessionsOn(ctx: CommandContext, overview: CampaignOverview, day: Date, heading: string): ReplyBlock {
  const isOnDay = localDayTest(ctx, day);
  const sessions = overview.units
    .filter((progress) => progress.event && isOnDay(progress.event.startsAt))
    .flatMap((progress) => (progress.event ? [{ unit: progress.unit, event: progress.event }] : []))
    .sort((a, b) => a.event.startsAt.getTime() - b.event.startsAt.getTime());
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
      ? sessions.map(({ unit, event }) =>
          ctx.t.summary.sessionLine(timeOf(event.startsAt), unit.code, unit.name, platformLabel(ctx, event.platform)),
        )
      : [ctx.t.summary.noSessions],
  };
}

/**
 * Whether an instant falls on the same local day as `day`. The local day is an interval of instants,
 * so this compares numbers instead of formatting every session's date in the time zone (100,000
 * sessions took seconds), once its bounds are checked to be that day's first instant and the
 * next day's; where they are not (a time change at midnight) it formats each date as before.
 */
function localDayTest(ctx: CommandContext, day: Date): (at: Date) => boolean {
  const localDay = ctx.dates.toLocalDate(day);
  const nextDay = new Date(Date.parse(`${localDay}T00:00:00Z`) + MS_PER_DAY).toISOString().slice(0, 10);
  const from = ctx.dates.toInstant(localDay, 0, 0).getTime();
  const until = ctx.dates.toInstant(nextDay, 0, 0).getTime();
  const startsDay = (instant: number, date: string) =>
    ctx.dates.toLocalDate(new Date(instant)) === date && ctx.dates.toLocalDate(new Date(instant - 1)) !== date;
  if (startsDay(from, localDay) && startsDay(until, nextDay)) {
    return (at) => at.getTime() >= from && at.getTime() < until;
  }
  return (at) => ctx.dates.toLocalDate(at) === localDay;
}
