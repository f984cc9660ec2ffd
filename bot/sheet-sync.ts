import { buildCampaignTable } from '../commands/core/campaign-table.js';
import { CHECKLIST } from '../commands/core/checklist.js';
import type { Clock } from '../commands/core/clock.js';
import { createDateFormatter } from '../commands/core/format-date.js';
import { messagesFor } from '../commands/core/i18n/catalogue.js';
import type { Logger } from '../commands/core/logger.js';
import type { Locale } from '../commands/core/types.js';
import type { Database } from '../db/client.js';
import { getCampaign } from '../db/queries/campaign.js';
import { hasDueMomentBetween } from '../db/queries/events.js';
import type { SheetWriter } from '../integrations/google-sheets/sheet-writer.js';

/** After a failed write, the next try waits this long, doubling up to `SHEET_MAX_BACKOFF_MS` (as the chat outbox does). */
export const SHEET_FIRST_BACKOFF_MS = 30_000;
export const SHEET_MAX_BACKOFF_MS = 30 * 60_000;

/** Every moment a step falls due, relative to its session's start. */
const DUE_OFFSETS_MS = [...new Set(CHECKLIST.map((step) => step.dueOffsetHours * 3_600_000))];

/**
 * Keeps the Google Sheet equal to the campaign: after any change (a new audit row), and when only
 * the clock changed it (a step fell due and is now overdue), at most once a minute so a burst of
 * ticks is one write, well inside the Sheets quota (60 writes a minute). The first pass of a
 * process, a `hoja` request and a change of shape (a unit added) rewrite the whole table;
 * otherwise only the rows that changed are sent, so 10,000 sessions cost a few rows a minute. A
 * failed write is tried again after a back-off (30 s, doubling up to 30 min), not on every pass.
 * The headers and states are in the bot's language (`BOT_LANGUAGE`).
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
  /** The clock's instant that the sheet's states reflect. */
  let builtAt: Date | undefined;
  let written: readonly (readonly string[])[] | undefined;
  let failures = 0;
  let retryAt = Number.NEGATIVE_INFINITY;
  return async function syncSheet(): Promise<boolean> {
    const marker = (deps.db.sqlite.prepare('SELECT coalesce(max(id), 0) AS id FROM audit_log').get() as { id: number })
      .id;
    const now = deps.clock.now();
    if (now.getTime() < retryAt || now.getTime() - lastWrite < minIntervalMs) return false;
    const campaign = getCampaign(deps.db);
    if (marker === syncedUpTo) {
      const fellDue =
        builtAt !== undefined &&
        hasDueMomentBetween(deps.db, { campaignId: campaign.id, from: builtAt, until: now, offsetsMs: DUE_OFFSETS_MS });
      if (!fellDue) return false;
    }
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
    let wrote = true;
    try {
      if (!sameShape || rebuildRequested || !written) {
        await deps.writer.writeTable(table);
      } else {
        const previous = written;
        const changed = table
          .map((values, index) => ({ index, values }))
          .filter(({ index, values }) => JSON.stringify(values) !== JSON.stringify(previous[index]));
        if (changed.length) await deps.writer.writeRows(changed);
        else wrote = false;
      }
    } catch (error) {
      failures += 1;
      const waitMs = Math.min(SHEET_FIRST_BACKOFF_MS * 2 ** (failures - 1), SHEET_MAX_BACKOFF_MS);
      retryAt = now.getTime() + waitMs;
      const failure = error as { status?: number; message?: string };
      deps.logger.warn(
        { status: failure.status, error: failure.message, failures, retryInSeconds: waitMs / 1000 },
        'sheet sync failed; will retry later',
      );
      return false;
    }
    failures = 0;
    retryAt = Number.NEGATIVE_INFINITY;
    syncedUpTo = marker;
    builtAt = now;
    if (wrote) lastWrite = now.getTime();
    written = table;
    return wrote;
  };
}
