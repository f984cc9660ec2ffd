import { stringify } from 'csv-stringify/sync';
import { listCurrentLinks } from '../db/queries/youtube-links.js';
import { refuseExtraPositionals } from './core/arguments.js';
import { buildCampaignOverview } from './core/campaign-overview.js';
import { CHECKLIST } from './core/checklist.js';
import type { CommandDefinition } from './core/types.js';
import { platformLabel } from './views/event-fields.js';

/** Spreadsheet programs read UTF-8 without a BOM as Latin-1 and garble "Rendición". */
const UTF8_BOM = '\uFEFF';

export const exportar: CommandDefinition = {
  name: 'exportar',
  aliases: ['export'],
  role: 'officer',
  writes: false,
  run(ctx, args) {
    refuseExtraPositionals(exportar, args, 0);
    const { t } = ctx;
    const overview = buildCampaignOverview(ctx.deps.db, ctx.campaign.id, ctx.now);
    const links = listCurrentLinks(ctx.deps.db, ctx.campaign.id);
    const header = [
      t.export.header.unit,
      t.export.header.name,
      t.export.header.province,
      t.export.header.when,
      t.export.header.platform,
      ...CHECKLIST.flatMap((step) => [step.id, `${step.id} (quién)`, `${step.id} (cuándo)`]),
      t.export.header.youtube,
      t.export.header.youtubeState,
    ];
    const rows = overview.units.map(({ unit, event, statuses }) => {
      const link = event ? links.get(event.id) : undefined;
      const steps = CHECKLIST.flatMap((step) => {
        const status = statuses.find((candidate) => candidate.step.id === step.id);
        if (!status) return ['', '', ''];
        return [
          t.stepStates[status.state],
          status.done?.doneBy ?? '',
          status.done ? ctx.dates.dateTime(status.done.doneAt) : '',
        ];
      });
      return [
        unit.code,
        unit.name,
        unit.province,
        event ? ctx.dates.dateTime(event.startsAt) : '',
        event ? platformLabel(ctx, event.platform) : '',
        ...steps,
        link?.url ?? '',
        link ? (t.youtube.states[link.verification] ?? link.verification) : '',
      ];
    });
    return {
      visibility: 'private',
      tone: 'success',
      title: t.export.title,
      blocks: [{ type: 'text', text: t.export.done(rows.length) }],
      file: {
        name: `rendicion-${ctx.dates.toLocalDate(ctx.now)}.csv`,
        mimeType: 'text/csv',
        content: UTF8_BOM + stringify([header, ...rows]),
      },
    };
  },
};
