/**
 * The expected problems a user can cause. Each has a stable code and typed details; the words
 * the user reads come from the message catalogue (`errors.<code>`), never from here.
 */
export interface ErrorDetails {
  unknown_command: { input: string; suggestion?: string };
  unclosed_quote: Record<string, never>;
  missing_argument: { command: string; argument: string };
  too_many_arguments: { command: string; extra: string };
  unknown_option: { command: string; option: string; allowed: string[] };
  invalid_option_value: { option: string; input: string; expected: 'yes_no' | 'number' | 'text' };
  unit_not_found: { input: string; suggestion?: string };
  scope_not_found: { input: string; suggestion?: string };
  step_not_found: { input: string; suggestion?: string };
  step_not_applicable: { stepId: string; unitCode: string };
  step_set_by_registration: { stepId: string; unitCode: string };
  invalid_date: { input: string };
  invalid_time: { input: string };
  date_outside_window: { date: string; windowStart: string; windowEnd: string };
  date_in_past: { when: string };
  invalid_platform: { input: string; allowed: string[] };
  invalid_email: { input: string };
  invalid_join_url: { input: string; platform: string; domains: string[] };
  event_not_registered: { unitCode: string };
  forbidden_command: { command: string; role: 'officer' | 'communication' | 'directorate' | 'admin' };
  forbidden_unit: { unitCode: string };
  forbidden_force: { command?: 'youtube' };
  invalid_user: { input: string };
  invalid_role: { input: string };
  role_from_environment: { userId: string };
  unknown_action: { actionId: string };
  request_not_found: { id: number };
  invalid_request_id: { input: string };
  unknown_request_action: { input: string };
  invalid_kind: { input: string };
  invalid_link: { input: string };
  text_too_long: { max: number };
  pending_request_exists: { id: number; kind: string; unitCode: string; requestedBy?: string };
  event_already_started: { unitCode: string; when: string };
  own_request: { id: number };
  forbidden_decision: { id: number };
  not_requester: { id: number; requestedBy: string };
  reason_required: { id: number };
  step_needs_approval: { stepId: string; unitCode: string };
  invalid_toggle: { input: string };
  tweet_not_found: { id: number };
  tweet_blocked: Record<string, never>;
  forbidden_tweet: Record<string, never>;
  invalid_youtube_link: { input: string };
  invalid_link_for_presentation: { input: string };
  not_institutional_link: { host: string; domains: string };
  invalid_page: { input: string; pages: number | undefined };
  video_of_another_unit: { unitCode: string; otherUnitCode: string; url: string; canForce: boolean };
  step_needs_evidence: { stepId: string; unitCode: string; canDeclare: boolean };
  step_not_declarable: { input: string };
  step_has_evidence: { stepId: string; unitCode: string };
}

export type ErrorCode = keyof ErrorDetails;

export class BotError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly details: ErrorDetails[C];

  constructor(code: C, details: ErrorDetails[C]) {
    super(code);
    this.name = 'BotError';
    this.code = code;
    this.details = details;
  }
}

export function fail<C extends ErrorCode>(code: C, details: ErrorDetails[C]): never {
  throw new BotError(code, details);
}

/** What input parsers return instead of throwing. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: BotError };

export function parsed<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function parseError<C extends ErrorCode>(code: C, details: ErrorDetails[C]): Parsed<never> {
  return { ok: false, error: new BotError(code, details) };
}

export function unwrap<T>(result: Parsed<T>): T {
  if (!result.ok) throw result.error;
  return result.value;
}
