import { countApprovalRequests, listPendingApprovals } from '../db/queries/approvals.js';
import { isOneOf, refuseExtraPositionals } from './core/arguments.js';
import { buildCampaignTotals, type CampaignTotals } from './core/campaign-totals.js';
import { fail } from './core/errors.js';
import { elapsedParts } from './core/format-date.js';
import { checkPageExists, linesAfter, type Page, pageCount, pageFromInput } from './core/paging.js';
import type { CommandContext, CommandDefinition, CommandReply, ReplyBlock } from './core/types.js';
import { campaignFigures, campaignProgress, OVERDUE_LIST_LIMIT, overdueList } from './views/campaign-blocks.js';
import { campaignChartSvg } from './views/campaign-chart.js';
import { daySessionLines, type SummaryDay, summaryDayHeading } from './views/day-sessions.js';

export const resumen: CommandDefinition = {
  name: 'resumen',
  aliases: ['summary'],
  role: 'anyone',
  writes: false,
  run(ctx, args) {
    refuseExtraPositionals(resumen, args, 3);
    const words = [...args.positionals];
    const withChart = words[0] !== undefined && isOneOf(words[0], ['grafico', 'chart', 'imagen']);
    if (withChart) words.shift();
    const day = words[0] === undefined ? undefined : dayOf(words[0]);
    const page = day ? pageFromInput(words[1]) : undefined;
    const extra = words[day ? 2 : 0];
    if (extra !== undefined) fail('too_many_arguments', { command: resumen.name, extra });
    if (day && page) return sessionsPage(ctx, day, page, { withChart });
    return buildSummary(ctx, { withChart });
  },
};

function dayOf(word: string): SummaryDay | undefined {
  if (isOneOf(word, ['hoy', 'today'])) return 'today';
  if (isOneOf(word, ['manana', 'tomorrow'])) return 'tomorrow';
  return undefined;
}

/** `resumen hoy 2`: a page of the day's sessions, for a day with more than the summary lists. */
function sessionsPage(ctx: CommandContext, day: SummaryDay, page: Page, options: { withChart: boolean }): CommandReply {
  const { lines, shown, total } = daySessionLines(ctx, day, page);
  checkPageExists(page, total);
  const blocks: ReplyBlock[] = [];
  if (page.number > 1) {
    const first = page.offset + 1;
    blocks.push({
      type: 'context',
      text: ctx.t.pageNotice(page.number, pageCount(total), first, page.offset + shown, total),
    });
  }
  blocks.push({ type: 'list', items: lines });
  return {
    visibility: 'private',
    tone: 'info',
    title: ctx.t.summary.sessionsTitle(summaryDayHeading(ctx, day)),
    blocks,
    image: options.withChart
      ? chartImage(ctx, buildCampaignTotals(ctx.deps.db, ctx.campaign.id, ctx.now, { worstLimit: 0, byProvince: true }))
      : undefined,
  };
}

/** The campaign summary; the scheduler posts this same reply to the summary channel. */
export function buildSummary(ctx: CommandContext, options: { withChart?: boolean } = {}): CommandReply {
  const { t } = ctx;
  // With the chart, the same reading of the campaign also counts by province.
  const overview = buildCampaignTotals(ctx.deps.db, ctx.campaign.id, ctx.now, {
    worstLimit: OVERDUE_LIST_LIMIT,
    byProvince: options.withChart === true,
  });
  const blocks: ReplyBlock[] = [];
  if (ctx.campaign.isDemo) blocks.push({ type: 'context', text: t.summary.demoNotice });
  blocks.push(campaignFigures(ctx, overview), ...campaignProgress(ctx, overview));
  // Each list shows its first page; a longer one ends with how many more and the command for them.
  const firstPage = pageFromInput(undefined);
  for (const day of ['today', 'tomorrow'] as const) {
    blocks.push({
      type: 'list',
      heading: summaryDayHeading(ctx, day),
      items: daySessionLines(ctx, day, firstPage).lines,
    });
  }
  blocks.push(overdueList(ctx, overview));
  blocks.push({
    type: 'list',
    heading: t.summary.pendingApprovalsHeading,
    items: pendingApprovalLines(ctx, firstPage),
  });
  const agendaUrl = ctx.deps.agendaPublicUrl;
  if (agendaUrl) blocks.push({ type: 'context', text: t.agenda.publicAt(agendaUrl) });
  return {
    visibility: 'public',
    tone: 'info',
    title: t.summary.title(ctx.campaign.name),
    blocks,
    image: options.withChart ? chartImage(ctx, overview) : undefined,
  };
}

/** The chart of counts read with `byProvince`. */
function chartImage(ctx: CommandContext, totals: CampaignTotals): CommandReply['image'] {
  const chart = campaignChartSvg(ctx, { ...totals, provinces: totals.provinces ?? [] });
  return { ...chart, name: `resumen-${ctx.dates.toLocalDate(ctx.now)}`, altText: ctx.t.chart.altText };
}

function pendingApprovalLines(ctx: CommandContext, page: Page): string[] {
  const { t } = ctx;
  const pending = listPendingApprovals(ctx.deps.db, ctx.campaign.id, page);
  if (pending.length === 0) return [t.summary.noPendingApprovals];
  const overdueMs = ctx.deps.settings.approvalOverdueHours * 3_600_000;
  const lines = pending.map(({ request, unit }) => {
    const age = elapsedParts(request.requestedAt, ctx.now);
    const overdue = ctx.now.getTime() - request.requestedAt.getTime() > overdueMs;
    return t.summary.pendingApprovalLine(
      request.id,
      t.approvals.kinds[request.kind],
      unit.code,
      t.summary.age(age.days, age.hours),
      overdue,
    );
  });
  // Only a full page can have more after it; then they are counted (`solicitudes` pages them the same way).
  if (pending.length === page.limit) {
    const more = linesAfter(
      page,
      countApprovalRequests(ctx.deps.db, { campaignId: ctx.campaign.id, states: ['pending'] }),
    );
    if (more > 0) {
      lines.push(
        t.summary.morePendingApprovals(more, t.approvals.pageCommand(t.approvals.scopePending, page.number + 1)),
      );
    }
  }
  return lines;
}
