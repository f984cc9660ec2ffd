import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { approvalRequests, events, units } from '../schema.js';

export type ApprovalRequest = typeof approvalRequests.$inferSelect;

export function listPendingApprovals(
  db: Database,
  campaignId: number,
): { request: ApprovalRequest; unitCode: string }[] {
  return db.orm
    .select({ request: approvalRequests, unitCode: units.code })
    .from(approvalRequests)
    .innerJoin(events, eq(approvalRequests.eventId, events.id))
    .innerJoin(units, eq(events.unitId, units.id))
    .where(and(eq(events.campaignId, campaignId), eq(approvalRequests.state, 'pending')))
    .orderBy(asc(approvalRequests.requestedAt))
    .all();
}
