import type { ApprovalKind } from '../../db/queries/approvals.js';
import { APPROVAL_KINDS } from '../../db/schema.js';

/** A kind an officer asks for with `solicitar`: material the session shows. */
export type RequestedKind = Exclude<ApprovalKind, 'tuit'>;

/**
 * The kinds `solicitar` and its forms offer, in the schema's order: every kind but `tuit`, which
 * the `tuit` command requests with its text.
 */
export const REQUESTED_KINDS: readonly RequestedKind[] = APPROVAL_KINDS.filter(
  (kind): kind is RequestedKind => kind !== 'tuit',
);
