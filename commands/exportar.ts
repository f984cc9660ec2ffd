import { stringify } from 'csv-stringify/sync';
import { refuseExtraPositionals } from './core/arguments.js';
import { buildCampaignTable } from './core/campaign-table.js';
import type { CommandDefinition } from './core/types.js';

/** Spreadsheet programs read UTF-8 without a BOM as Latin-1 and garble "Rendición". */
const UTF8_BOM = '\uFEFF';

export const exportar: CommandDefinition = {
  name: 'exportar',
  aliases: ['export'],
  role: 'officer',
  writes: false,
  run(ctx, args) {
    refuseExtraPositionals(exportar, args, 0);
    const table = buildCampaignTable(ctx);
    return {
      visibility: 'private',
      tone: 'success',
      title: ctx.t.export.title,
      blocks: [{ type: 'text', text: ctx.t.export.done(table.length - 1) }],
      file: {
        name: `rendicion-${ctx.dates.toLocalDate(ctx.now)}.csv`,
        mimeType: 'text/csv',
        content: UTF8_BOM + stringify(table),
      },
    };
  },
};
