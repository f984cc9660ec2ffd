import { recordAudit } from '../db/queries/audit.js';
import { refuseExtraPositionals } from './core/arguments.js';
import type { CommandDefinition } from './core/types.js';

/**
 * Asks for the Google Sheet to be rewritten whole. The sync rewrites the sheet after any audited
 * change, so recording the request is what triggers it.
 */
export const hoja: CommandDefinition = {
  name: 'hoja',
  aliases: ['sheet'],
  role: 'directorate',
  writes: true,
  run(ctx, args) {
    refuseExtraPositionals(hoja, args, 0);
    if (!ctx.deps.sheetConfigured) {
      return { visibility: 'private', tone: 'info', blocks: [{ type: 'text', text: ctx.t.sheet.notConfigured }] };
    }
    recordAudit(ctx.deps.db, {
      at: ctx.now,
      actor: ctx.user.id,
      action: 'sheet.rebuild_requested',
      entity: 'sheet',
      entityId: 'campaign',
      requestId: ctx.requestId,
    });
    return {
      visibility: 'private',
      tone: 'success',
      title: ctx.t.sheet.rebuildTitle,
      blocks: [{ type: 'text', text: ctx.t.sheet.rebuildText }],
    };
  },
};
