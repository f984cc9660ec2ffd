import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, RespondError } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { describeSlackError } from '../../../bot/slack/slack-api-error.js';
import { sendSlackReply, slackReplyBody } from '../../../bot/slack/slack-reply.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A response URL on 127.0.0.1 that answers `status` and records what it was sent. */
async function responseUrl(status: number): Promise<{ url: string; received: { type?: string; body: string }[] }> {
  const received: { type?: string; body: string }[] = [];
  server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ type: request.headers['content-type'], body });
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'expired_url');
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/response/1`, received };
}

describe('posting a reply to a Slack response URL', () => {
  it('sends the message as JSON, as respond() does', async () => {
    const { url, received } = await responseUrl(200);
    const message = { response_type: 'ephemeral' as const, text: 'Sesión «Ñ» & <b>', blocks: [] };
    await sendSlackReply(url, message);
    expect(received).toEqual([{ type: 'application/json', body: JSON.stringify(message) }]);
  });

  it('rejects with a RespondError naming the status when Slack refuses it', async () => {
    const { url } = await responseUrl(404);
    const failure = await sendSlackReply(url, { text: 'tarde' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RespondError);
    expect(failure).toMatchObject({ statusCode: 404, code: 'slack_bolt_respond_error' });
    expect(describeSlackError(failure)).toMatchObject({ kind: 'refused', status: 404, message: 'refused_404' });
  });

  it('fails as a network failure when nothing answers at the response URL', async () => {
    const { url } = await responseUrl(200);
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
    const failure = await sendSlackReply(url, { text: 'nadie' }).catch((error: unknown) => error);
    expect(describeSlackError(failure)).toMatchObject({ platform: 'slack', kind: 'network' });
  });
});

describe("the reply path against Bolt's own respond()", () => {
  it('sends, byte for byte and with the same content type, what respond() sends (if a Bolt upgrade changes respond(), this fails)', async () => {
    const { url, received } = await responseUrl(200);
    const answer = slackReplyBody(
      {
        text: 'Solicitud #1 aprobada «Ñ» & <b> "comillas"',
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Aprobada* ✅' } }],
      },
      { visibility: 'private', keepOriginal: true },
    );
    const app = new App({ token: 'xoxb-test', signingSecret: 'secret', botId: 'B1', botUserId: 'U0BOT' });
    app.action('boton', async ({ ack, respond }) => {
      await ack();
      await respond(answer);
    });
    await app.processEvent({
      body: {
        type: 'block_actions',
        team: { id: 'T1' },
        user: { id: 'U1' },
        api_app_id: 'A1',
        token: 'verification',
        container: { type: 'message' },
        trigger_id: '1.2.3',
        channel: { id: 'C1' },
        response_url: url,
        actions: [{ type: 'button', action_id: 'boton', block_id: 'b', value: 'v', action_ts: '1.0' }],
      },
      ack: async () => undefined,
    });
    await sendSlackReply(url, answer);
    expect(received).toHaveLength(2);
    expect(received[1]).toEqual(received[0]);
  });
});
