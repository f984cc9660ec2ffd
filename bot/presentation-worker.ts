import type { Clock } from '../commands/core/clock.js';
import { messagesFor } from '../commands/core/i18n/catalogue.js';
import type { Logger } from '../commands/core/logger.js';
import type { Locale, Platform } from '../commands/core/types.js';
import { type Database, inTransaction } from '../db/client.js';
import { findEventWithUnit } from '../db/queries/events.js';
import {
  countUnreachableAttempt,
  listPresentationLinksToCheck,
  settlePresentationLink,
} from '../db/queries/presentation-links.js';
import { tickStep } from '../db/queries/steps.js';
import { queueDirectMessage } from './direct-message.js';
import { platformOfUser } from './user-platform.js';

/** A website that does not answer in this time is tried again on the next pass. */
const PAGE_TIMEOUT_MS = 10_000;

/** Passes that may fail to reach a page before its reporter is told why and the link is refused. */
export const PAGE_MAX_ATTEMPTS = 3;

export type UnreachableReason = 'timeout' | 'dns' | 'connection' | 'tls' | 'network';

/** Why fetch could not reach a page, from the error's name and its cause's code (undici's). */
export function unreachableReason(error: unknown): UnreachableReason {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns';
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH')
    return 'connection';
  if (code.includes('CERT') || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL')) return 'tls';
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') return 'timeout';
  return 'network';
}

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
 * told to the officer with its status, and a network failure waits for the next pass; after
 * `PAGE_MAX_ATTEMPTS` such passes the officer is told why in a direct message and the step stays unticked.
 */
export async function checkPresentationLinks(deps: PresentationWorkerDeps): Promise<number> {
  const t = messagesFor(deps.locale, { unitCode: '', date: '' });
  const fetchPage = deps.fetchPage ?? fetch;
  let settled = 0;
  for (const link of listPresentationLinksToCheck(deps.db)) {
    const found = findEventWithUnit(deps.db, link.eventId);
    if (!found) continue;
    const recipient = {
      platform: platformOfUser(link.reportedBy, deps.platforms ?? [deps.defaultPlatform]),
      userId: link.reportedBy,
    };
    let status: number;
    try {
      const response = await fetchPage(link.url, { redirect: 'follow', signal: AbortSignal.timeout(PAGE_TIMEOUT_MS) });
      status = response.status;
      await response.body?.cancel();
    } catch (error) {
      const reason = unreachableReason(error);
      deps.logger.warn(
        { linkId: link.id, reason, error: error instanceof Error ? error.message : String(error) },
        'presentation page did not answer',
      );
      const now = deps.clock.now();
      inTransaction(deps.db, () => {
        if (countUnreachableAttempt(deps.db, link.id) < PAGE_MAX_ATTEMPTS) return;
        if (
          !settlePresentationLink(deps.db, {
            id: link.id,
            state: 'refused',
            httpStatus: null,
            problem: reason,
            at: now,
          })
        )
          return;
        queueDirectMessage(
          deps.db,
          recipient,
          t.presentation.unreachable(found.unit.code, link.url, t.presentation.reasons[reason], PAGE_MAX_ATTEMPTS),
          'warning',
          now,
        );
        settled += 1;
      });
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
      let ticked = false;
      if (ok) {
        ticked = tickStep(deps.db, {
          eventId: link.eventId,
          stepId: 'presentacion',
          actor: link.reportedBy,
          at: now,
          unitCode: found.unit.code,
          source: 'evidence',
        }).inserted;
      }
      queueDirectMessage(
        deps.db,
        recipient,
        ok
          ? ticked
            ? t.presentation.published(found.unit.code, link.url)
            : t.presentation.publishedAlreadyDone(found.unit.code, link.url)
          : t.presentation.refused(found.unit.code, link.url, status),
        ok ? 'success' : 'warning',
        now,
      );
      settled += 1;
    });
  }
  return settled;
}
