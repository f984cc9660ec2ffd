import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { roleAssignments } from '../schema.js';
import { recordAudit } from './audit.js';
import { preparedOnce } from './prepared.js';

export type RoleAssignment = typeof roleAssignments.$inferSelect;
export type AssignableRole = RoleAssignment['role'];

const rolesOfUser = preparedOnce((db) =>
  db.orm
    .select()
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, sql.placeholder('userId')))
    .prepare(),
);

export function listRolesOfUser(db: Database, userIds: readonly string[]): RoleAssignment[] {
  const wanted = [...new Set(userIds.filter(Boolean))];
  return wanted.flatMap((userId) => rolesOfUser(db).all({ userId }));
}

export function listRoleAssignments(db: Database): RoleAssignment[] {
  return db.orm.select().from(roleAssignments).orderBy(asc(roleAssignments.role), asc(roleAssignments.userId)).all();
}

interface RoleChange {
  userId: string;
  role: AssignableRole;
  scope: string;
  actor: string;
  at: Date;
  requestId?: string;
}

export function grantRole(db: Database, change: RoleChange): boolean {
  const inserted = db.orm
    .insert(roleAssignments)
    .values({
      userId: change.userId,
      role: change.role,
      scope: change.scope,
      grantedBy: change.actor,
      grantedAt: change.at,
    })
    .onConflictDoNothing()
    .returning()
    .get();
  if (inserted) {
    recordAudit(db, {
      at: change.at,
      actor: change.actor,
      action: 'role.granted',
      entity: 'user',
      entityId: change.userId,
      after: { role: change.role, scope: change.scope },
      requestId: change.requestId,
    });
  }
  return inserted !== undefined;
}

export function revokeRole(db: Database, change: RoleChange): boolean {
  const removed = db.orm
    .delete(roleAssignments)
    .where(
      and(
        eq(roleAssignments.userId, change.userId),
        eq(roleAssignments.role, change.role),
        eq(roleAssignments.scope, change.scope),
      ),
    )
    .returning()
    .get();
  if (removed) {
    recordAudit(db, {
      at: change.at,
      actor: change.actor,
      action: 'role.revoked',
      entity: 'user',
      entityId: change.userId,
      before: { role: change.role, scope: change.scope, grantedBy: removed.grantedBy },
      requestId: change.requestId,
    });
  }
  return removed !== undefined;
}
