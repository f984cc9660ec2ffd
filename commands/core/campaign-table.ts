import type { Database } from '../../db/client.js';
import type { Campaign } from '../../db/queries/campaign.js';
import { listDoneStepsByEvent } from '../../db/queries/steps.js';
import { listCurrentLinks } from '../../db/queries/youtube-links.js';
import { platformLabel } from '../views/event-fields.js';
import { buildCampaignOverview } from './campaign-overview.js';
import { CHECKLIST } from './checklist.js';
import { deriveChecklist } from './step-state.js';
import type { CommandContext } from './types.js';
import { unitDates } from './unit-time-zone.js';
import { refusalReason } from './youtube/refusal-reason.js';

/**
 * The campaign as a table: a row per unit, a column per checklist step (state, who, when) and the
 * YouTube link. The CSV export and the Google Sheet show this same table. Times are ISO 8601 with
 * the offset of the unit's zone (sortable, exact anywhere); the session's also as people read it.
 */
export function buildCampaignTable(
  ctx: Pick<CommandContext, 't' | 'dates' | 'now'> & { deps: { db: Database }; campaign: Campaign },
): string[][] {
  const { t } = ctx;
  const overview = buildCampaignOverview(ctx.deps.db, ctx.campaign.id, ctx.now);
  const links = listCurrentLinks(ctx.deps.db, ctx.campaign.id);
  // The table shows who ticked each step and when, which the overview's counts leave out.
  const doneByEvent = listDoneStepsByEvent(ctx.deps.db, ctx.campaign.id);
  const header = [
    t.export.header.unit,
    t.export.header.name,
    t.export.header.province,
    t.export.header.when,
    t.export.header.whenIso,
    t.export.header.platform,
    ...CHECKLIST.flatMap((step) => [step.id, t.export.header.stepBy(step.id), t.export.header.stepAt(step.id)]),
    t.export.header.youtube,
    t.export.header.youtubeState,
    // Last, so the columns people's formulas already point at keep their letters.
    t.export.header.joinUrl,
  ];
  const rows = overview.units.map(({ unit, event }) => {
    const dates = unitDates(ctx, unit);
    const link = event ? links.get(event.id) : undefined;
    const statuses = event ? deriveChecklist(event, doneByEvent.get(event.id) ?? [], ctx.now) : [];
    const steps = CHECKLIST.flatMap((step) => {
      const status = statuses.find((candidate) => candidate.step.id === step.id);
      if (!status) return ['', '', ''];
      return [
        // A declared step is done, but not proved by a link: the table says so, as every total does.
        status.done?.source === 'declared' ? t.status.declaredWithoutLink : t.stepStates[status.state],
        status.done?.doneBy ?? '',
        status.done ? dates.iso(status.done.doneAt) : '',
      ];
    });
    return [
      unit.code,
      unit.name,
      unit.province,
      event ? dates.dateTime(event.startsAt) : '',
      event ? dates.iso(event.startsAt) : '',
      event ? platformLabel(ctx as CommandContext, event.platform) : '',
      ...steps,
      link?.url ?? '',
      link ? linkState(t, link) : '',
      event?.joinUrl ?? '',
    ];
  });
  return [header, ...rows];
}

function linkState(t: CommandContext['t'], link: { verification: string; problem: string | null }): string {
  if (link.verification === 'refused') return t.youtube.refusedState(refusalReason(t, link.problem));
  return t.youtube.states[link.verification] ?? link.verification;
}
