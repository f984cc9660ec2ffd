import { type ApprovalState, listApprovalRequests } from '../db/queries/approvals.js';
import { findUnitByCode } from '../db/queries/units.js';
import { isOneOf, refuseExtraPositionals } from './core/arguments.js';
import { fail } from './core/errors.js';
import type { CommandDefinition } from './core/types.js';
import { requestAge } from './views/approval-card.js';

/** How many requests one reply lists before it says "and N more". */
const LIST_LIMIT = 25;
const STATE_MARKS: Record<ApprovalState, string> = {
  pending: '⏳',
  approved: '✅',
  rejected: '❌',
  withdrawn: '↩️',
  expired: '⌛',
};

export const solicitudes: CommandDefinition = {
  name: 'solicitudes',
  aliases: ['requests'],
  role: 'anyone',
  writes: false,
  run(ctx, args) {
    refuseExtraPositionals(solicitudes, args, 1);
    const { approvals } = ctx.t;
    const scope = args.positionals[0];
    let title = approvals.listTitle(approvals.scopePending);
    let items = listApprovalRequests(ctx.deps.db, { campaignId: ctx.campaign.id, states: ['pending'] });
    if (scope !== undefined && !isOneOf(scope, ['pendientes', 'pending'])) {
      if (isOneOf(scope, ['todas', 'all'])) {
        title = approvals.listTitle(approvals.scopeAll);
        items = listApprovalRequests(ctx.deps.db, { campaignId: ctx.campaign.id }).reverse();
      } else {
        const unit = findUnitByCode(ctx.deps.db, ctx.campaign.id, scope);
        if (!unit) fail('unit_not_found', { input: scope });
        title = approvals.listTitle(unit.code);
        items = listApprovalRequests(ctx.deps.db, { campaignId: ctx.campaign.id, unitIds: [unit.id] }).reverse();
      }
    }
    const lines = items
      .slice(0, LIST_LIMIT)
      .map(({ request, unit }) =>
        approvals.listLine(
          request.id,
          STATE_MARKS[request.state],
          approvals.kinds[request.kind],
          unit.code,
          request.description.length > 60 ? `${request.description.slice(0, 59)}…` : request.description,
          approvals.states[request.state],
          requestAge(ctx, request.requestedAt),
        ),
      );
    if (items.length > LIST_LIMIT) lines.push(approvals.andMore(items.length - LIST_LIMIT));
    return {
      visibility: 'private',
      tone: 'info',
      title,
      blocks: [{ type: 'list', items: lines.length ? lines : [approvals.emptyList] }],
    };
  },
};
