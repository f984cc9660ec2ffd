import { desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../client.js';
import { accountAlerts } from '../schema.js';
import { recordAudit } from './audit.js';
import { preparedOnce } from './prepared.js';

export type AccountAlert = typeof accountAlerts.$inferSelect;

const openAccountAlert = preparedOnce((db) =>
  db.orm.select().from(accountAlerts).where(isNull(accountAlerts.resolvedAt)).orderBy(desc(accountAlerts.id)).prepare(),
);

export function findOpenAccountAlert(db: Database): AccountAlert | undefined {
  return openAccountAlert(db).get();
}

/** Opens an alert unless one is open already (a second report changes nothing). */
export function raiseAccountAlert(
  db: Database,
  input: { raisedBy: string; at: Date; note: string | null; requestId?: string },
): { alert: AccountAlert; raised: boolean } {
  const open = findOpenAccountAlert(db);
  if (open) return { alert: open, raised: false };
  const alert = db.orm
    .insert(accountAlerts)
    .values({ raisedBy: input.raisedBy, raisedAt: input.at, note: input.note })
    .returning()
    .get();
  recordAudit(db, {
    at: input.at,
    actor: input.raisedBy,
    action: 'account.alert_raised',
    entity: 'account_alert',
    entityId: alert.id,
    after: { note: input.note },
    requestId: input.requestId,
  });
  return { alert, raised: true };
}

export function resolveAccountAlert(
  db: Database,
  input: { resolvedBy: string; at: Date; requestId?: string },
): AccountAlert | undefined {
  const open = findOpenAccountAlert(db);
  if (!open) return undefined;
  const resolved = db.orm
    .update(accountAlerts)
    .set({ resolvedBy: input.resolvedBy, resolvedAt: input.at })
    .where(eq(accountAlerts.id, open.id))
    .returning()
    .get();
  recordAudit(db, {
    at: input.at,
    actor: input.resolvedBy,
    action: 'account.alert_resolved',
    entity: 'account_alert',
    entityId: open.id,
    requestId: input.requestId,
  });
  return resolved;
}
