import type { CampaignTotals } from '../core/campaign-totals.js';
import type { CommandContext, ReplyBlock } from '../core/types.js';

/** How many units the overdue list names before it says "and N more". */
export const OVERDUE_LIST_LIMIT = 10;

export function campaignFigures(ctx: CommandContext, overview: CampaignTotals): ReplyBlock {
  const { t, campaign } = ctx;
  const total = overview.units;
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
      {
        label: t.status.withYoutube,
        value: t.status.withDeclared(`${overview.withYoutube}/${total}`, overview.youtubeDeclared),
      },
      {
        label: t.status.withPresentation,
        value: t.status.withDeclared(`${overview.withPresentation}/${total}`, overview.presentationDeclared),
      },
    ],
  };
}

export function campaignProgress(ctx: CommandContext, overview: CampaignTotals): ReplyBlock[] {
  const { t } = ctx;
  return [
    { type: 'progress', label: t.status.eventsRegistered, done: overview.registered, total: overview.units },
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

export function overdueList(ctx: CommandContext, overview: CampaignTotals): ReplyBlock {
  const { t } = ctx;
  const worst = overview.worstOverdue.slice(0, OVERDUE_LIST_LIMIT);
  if (worst.length === 0) return { type: 'list', heading: t.status.overdueHeading, items: [t.status.noOverdue] };
  return {
    type: 'list',
    heading: t.status.overdueHeading,
    items: [
      ...worst.map((unit) =>
        t.status.overdueLine(unit.unitCode, unit.steps.length, unit.steps.map((step) => step.id).join(', ')),
      ),
      ...(overview.overdueUnits > worst.length ? [t.status.andMore(overview.overdueUnits - worst.length)] : []),
    ],
  };
}
