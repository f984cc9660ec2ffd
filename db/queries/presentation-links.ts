import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { presentationLinks } from '../schema.js';
import { recordAudit } from './audit.js';
import { preparedOnce } from './prepared.js';

export type PresentationLink = typeof presentationLinks.$inferSelect;

export function addPresentationLink(
  db: Database,
  input: Pick<PresentationLink, 'eventId' | 'url' | 'reportedBy' | 'reportedAt'> & {
    unitCode: string;
    requestId?: string;
  },
): PresentationLink {
  const { unitCode, requestId, ...values } = input;
  const link = db.orm.insert(presentationLinks).values(values).returning().get();
  recordAudit(db, {
    at: input.reportedAt,
    actor: input.reportedBy,
    action: 'presentation.reported',
    entity: 'event',
    entityId: input.eventId,
    after: { unit: unitCode, url: link.url },
    requestId,
  });
  return link;
}

const linksToCheck = preparedOnce((db) =>
  db.orm
    .select()
    .from(presentationLinks)
    .where(eq(presentationLinks.state, 'checking'))
    .orderBy(presentationLinks.id)
    .prepare(),
);

export function listPresentationLinksToCheck(db: Database): PresentationLink[] {
  return linksToCheck(db).all();
}

/** A pass that could not reach the page: counts the attempt and returns how many there have been. */
export function countUnreachableAttempt(db: Database, id: number): number {
  const row = db.orm
    .update(presentationLinks)
    .set({ attempts: sql`${presentationLinks.attempts} + 1` })
    .where(and(eq(presentationLinks.id, id), eq(presentationLinks.state, 'checking')))
    .returning({ attempts: presentationLinks.attempts })
    .get();
  return row?.attempts ?? 0;
}

export function settlePresentationLink(
  db: Database,
  change: { id: number; state: 'published' | 'refused'; httpStatus: number | null; problem?: string; at: Date },
): PresentationLink | undefined {
  const settled = db.orm
    .update(presentationLinks)
    .set({ state: change.state, httpStatus: change.httpStatus, problem: change.problem ?? null, checkedAt: change.at })
    .where(and(eq(presentationLinks.id, change.id), eq(presentationLinks.state, 'checking')))
    .returning()
    .get();
  if (settled) {
    recordAudit(db, {
      at: change.at,
      actor: 'presentation-worker',
      action: `presentation.${change.state}`,
      entity: 'event',
      entityId: settled.eventId,
      after: { url: settled.url, httpStatus: change.httpStatus, problem: change.problem ?? null },
    });
  }
  return settled;
}
