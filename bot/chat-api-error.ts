import type { Platform } from '../commands/core/types.js';

/**
 * What went wrong when a chat platform was called:
 * - `rate_limited`: the platform asked us to wait (`retryAfterSeconds`);
 * - `refused`: it answered and said no (a missing scope, an unknown channel, a revoked token),
 *   or the bot has nowhere to send the message; it stays so until someone changes the setup;
 * - `server`: it answered with a 5xx;
 * - `network`: no answer came (refused connection, reset, timeout);
 * - `unexpected`: the error is not the platform's (a fault of ours).
 */
export type ChatFailureKind = 'rate_limited' | 'refused' | 'server' | 'network' | 'unexpected';

export interface ChatFailureFacts {
  /** The HTTP status, when the platform answered. */
  status?: number;
  /** The platform's own code (Slack's `error`, such as `missing_scope`; Discord's JSON `code`, such as `10003`). */
  code?: string;
  /** How long the platform asked us to wait, in seconds. */
  retryAfterSeconds?: number;
  /** The platform's words for the code (Discord's `Unknown Channel`), kept for the row and the log. */
  detail?: string;
}

/**
 * A chat platform's failure with its wire facts, built from the client library's own error
 * classes (see slack-api-error.ts, discord-api-error.ts): the outbox reads `kind` and
 * `retryAfterSeconds`, never the message. The message (what the outbox row keeps as its error)
 * is the platform's code when it gave one, else the kind (with the status of a 4xx or 5xx).
 */
export class ChatApiError extends Error {
  readonly status?: number;
  readonly code?: string;
  readonly retryAfterSeconds?: number;

  constructor(
    readonly platform: Platform,
    readonly kind: ChatFailureKind,
    facts: ChatFailureFacts = {},
  ) {
    const withStatus = facts.status && (kind === 'server' || kind === 'refused');
    const name = facts.code ?? (withStatus ? `${kind}_${facts.status}` : kind);
    super(facts.detail ? `${name} ${facts.detail}` : name);
    this.name = 'ChatApiError';
    this.status = facts.status;
    this.code = facts.code;
    this.retryAfterSeconds = facts.retryAfterSeconds;
  }

  /** The facts a log line shows (an Error's message is not enumerable, so JSON would drop it). */
  toJSON(): Record<string, unknown> {
    return {
      platform: this.platform,
      kind: this.kind,
      status: this.status,
      code: this.code,
      retryAfterSeconds: this.retryAfterSeconds,
      message: this.message,
    };
  }
}

/**
 * Whether an error is the transport's, thrown when no answer came: a Node system error (it has a
 * `syscall`, such as `connect` for ECONNREFUSED), an undici error (`UND_ERR_…`), or a timeout's
 * `AbortError`.
 */
export function isTransportError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'AbortError' || 'syscall' in error) return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('UND_ERR_');
}
