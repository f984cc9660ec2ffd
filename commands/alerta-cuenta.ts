import { raiseAccountAlert, resolveAccountAlert } from '../db/queries/account-alerts.js';
import { listRoleAssignments } from '../db/queries/roles.js';
import { mayOverride } from './core/access.js';
import { isOneOf } from './core/arguments.js';
import { fail } from './core/errors.js';
import { notify } from './core/notify.js';
import { cleanFreeText } from './core/text.js';
import type { CommandContext, CommandDefinition, CommandReply } from './core/types.js';

const MAX_NOTE_LENGTH = 500;

function tellAdminsAndDirectorate(ctx: CommandContext, message: CommandReply): void {
  notify(ctx, { target: { type: 'channel', channel: 'approvals' }, message });
  const admins = new Set([
    ...ctx.deps.admins,
    ...listRoleAssignments(ctx.deps.db)
      .filter((assignment) => assignment.role === 'admin')
      .map((assignment) => assignment.userId),
  ]);
  for (const userId of admins) {
    notify(ctx, {
      target: { type: 'user', userId, platform: ctx.platform },
      message: { ...message, visibility: 'private' },
    });
  }
}

/**
 * Policy rule 13 as one command: anyone on the team who sees the account misbehave raises the
 * alarm, publishing stops at once (tweets wait in the queue), and only an admin lifts it.
 */
export const alertaCuenta: CommandDefinition = {
  name: 'alerta-cuenta',
  aliases: ['account-alert'],
  role: 'communication',
  writes: true,
  run(ctx, args) {
    const { t } = ctx;
    const first = args.positionals[0];
    if (first !== undefined && isOneOf(first, ['resolver', 'resolve', 'cerrar'])) {
      if (!mayOverride(ctx.access))
        fail('forbidden_command', { command: `${alertaCuenta.name} resolver`, role: 'admin' });
      const resolved = resolveAccountAlert(ctx.deps.db, {
        resolvedBy: ctx.user.id,
        at: ctx.now,
        requestId: ctx.requestId,
      });
      if (!resolved)
        return { visibility: 'private', tone: 'info', blocks: [{ type: 'text', text: t.accountAlert.noneOpen }] };
      const message: CommandReply = {
        visibility: 'public',
        tone: 'success',
        title: t.accountAlert.resolvedTitle,
        blocks: [{ type: 'text', text: t.accountAlert.resolvedText(ctx.user.id, ctx.dates.dateTime(ctx.now)) }],
      };
      tellAdminsAndDirectorate(ctx, message);
      return { ...message, visibility: 'private' };
    }
    const note = cleanFreeText(args.positionals.join(' ')).slice(0, MAX_NOTE_LENGTH) || null;
    const { alert, raised } = raiseAccountAlert(ctx.deps.db, {
      raisedBy: ctx.user.id,
      at: ctx.now,
      note,
      requestId: ctx.requestId,
    });
    if (!raised) {
      return {
        visibility: 'private',
        tone: 'warning',
        blocks: [
          { type: 'text', text: t.accountAlert.alreadyOpen(alert.raisedBy, ctx.dates.dateTime(alert.raisedAt)) },
        ],
      };
    }
    tellAdminsAndDirectorate(ctx, {
      visibility: 'public',
      tone: 'error',
      title: t.accountAlert.raisedTitle,
      blocks: [{ type: 'text', text: t.accountAlert.raisedText(ctx.user.id, ctx.dates.dateTime(ctx.now), note ?? '') }],
    });
    return {
      visibility: 'private',
      tone: 'warning',
      title: t.accountAlert.raisedTitle,
      blocks: [{ type: 'text', text: t.accountAlert.toReporter }],
    };
  },
};
