import { type CampaignOverview, rankOverdueUnits } from '../core/campaign-overview.js';
import type { CommandContext, ReplyBlock } from '../core/types.js';

/** How many units the overdue list names before it says "and N more". */
export const OVERDUE_LIST_LIMIT = 10;

export function campaignFigures(ctx: CommandContext, overview: CampaignOverview): ReplyBlock {
  const { t, campaign } = ctx;
  const total = overview.units.length;
  return {
    type: 'fields',
    fields: [
      {
        label: t.status.window,
        value: `${ctx.dates.localDate(campaign.windowStart)} – ${ctx.dates.localDate(campaign.windowEnd)}`,
      },
      { label: t.status.units, value: String(total) },
      { label: t.status.registered, value: `${overview.registered}/${total}` },
      { label: t.status.held, value: `${overview.held}/${total}` },
      { label: t.status.withYoutube, value: `${overview.withYoutube}/${total}` },
      { label: t.status.withPresentation, value: `${overview.withPresentation}/${total}` },
    ],
  };
}

export function campaignProgress(ctx: CommandContext, overview: CampaignOverview): ReplyBlock[] {
  const { t } = ctx;
  return [
    { type: 'progress', label: t.status.eventsRegistered, done: overview.registered, total: overview.units.length },
    ...overview.phases.map(
      (phase): ReplyBlock => ({
        type: 'progress',
        label: t.status.phaseProgress(t.phases[phase.phase]),
        done: phase.done,
        total: phase.applicable,
      }),
    ),
  ];
}

export function overdueList(ctx: CommandContext, overview: CampaignOverview): ReplyBlock {
  const { t } = ctx;
  const ranked = rankOverdueUnits(overview);
  if (ranked.length === 0) return { type: 'list', heading: t.status.overdueHeading, items: [t.status.noOverdue] };
  return {
    type: 'list',
    heading: t.status.overdueHeading,
    items: [
      ...ranked
        .slice(0, OVERDUE_LIST_LIMIT)
        .map((progress) =>
          t.status.overdueLine(
            progress.unit.code,
            progress.overdue.length,
            progress.overdue.map((status) => status.step.id).join(', '),
          ),
        ),
      ...(ranked.length > OVERDUE_LIST_LIMIT ? [t.status.andMore(ranked.length - OVERDUE_LIST_LIMIT)] : []),
    ],
  };
}
