import { and, count, desc, eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { auditLog } from '../schema.js';

export interface AuditEntry {
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  requestId?: string;
}

export function recordAudit(db: Database, entry: AuditEntry): void {
  db.orm
    .insert(auditLog)
    .values({
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: entry.requestId ?? null,
    })
    .run();
}

export function listAuditEntries(db: Database, filter: { entity?: string; entityId?: string } = {}) {
  const conditions = [];
  if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  return db.orm
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .all();
}

export function countAuditEntries(db: Database): number {
  return db.orm.select({ total: count() }).from(auditLog).get()?.total ?? 0;
}
