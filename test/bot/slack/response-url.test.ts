import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RespondError } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { postToResponseUrl } from '../../../bot/slack/response-url.js';

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
    const message = { response_type: 'ephemeral', text: 'Sesión «Ñ» & <b>', blocks: [] };
    await postToResponseUrl(url, message);
    expect(received).toEqual([{ type: 'application/json', body: JSON.stringify(message) }]);
  });

  it('rejects with a RespondError naming the status when Slack refuses it', async () => {
    const { url } = await responseUrl(404);
    const failure = await postToResponseUrl(url, { text: 'tarde' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RespondError);
    expect(failure).toMatchObject({ statusCode: 404, code: 'slack_bolt_respond_error' });
  });
});
