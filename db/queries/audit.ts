import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { auditLog } from '../schema.js';
import { preparedOnce } from './prepared.js';

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

const insertAudit = preparedOnce((db) =>
  db.orm
    .insert(auditLog)
    .values({
      at: sql.placeholder('at'),
      actor: sql.placeholder('actor'),
      action: sql.placeholder('action'),
      entity: sql.placeholder('entity'),
      entityId: sql.placeholder('entityId'),
      // Bound as written, not through the JSON column's encoder, which would store null as the text 'null'.
      before: sql`${sql.placeholder('before')}`,
      after: sql`${sql.placeholder('after')}`,
      requestId: sql.placeholder('requestId'),
    })
    .prepare(),
);

function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export function recordAudit(db: Database, entry: AuditEntry): void {
  insertAudit(db).run({
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entityId: String(entry.entityId),
    before: toJson(entry.before),
    after: toJson(entry.after),
    requestId: entry.requestId ?? null,
  });
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
