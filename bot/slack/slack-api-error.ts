import { RespondError } from '@slack/bolt';
import { WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError } from '@slack/web-api';
import { ChatApiError, isTransportError } from '../chat-api-error.js';

/**
 * A failed Web API call as a ChatApiError, from @slack/web-api's own error classes: Slack's
 * `{ok:false, error}` answer, a 429 with `Retry-After` (the client is built with
 * `rejectRateLimitedCalls`), another HTTP status, or no answer at all; and a response URL's
 * refusal of a reply (Bolt's `RespondError`).
 */
export function describeSlackError(error: unknown): ChatApiError {
  if (error instanceof ChatApiError) return error;
  if (error instanceof WebAPIRateLimitedError)
    return new ChatApiError('slack', 'rate_limited', { status: 429, retryAfterSeconds: error.retryAfter });
  if (error instanceof WebAPIPlatformError) return new ChatApiError('slack', 'refused', { code: error.data.error });
  if (error instanceof WebAPIHTTPError)
    return new ChatApiError('slack', error.statusCode >= 500 ? 'server' : 'refused', { status: error.statusCode });
  if (error instanceof WebAPIRequestError || isTransportError(error)) return new ChatApiError('slack', 'network');
  // A response URL that refused the reply (sendSlackReply throws Bolt's own error, as respond() does).
  if (error instanceof RespondError)
    return new ChatApiError('slack', error.statusCode >= 500 ? 'server' : 'refused', { status: error.statusCode });
  return new ChatApiError('slack', 'unexpected', { detail: error instanceof Error ? error.message : String(error) });
}
