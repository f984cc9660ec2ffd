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
      return actsForDirectorate(access) || access.officerUnitCodes.size > 0;
    case 'communication':
      return mayPublishTweets(access) || access.officerUnitCodes.size > 0;
    case 'directorate':
      return actsForDirectorate(access);
    case 'admin':
      return access.isAdmin;
  }
}

/** Officers change only their own units; the Directorate and admins change all. */
export function canChangeUnit(access: Access, unit: Unit): boolean {
  return actsForDirectorate(access) || access.officerUnitCodes.has(unit.code.toUpperCase());
}

/**
 * The Directorate's rules: deciding approval requests, ticking the steps it approves, declaring a
 * recording or presentation delivered without a link, publishing a tweet with no review. Admins may
 * do all the Directorate does.
 */
export function actsForDirectorate(access: Access): boolean {
  return access.isAdmin || access.isDirectorate;
}

/**
 * An administrator's overrides: registering outside the campaign window (`forzar=si`), giving one
 * video to a second unit, closing an account alert, seeing who muted their reminders.
 */
export function mayOverride(access: Access): boolean {
  return access.isAdmin;
}

/** Policy: Communication and the Directorate publish live tweets; an officer's go through the Directorate. */
export function mayPublishTweets(access: Access): boolean {
  return access.isCommunication || actsForDirectorate(access);
}
