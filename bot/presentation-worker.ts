import type { Clock } from '../commands/core/clock.js';
import { messagesFor } from '../commands/core/i18n/catalogue.js';
import type { Logger } from '../commands/core/logger.js';
import type { Locale, Platform } from '../commands/core/types.js';
import { type Database, inTransaction } from '../db/client.js';
import { findEventWithUnit } from '../db/queries/events.js';
import { listPresentationLinksToCheck, settlePresentationLink } from '../db/queries/presentation-links.js';
import { tickStep } from '../db/queries/steps.js';
import { queueDirectMessage } from './direct-message.js';
import { platformOfUser } from './user-platform.js';

/** A website that does not answer in this time is tried again on the next pass. */
const PAGE_TIMEOUT_MS = 10_000;

export interface PresentationWorkerDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  locale: Locale;
  defaultPlatform: Platform;
  /** Every running platform: a person is written to on the one their id belongs to. */
  platforms?: readonly Platform[];
  fetchPage?: typeof fetch;
}

/**
 * Checks that each reported presentation page answers: a 2xx ticks the step, an HTTP error is
 * told to the officer with its status, and a network failure waits for the next pass.
 */
export async function checkPresentationLinks(deps: PresentationWorkerDeps): Promise<number> {
  const t = messagesFor(deps.locale, { unitCode: '', date: '' });
  const fetchPage = deps.fetchPage ?? fetch;
  let settled = 0;
  for (const link of listPresentationLinksToCheck(deps.db)) {
    const found = findEventWithUnit(deps.db, link.eventId);
    if (!found) continue;
    let status: number;
    try {
      const response = await fetchPage(link.url, { redirect: 'follow', signal: AbortSignal.timeout(PAGE_TIMEOUT_MS) });
      status = response.status;
      await response.body?.cancel();
    } catch (error) {
      deps.logger.warn(
        { linkId: link.id, error: error instanceof Error ? error.message : String(error) },
        'presentation page did not answer; will retry',
      );
      continue;
    }
    const ok = status >= 200 && status < 300;
    const now = deps.clock.now();
    inTransaction(deps.db, () => {
      if (
        !settlePresentationLink(deps.db, {
          id: link.id,
          state: ok ? 'published' : 'refused',
          httpStatus: status,
          at: now,
        })
      )
        return;
      if (ok) {
        tickStep(deps.db, {
          eventId: link.eventId,
          stepId: 'presentacion',
          actor: link.reportedBy,
          at: now,
          unitCode: found.unit.code,
        });
      }
      queueDirectMessage(
        deps.db,
        {
          platform: platformOfUser(link.reportedBy, deps.platforms ?? [deps.defaultPlatform]),
          userId: link.reportedBy,
        },
        ok
          ? t.presentation.published(found.unit.code, link.url)
          : t.presentation.refused(found.unit.code, link.url, status),
        ok ? 'success' : 'warning',
        now,
      );
      settled += 1;
    });
  }
  return settled;
}
