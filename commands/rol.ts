import {
  type AssignableRole,
  grantRole,
  listRoleAssignments,
  listRolesOfUser,
  revokeRole,
} from '../db/queries/roles.js';
import { listUnitsOfOfficer } from '../db/queries/units.js';
import { findUnitOrFail, isOneOf, refuseExtraPositionals } from './core/arguments.js';
import { fail, unwrap } from './core/errors.js';
import { parseUserReference } from './core/parse-values.js';
import { normalizeWord } from './core/text.js';
import type { CommandContext, CommandDefinition, CommandReply } from './core/types.js';

const ROLE_WORDS: Record<string, Exclude<AssignableRole, 'officer'>> = {
  admin: 'admin',
  administrador: 'admin',
  administrator: 'admin',
  direccion: 'directorate',
  directorate: 'directorate',
  comunicacion: 'communication',
  communication: 'communication',
};

export const rol: CommandDefinition = {
  name: 'rol',
  aliases: ['role'],
  role: 'admin',
  writes: true,
  run(ctx, args) {
    refuseExtraPositionals(rol, args, 3);
    const [userInput, roleInput, removeInput] = args.positionals;
    if (userInput === undefined) return listAllRoles(ctx);
    const userId = unwrap(parseUserReference(userInput, ctx.deps.userIdFromMention));
    if (roleInput === undefined) return listUserRoles(ctx, userId);
    if (removeInput !== undefined && !isOneOf(removeInput, ['quitar', 'remove', 'retirar'])) {
      fail('too_many_arguments', { command: rol.name, extra: removeInput });
    }
    const { role, scope } = parseRole(ctx, roleInput);
    const label = scope ? `${ctx.t.roles.officer}:${scope}` : ctx.t.roles[role];
    const change = { userId, role, scope, actor: ctx.user.id, at: ctx.now, requestId: ctx.requestId };
    if (removeInput !== undefined) {
      const removed = revokeRole(ctx.deps.db, change);
      if (!removed && role === 'admin' && ctx.deps.admins.includes(userId)) fail('role_from_environment', { userId });
      return {
        visibility: 'private',
        tone: removed ? 'success' : 'info',
        title: ctx.t.role.revokedTitle,
        blocks: [
          { type: 'text', text: removed ? ctx.t.role.revoked(userId, label) : ctx.t.role.didNotHave(userId, label) },
        ],
      };
    }
    const granted = grantRole(ctx.deps.db, change);
    return {
      visibility: 'private',
      tone: granted ? 'success' : 'info',
      title: ctx.t.role.grantedTitle,
      blocks: [
        { type: 'text', text: granted ? ctx.t.role.granted(userId, label) : ctx.t.role.alreadyHad(userId, label) },
      ],
    };
  },
};

function parseRole(ctx: CommandContext, input: string): { role: AssignableRole; scope: string } {
  const word = normalizeWord(input);
  const officer = /^(oficial|officer|responsable):(.+)$/.exec(word);
  const unitInput = input.slice(input.indexOf(':') + 1).trim();
  if (officer && unitInput) return { role: 'officer', scope: findUnitOrFail(ctx, unitInput).code };
  const role = ROLE_WORDS[word];
  if (!role) fail('invalid_role', { input });
  return { role, scope: '' };
}

function listUserRoles(ctx: CommandContext, userId: string): CommandReply {
  const { t } = ctx;
  const lines: string[] = [];
  if (ctx.deps.admins.includes(userId)) lines.push(t.role.fromEnvironment);
  for (const assignment of listRolesOfUser(ctx.deps.db, [userId])) {
    const label = assignment.role === 'officer' ? `${t.roles.officer}:${assignment.scope}` : t.roles[assignment.role];
    lines.push(`${label} (${assignment.grantedBy}, ${ctx.dates.dateTime(assignment.grantedAt)})`);
  }
  const rosterUnits = listUnitsOfOfficer(ctx.deps.db, ctx.campaign.id, [userId]).map((unit) => unit.code);
  if (rosterUnits.length) lines.push(t.role.fromRoster(rosterUnits.join(', ')));
  return {
    visibility: 'private',
    tone: 'info',
    title: t.role.userTitle(userId),
    blocks: [{ type: 'list', items: lines.length ? lines : [t.role.noRoles] }],
  };
}

function listAllRoles(ctx: CommandContext): CommandReply {
  const { t } = ctx;
  const lines = [
    ...ctx.deps.admins.map((userId) => t.role.environmentLine(userId)),
    ...listRoleAssignments(ctx.deps.db).map((assignment) =>
      t.role.listLine(
        assignment.userId,
        assignment.role === 'officer' ? `${t.roles.officer}:${assignment.scope}` : t.roles[assignment.role],
        assignment.grantedBy,
      ),
    ),
  ];
  return {
    visibility: 'private',
    tone: 'info',
    title: t.role.listTitle,
    blocks: [{ type: 'list', items: lines.length ? lines : [t.role.emptyList] }],
  };
}
