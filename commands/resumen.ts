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
  const localDay = ctx.dates.toLocalDate(day);
  const sessions = overview.units
    .flatMap((progress) => (progress.event ? [{ unit: progress.unit, event: progress.event }] : []))
    .filter(({ event }) => ctx.dates.toLocalDate(event.startsAt) === localDay)
    .sort((a, b) => a.event.startsAt.getTime() - b.event.startsAt.getTime());
  return {
    type: 'list',
    heading,
    items: sessions.length
      ? sessions.map(({ unit, event }) =>
          ctx.t.summary.sessionLine(
            ctx.dates.time(event.startsAt),
            unit.code,
            unit.name,
            platformLabel(ctx, event.platform),
          ),
        )
      : [ctx.t.summary.noSessions],
  };
}
