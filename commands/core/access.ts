import type { Database } from '../../db/client.js';
import { listRolesOfUser } from '../../db/queries/roles.js';
import { listUnitsOfOfficer, type Unit } from '../../db/queries/units.js';
import type { ChatUser, CommandRole, GlobalRole } from './types.js';

/** What one user may do, resolved once per request from BOT_ADMINS, `rol` and the roster. */
export interface Access {
  userId: string;
  isAdmin: boolean;
  isDirectorate: boolean;
  isCommunication: boolean;
  /** Codes of the units this user is the officer of (roster `responsable` or `rol oficial:X`). */
  officerUnitCodes: ReadonlySet<string>;
}

export function resolveAccess(
  db: Database,
  input: { campaignId: number; user: ChatUser; admins: readonly string[]; extraRoles?: readonly GlobalRole[] },
): Access {
  const identities = [input.user.id, input.user.email ?? ''];
  const assignments = listRolesOfUser(db, identities);
  const has = (role: GlobalRole) =>
    input.extraRoles?.includes(role) === true || assignments.some((assignment) => assignment.role === role);
  const officerUnitCodes = new Set<string>([
    ...assignments
      .filter((assignment) => assignment.role === 'officer')
      .map((assignment) => assignment.scope.toUpperCase()),
    ...listUnitsOfOfficer(db, input.campaignId, identities).map((unit) => unit.code.toUpperCase()),
  ]);
  return {
    userId: input.user.id,
    isAdmin: input.admins.includes(input.user.id) || has('admin'),
    isDirectorate: has('directorate'),
    isCommunication: has('communication'),
    officerUnitCodes,
  };
}

export function hasCommandRole(access: Access, role: CommandRole): boolean {
  switch (role) {
    case 'anyone':
      return true;
    case 'officer':
      return access.isAdmin || access.isDirectorate || access.officerUnitCodes.size > 0;
    case 'communication':
      return access.isAdmin || access.isDirectorate || access.isCommunication || access.officerUnitCodes.size > 0;
    case 'directorate':
      return access.isAdmin || access.isDirectorate;
    case 'admin':
      return access.isAdmin;
  }
}

/** Officers change only their own units; the Directorate and admins change all. */
export function canChangeUnit(access: Access, unit: Unit): boolean {
  return access.isAdmin || access.isDirectorate || access.officerUnitCodes.has(unit.code.toUpperCase());
}
