import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { ChatApiError, isTransportError } from '../chat-api-error.js';

/**
 * A failed REST call as a ChatApiError, from @discordjs/rest's own error classes: Discord's JSON
 * error (`{code, message}`), a status without one (5xx after the retries), or a rate limit the
 * client was told to reject (`rejectOnRateLimit`; its `retryAfter` is in milliseconds). When no
 * answer came the client throws Node's or undici's own error (isTransportError).
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

/** A failure in words for a person starting the bot: Discord's code and words, or the transport's own when no answer came. */
export function discordFailureText(error: unknown): string {
  const failure = describeDiscordError(error);
  const answered = failure.kind !== 'network' && failure.kind !== 'unexpected';
  return answered ? failure.message : error instanceof Error ? error.message : String(error);
}
