import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../client.js';
import { approvalRequests, events, units } from '../schema.js';
import { recordAudit } from './audit.js';
import type { CampaignEvent } from './events.js';
import { inlineLimit } from './prepared.js';
import type { Unit } from './units.js';

export type ApprovalRequest = typeof approvalRequests.$inferSelect;
export type ApprovalKind = ApprovalRequest['kind'];
export type ApprovalState = ApprovalRequest['state'];

export interface ApprovalWithEvent {
  request: ApprovalRequest;
  event: CampaignEvent;
  unit: Unit;
}

function selectWithEvent(db: Database) {
  return db.orm
    .select({ request: approvalRequests, event: events, unit: units })
    .from(approvalRequests)
    .innerJoin(events, eq(approvalRequests.eventId, events.id))
    .innerJoin(units, eq(events.unitId, units.id));
}

export function findApprovalRequest(db: Database, id: number): ApprovalWithEvent | undefined {
  return selectWithEvent(db).where(eq(approvalRequests.id, id)).get();
}

type ApprovalFilter = { campaignId: number; states?: readonly ApprovalState[]; unitIds?: readonly number[] };

function approvalConditions(filter: ApprovalFilter) {
  const conditions = [eq(events.campaignId, filter.campaignId)];
  if (filter.states) conditions.push(inArray(approvalRequests.state, [...filter.states]));
  if (filter.unitIds) conditions.push(inArray(events.unitId, [...filter.unitIds]));
  return and(...conditions);
}

/**
 * The requests that match, oldest first (`newestFirst`: the other way round): `limit` of them after
 * the first `offset`, all of them without a limit.
 */
export function listApprovalRequests(
  db: Database,
  filter: ApprovalFilter,
  page: { limit?: number; offset?: number; newestFirst?: boolean } = {},
): ApprovalWithEvent[] {
  const order = page.newestFirst
    ? [desc(approvalRequests.requestedAt), desc(approvalRequests.id)]
    : [asc(approvalRequests.requestedAt), asc(approvalRequests.id)];
  return selectWithEvent(db)
    .where(approvalConditions(filter))
    .orderBy(...order)
    .limit(page.limit ?? -1)
    .offset(page.offset ?? 0)
    .all();
}

export function countApprovalRequests(db: Database, filter: ApprovalFilter): number {
  return (
    db.orm
      .select({ total: count() })
      .from(approvalRequests)
      .innerJoin(events, eq(approvalRequests.eventId, events.id))
      .where(approvalConditions(filter))
      .get()?.total ?? 0
  );
}

export function listPendingApprovals(
  db: Database,
  campaignId: number,
  page: { limit?: number; offset?: number } = {},
): ApprovalWithEvent[] {
  return listApprovalRequests(db, { campaignId, states: ['pending'] }, page);
}

/** Pending requests not yet escalated, whatever their event's date (the caller filters by time). */
export function listUnescalatedPendingApprovals(db: Database, campaignId: number): ApprovalWithEvent[] {
  return selectWithEvent(db)
    .where(
      and(
        eq(events.campaignId, campaignId),
        eq(approvalRequests.state, 'pending'),
        isNull(approvalRequests.escalatedAt),
      ),
    )
    .orderBy(asc(events.startsAt))
    .all();
}

export function findPendingRequest(db: Database, eventId: number, kind: ApprovalKind): ApprovalRequest | undefined {
  return db.orm
    .select()
    .from(approvalRequests)
    .where(
      and(
        eq(approvalRequests.eventId, eventId),
        eq(approvalRequests.kind, kind),
        eq(approvalRequests.state, 'pending'),
      ),
    )
    .get();
}

export function findLatestRejected(db: Database, eventId: number, kind: ApprovalKind): ApprovalRequest | undefined {
  return db.orm
    .select()
    .from(approvalRequests)
    .where(
      and(
        eq(approvalRequests.eventId, eventId),
        eq(approvalRequests.kind, kind),
        eq(approvalRequests.state, 'rejected'),
      ),
    )
    .orderBy(desc(approvalRequests.id))
    .limit(inlineLimit(1))
    .get();
}

/** Every request of one session, any state. */
export function listRequestsOfEvent(db: Database, eventId: number): ApprovalRequest[] {
  return db.orm.select().from(approvalRequests).where(eq(approvalRequests.eventId, eventId)).all();
}

export function findApprovalRequestById(db: Database, id: number): ApprovalRequest | undefined {
  return db.orm.select().from(approvalRequests).where(eq(approvalRequests.id, id)).get();
}

type NewRequest = Pick<
  ApprovalRequest,
  | 'eventId'
  | 'kind'
  | 'description'
  | 'link'
  | 'requestedBy'
  | 'requestedAt'
  | 'previousRequestId'
  | 'requestPlatform'
  | 'requestChannelId'
> &
  Partial<Pick<ApprovalRequest, 'setEventFlag'>>;

export function createApprovalRequest(
  db: Database,
  input: NewRequest & { unitCode: string; requestId?: string },
): ApprovalRequest {
  const { unitCode, requestId, ...values } = input;
  const request = db.orm.insert(approvalRequests).values(values).returning().get();
  recordAudit(db, {
    at: input.requestedAt,
    actor: input.requestedBy,
    action: 'approval.requested',
    entity: 'approval_request',
    entityId: request.id,
    after: {
      unit: unitCode,
      kind: request.kind,
      description: request.description,
      link: request.link,
      state: 'pending',
      previousRequestId: request.previousRequestId,
    },
    requestId,
  });
  return request;
}

/**
 * Moves a pending request to its final state. The `state = 'pending'` condition is what makes a
 * double click, a platform retry or two approvers at once record exactly one decision: whoever
 * comes second updates no row and gets `undefined`.
 */
export function closeApprovalRequest(
  db: Database,
  change: {
    id: number;
    state: Exclude<ApprovalState, 'pending'>;
    actor: string;
    at: Date;
    reason?: string | null;
    requestId?: string;
  },
): ApprovalRequest | undefined {
  const closed = db.orm
    .update(approvalRequests)
    .set({ state: change.state, decidedBy: change.actor, decidedAt: change.at, decisionReason: change.reason ?? null })
    .where(and(eq(approvalRequests.id, change.id), eq(approvalRequests.state, 'pending')))
    .returning()
    .get();
  if (closed) {
    recordAudit(db, {
      at: change.at,
      actor: change.actor,
      action: `approval.${change.state}`,
      entity: 'approval_request',
      entityId: closed.id,
      before: { state: 'pending' },
      after: { state: closed.state, reason: closed.decisionReason },
      requestId: change.requestId,
    });
  }
  return closed;
}

/** Records that the "still pending, event near" warning was sent; true only the first time. */
export function markRequestEscalated(db: Database, id: number, at: Date): boolean {
  const updated = db.orm
    .update(approvalRequests)
    .set({ escalatedAt: at })
    .where(
      and(eq(approvalRequests.id, id), eq(approvalRequests.state, 'pending'), isNull(approvalRequests.escalatedAt)),
    )
    .returning({ id: approvalRequests.id })
    .all();
  if (updated.length > 0) {
    recordAudit(db, {
      at,
      actor: 'sistema',
      action: 'approval.escalated',
      entity: 'approval_request',
      entityId: id,
    });
  }
  return updated.length > 0;
}
