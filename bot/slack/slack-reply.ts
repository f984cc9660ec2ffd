import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type RespondArguments, RespondError } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { CommandReply } from '../../commands/core/types.js';

/** A response URL that has not answered after this long has failed (Slack answers in well under a second). */
const RESPONSE_URL_TIMEOUT_MS = 30_000;

/**
 * The body a reply is posted as: shown to the channel when it is public, to the person alone
 * otherwise; `keepOriginal` (`replace_original: false`) keeps the message whose button was pressed.
 */
export function slackReplyBody(
  message: { text: string; blocks: KnownBlock[] },
  options: { visibility: CommandReply['visibility']; keepOriginal?: boolean },
): RespondArguments {
  return {
    response_type: options.visibility === 'public' ? 'in_channel' : 'ephemeral',
    ...(options.keepOriginal ? { replace_original: false } : {}),
    text: message.text,
    blocks: message.blocks,
  };
}

/**
 * The one way a reply reaches a Slack user: posted to the response URL of the slash command,
 * button or form it answers. It does what Bolt's `respond()` does (the same JSON body, and the
 * same `RespondError` on an answer that is not 2xx; a test compares the two), through node:http
 * instead of `fetch`: undici's Request, Headers and web streams cost about 80 KB of garbage per
 * reply besides the body, against about 17 KB here (docs/benchmarks.md). Connections are kept
 * alive by Node's global agents, as fetch keeps them.
 */
export function sendSlackReply(responseUrl: string, body: RespondArguments): Promise<void> {
  const json = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const send = responseUrl.startsWith('https:') ? httpsRequest : httpRequest;
    const request = send(
      responseUrl,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) },
        timeout: RESPONSE_URL_TIMEOUT_MS,
      },
      (response: IncomingMessage) => {
        // Slack answers "ok"; read it to the end so the connection goes back to the pool.
        response.resume();
        response.once('end', () => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else {
            reject(
              new RespondError(
                `Failed to respond to the response_url: ${status} ${response.statusMessage ?? ''}`,
                status,
              ),
            );
          }
        });
        response.once('error', reject);
      },
    );
    request.once('timeout', () =>
      request.destroy(new Error(`no answer from the response_url in ${RESPONSE_URL_TIMEOUT_MS} ms`)),
    );
    request.once('error', reject);
    request.end(json);
  });
}
