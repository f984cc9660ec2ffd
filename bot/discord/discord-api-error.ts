import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { ChatApiError } from '../chat-api-error.js';

/**
 * A failed REST call as a ChatApiError, from @discordjs/rest's own error classes: Discord's JSON
 * error (`{code, message}`), a status without one (5xx after the retries), or a rate limit the
 * client was told to reject (`rejectOnRateLimit`; its `retryAfter` is in milliseconds). What the
 * client throws when no answer came is Node's or undici's own error: a system error (`syscall`),
 * an undici error (`UND_ERR_…`) or the timeout's `AbortError`.
 */
export function describeDiscordError(error: unknown): ChatApiError {
  if (error instanceof ChatApiError) return error;
  if (error instanceof RateLimitError)
    return new ChatApiError('discord', 'rate_limited', {
      status: 429,
      retryAfterSeconds: Math.ceil(error.retryAfter / 1000),
    });
  if (error instanceof DiscordAPIError) {
    const detail = 'message' in error.rawError ? error.rawError.message : error.rawError.error_description;
    return new ChatApiError('discord', error.status >= 500 ? 'server' : 'refused', {
      status: error.status,
      code: String(error.code),
      detail,
    });
  }
  if (error instanceof HTTPError)
    return new ChatApiError('discord', error.status >= 500 ? 'server' : 'refused', { status: error.status });
  if (isTransportError(error)) return new ChatApiError('discord', 'network');
  return new ChatApiError('discord', 'unexpected', { detail: error instanceof Error ? error.message : String(error) });
}

function isTransportError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'AbortError' || 'syscall' in error) return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('UND_ERR_');
}
