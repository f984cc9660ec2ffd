import { decideRequest, findRequestOrFail, withdrawRequest } from './core/approval-decisions.js';
import { refuseExtraPositionals, requirePositional } from './core/arguments.js';
import { fail, type Parsed, parsed, parseError, unwrap } from './core/errors.js';
import { normalizeWord } from './core/text.js';
import type { CommandDefinition } from './core/types.js';
import { APPROVE_ACTION, approvalCard, REJECT_ACTION } from './views/approval-card.js';

function parseRequestId(input: string): Parsed<number> {
  const value = input.trim().replace(/^#/, '');
  return /^\d{1,9}$/.test(value) ? parsed(Number(value)) : parseError('invalid_request_id', { input });
}

const ACTIONS: Record<string, 'approve' | 'reject' | 'withdraw' | 'show'> = {
  aprobar: 'approve',
  approve: 'approve',
  rechazar: 'reject',
  reject: 'reject',
  retirar: 'withdraw',
  withdraw: 'withdraw',
  ver: 'show',
  show: 'show',
};

export const solicitud: CommandDefinition = {
  name: 'solicitud',
  aliases: ['request'],
  // Anyone may look at a request; who may decide or withdraw is checked per request, so that a
  // button pressed by the wrong person gets "only the Directorate can decide".
  role: 'anyone',
  writes: true,
  run(ctx, args) {
    const first = requirePositional(solicitud, ctx, args, 0, 'requestId');
    const typedId = parseRequestId(first);
    if (typedId.ok) {
      refuseExtraPositionals(solicitud, args, 1);
      return { ...approvalCard(ctx, findRequestOrFail(ctx, typedId.value)), visibility: 'private' };
    }
    const action = ACTIONS[normalizeWord(first)];
    if (!action) fail('unknown_request_action', { input: first });
    const id = unwrap(parseRequestId(requirePositional(solicitud, ctx, args, 1, 'requestId')));
    switch (action) {
      case 'approve':
        refuseExtraPositionals(solicitud, args, 2);
        return decideRequest(ctx, id, 'approved');
      case 'reject':
        // The reason may be quoted or not: `rechazar 12 el video es largo` reads as one reason.
        return decideRequest(ctx, id, 'rejected', args.positionals.slice(2).join(' '));
      case 'withdraw':
        refuseExtraPositionals(solicitud, args, 2);
        return withdrawRequest(ctx, id);
      case 'show':
        refuseExtraPositionals(solicitud, args, 2);
        return { ...approvalCard(ctx, findRequestOrFail(ctx, id)), visibility: 'private' };
    }
  },
  actions: {
    [APPROVE_ACTION]: (ctx, payload) => decideRequest(ctx, unwrap(parseRequestId(payload)), 'approved'),
    [REJECT_ACTION]: (ctx, payload, input) => decideRequest(ctx, unwrap(parseRequestId(payload)), 'rejected', input),
  },
};
