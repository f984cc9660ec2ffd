import { type ApprovalState, countApprovalRequests, listApprovalRequests } from '../db/queries/approvals.js';
import { findUnitByCode } from '../db/queries/units.js';
import { isOneOf, refuseExtraPositionals } from './core/arguments.js';
import { fail } from './core/errors.js';
import { checkPageExists, linesAfter, pageCount, pageFromInput } from './core/paging.js';
import type { CommandDefinition, ReplyBlock } from './core/types.js';
import { requestAge } from './views/approval-card.js';

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
    refuseExtraPositionals(solicitudes, args, 2);
    const { approvals } = ctx.t;
    const scope = args.positionals[0];
    const page = pageFromInput(args.positionals[1]);
    const campaignId = ctx.campaign.id;
    let title = approvals.listTitle(approvals.scopePending);
    let filterWord = approvals.scopePending;
    let filter: Parameters<typeof listApprovalRequests>[1] = { campaignId, states: ['pending'] };
    // Pending requests come oldest first (the longest waiting); the others newest first.
    let newestFirst = false;
    if (scope !== undefined && !isOneOf(scope, ['pendientes', 'pending'])) {
      newestFirst = true;
      if (isOneOf(scope, ['todas', 'all'])) {
        title = approvals.listTitle(approvals.scopeAll);
        filterWord = approvals.scopeAll;
        filter = { campaignId };
      } else {
        const unit = findUnitByCode(ctx.deps.db, campaignId, scope);
        if (!unit) fail('unit_not_found', { input: scope });
        title = approvals.listTitle(unit.code);
        filterWord = unit.code;
        filter = { campaignId, unitIds: [unit.id] };
      }
    }
    const total = countApprovalRequests(ctx.deps.db, filter);
    checkPageExists(page, total);
    const items = listApprovalRequests(ctx.deps.db, filter, { ...page, newestFirst });
    const lines = items.map(({ request, unit }) =>
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
    const more = linesAfter(page, total);
    if (more > 0) lines.push(approvals.andMore(more, approvals.pageCommand(filterWord, page.number + 1)));
    const blocks: ReplyBlock[] = [];
    if (page.number > 1) {
      const first = page.offset + 1;
      blocks.push({
        type: 'context',
        text: ctx.t.pageNotice(page.number, pageCount(total), first, page.offset + items.length, total),
      });
    }
    blocks.push({ type: 'list', items: lines.length ? lines : [approvals.emptyList] });
    return { visibility: 'private', tone: 'info', title, blocks };
  },
};
