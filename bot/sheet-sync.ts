import { buildCampaignTable } from '../commands/core/campaign-table.js';
import type { Clock } from '../commands/core/clock.js';
import { createDateFormatter } from '../commands/core/format-date.js';
import { messagesFor } from '../commands/core/i18n/catalogue.js';
import type { Logger } from '../commands/core/logger.js';
import type { Locale } from '../commands/core/types.js';
import type { Database } from '../db/client.js';
import { getCampaign } from '../db/queries/campaign.js';
import type { SheetWriter } from '../integrations/google-sheets/sheet-writer.js';

/**
 * Keeps the Google Sheet equal to the campaign: after any change (a new audit row), at most once a
 * minute so a burst of ticks is one write, well inside the Sheets quota (60 writes a minute). The
 * first pass of a process, a `hoja` request and a change of shape (a unit added) rewrite the whole
 * table; otherwise only the rows that changed are sent, so 10,000 sessions cost a few rows a minute.
 */
export function createSheetSync(deps: {
  db: Database;
  writer: SheetWriter;
  clock: Clock;
  logger: Logger;
  locale: Locale;
  minIntervalMs?: number;
}) {
  const minIntervalMs = deps.minIntervalMs ?? 60_000;
  let syncedUpTo = -1;
  let lastWrite = Number.NEGATIVE_INFINITY;
  let written: readonly (readonly string[])[] | undefined;
  return async function syncSheet(): Promise<boolean> {
    const marker = (deps.db.sqlite.prepare('SELECT coalesce(max(id), 0) AS id FROM audit_log').get() as { id: number })
      .id;
    const now = deps.clock.now();
    if (marker === syncedUpTo || now.getTime() - lastWrite < minIntervalMs) return false;
    const campaign = getCampaign(deps.db);
    const table = buildCampaignTable({
      deps: { db: deps.db },
      campaign,
      t: messagesFor(deps.locale, { unitCode: '', date: '' }),
      dates: createDateFormatter(deps.locale, campaign.timeZone),
      now,
    });
    const rebuildRequested =
      (
        deps.db.sqlite
          .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sheet.rebuild_requested' AND id > ?")
          .get(syncedUpTo) as { n: number }
      ).n > 0;
    const sameShape =
      written !== undefined &&
      written.length === table.length &&
      JSON.stringify(written[0]) === JSON.stringify(table[0]);
    try {
      if (!sameShape || rebuildRequested || !written) {
        await deps.writer.writeTable(table);
      } else {
        const previous = written;
        const changed = table
          .map((values, index) => ({ index, values }))
          .filter(({ index, values }) => JSON.stringify(values) !== JSON.stringify(previous[index]));
        if (changed.length) await deps.writer.writeRows(changed);
      }
    } catch (error) {
      const failure = error as { status?: number; message?: string };
      deps.logger.warn({ status: failure.status, error: failure.message }, 'sheet sync failed; will retry');
      return false;
    }
    syncedUpTo = marker;
    lastWrite = now.getTime();
    written = table;
    return true;
  };
}
