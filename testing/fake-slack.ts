import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface SlackCall {
  method: string;
  params: Record<string, unknown>;
}

/** A message as Slack keeps it in a channel's history. */
export interface StoredSlackMessage {
  type: 'message';
  ts: string;
  user: string;
  bot_id: string;
  text: string;
  blocks?: unknown;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  edited?: { user: string; ts: string };
}

export interface FakeFailure {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

/**
 * A Slack Web API on 127.0.0.1 that answers with Slack's JSON shapes and records every call,
 * plus the response URLs Bolt's `respond()` posts to. Failures can be queued per method.
 */
export interface FakeSlack {
  url: string;
  apiUrl: string;
  calls: SlackCall[];
  /** Files the app uploaded (the second step of files.uploadV2). */
  uploads: { path: string; bytes: number }[];
  /** Bodies posted to response URLs, in order. */
  responses: Record<string, unknown>[];
  /**
   * Calls `listener` as each body posted to a response URL finishes arriving, with the URL's id
   * (what `responseUrl(id)` was given); benchmarks time replies with it.
   */
  onResponse(listener: (id: string, body: Record<string, unknown>) => void): void;
  responseUrl(id: string): string;
  callsTo(method: string): SlackCall[];
  failNext(method: string, failure: FakeFailure): void;
  /**
   * The next call to `method` is carried out (a message is kept) but never answered: what the bot
   * sees when it dies, or its call times out, after Slack took the message.
   */
  holdNext(method: string): void;
  /** Drops the connections of the calls held so far (the client sees them fail). */
  releaseHeld(): void;
  /** What each channel holds now (DMs under the `D…` id Slack gives them), oldest first. */
  channels: Map<string, StoredSlackMessage[]>;
  /** Makes `users.info` know this user and their e-mail. */
  addUser(userId: string, email: string): void;
  /**
   * Socket Mode: sends an envelope over the app's WebSocket as Slack does and resolves with the
   * app's acknowledgement of it (`{envelope_id, payload?}`).
   */
  sendEnvelope(
    type: 'slash_commands' | 'interactive',
    payload: Record<string, unknown>,
  ): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

/** The Web API client sends forms whose object fields (`blocks`, `view`) are JSON strings. */
function decodeParams(body: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(body || '{}') as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    params[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return params;
}

/** A user id's DM channel with the bot, as both `chat.postMessage` and `conversations.open` give it. */
function dmChannelOf(userId: string): string {
  return `D${userId.replace(/^U/, '')}`;
}

/**
 * `conversations.history` as Slack answers it: newest first, only messages after `oldest`, pages of
 * `limit` with a cursor, and each message's metadata only when `include_all_metadata` is true.
 */
function historyPage(stored: StoredSlackMessage[], params: Record<string, unknown>): Record<string, unknown> {
  const oldest = Number(params.oldest ?? 0);
  const withMetadata = String(params.include_all_metadata) === 'true';
  const limit = Math.min(Number(params.limit ?? 100), 999);
  const offset = Number(params.cursor ?? 0);
  const newestFirst = stored.filter((message) => Number(message.ts) > oldest).reverse();
  const page = newestFirst.slice(offset, offset + limit).map((message) => {
    const { metadata, ...rest } = message;
    return withMetadata && metadata ? message : rest;
  });
  const hasMore = offset + limit < newestFirst.length;
  return {
    ok: true,
    messages: page,
    has_more: hasMore,
    pin_count: 0,
    response_metadata: { next_cursor: hasMore ? String(offset + limit) : '' },
  };
}

export async function startFakeSlack(
  options: {
    now?: () => number;
    /** How long Slack takes to answer a Web API call it has carried out (the torture run varies it). */
    answerDelayMs?: () => number;
  } = {},
): Promise<FakeSlack> {
  const now = options.now ?? Date.now;
  const channels = new Map<string, StoredSlackMessage[]>();
  const calls: SlackCall[] = [];
  const responses: Record<string, unknown>[] = [];
  const failures = new Map<string, FakeFailure[]>();
  const holds = new Map<string, number>();
  const held: IncomingMessage[] = [];
  const users = new Map<string, string>();
  const uploads: { path: string; bytes: number }[] = [];
  const responseListeners: ((id: string, body: Record<string, unknown>) => void)[] = [];
  let sequence = 0;
  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    const path = request.url ?? '';
    if (path.startsWith('/upload/')) {
      uploads.push({ path, bytes: Buffer.byteLength(body, 'latin1') });
      response.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
      return;
    }
    if (path.startsWith('/response/')) {
      const posted = JSON.parse(body) as Record<string, unknown>;
      responses.push(posted);
      for (const listener of responseListeners) listener(path.slice('/response/'.length), posted);
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const method = path.replace(/^\/api\//, '').split('?')[0] ?? '';
    if (method === 'apps.connections.open') {
      calls.push({ method, params: {} });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: true, url: `${url.replace('http', 'ws')}/link` }));
      return;
    }
    const params = decodeParams(body, request.headers['content-type'] ?? '');
    calls.push({ method, params });
    const failure = failures.get(method)?.shift();
    if (failure) {
      response.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
      response.end(JSON.stringify(failure.body));
      return;
    }
    sequence += 1;
    // A message's ts is the time Slack took it (seconds), made unique by the sequence.
    const ts = `${Math.floor(now() / 1000)}.${String(sequence).padStart(6, '0')}`;
    const channel = String(params.channel ?? '');
    // Posting to a user id (anything but a channel id) lands in the bot's DM channel with them.
    const postedTo = /^[CGD][A-Z0-9]/.test(channel) ? channel : dmChannelOf(channel);
    if (method === 'chat.postMessage') {
      const stored: StoredSlackMessage = {
        type: 'message',
        ts,
        user: 'UBOT',
        bot_id: 'BBOT',
        text: String(params.text ?? ''),
        ...(params.blocks ? { blocks: params.blocks } : {}),
        ...(params.metadata ? { metadata: params.metadata as StoredSlackMessage['metadata'] } : {}),
      };
      channels.set(postedTo, [...(channels.get(postedTo) ?? []), stored]);
    }
    if (method === 'chat.update') {
      const stored = channels.get(channel)?.find((message) => message.ts === params.ts);
      if (stored) {
        stored.text = String(params.text ?? '');
        if (params.blocks) stored.blocks = params.blocks;
        stored.edited = { user: 'UBOT', ts };
      }
    }
    const answers: Record<string, Record<string, unknown>> = {
      'auth.test': {
        ok: true,
        url: 'https://fake.slack.com/',
        team: 'Fake',
        user: 'rendicion',
        team_id: 'T1',
        user_id: 'UBOT',
        bot_id: 'BBOT',
      },
      'chat.postMessage': { ok: true, channel: postedTo, ts, message: { ts } },
      'conversations.history': historyPage(channels.get(channel) ?? [], params),
      'chat.update': { ok: true, channel, ts: params.ts, text: params.text },
      'chat.postEphemeral': { ok: true, message_ts: ts },
      'views.open': { ok: true, view: { id: `V${sequence}`, type: 'modal' } },
      'files.getUploadURLExternal': {
        ok: true,
        upload_url: `${url}/upload/F${sequence}`,
        file_id: `F${sequence}`,
      },
      'files.completeUploadExternal': { ok: true, files: [{ id: `F${sequence}`, title: params.files }] },
      'conversations.open': { ok: true, channel: { id: dmChannelOf(String(params.users ?? '')) } },
      'users.lookupByEmail': [...users.entries()].some(([, email]) => email === params.email)
        ? { ok: true, user: { id: [...users.entries()].find(([, email]) => email === params.email)?.[0] } }
        : { ok: false, error: 'users_not_found' },
      'users.info': users.has(String(params.user))
        ? { ok: true, user: { id: params.user, profile: { email: users.get(String(params.user)), display_name: '' } } }
        : { ok: false, error: 'user_not_found' },
    };
    const holding = holds.get(method) ?? 0;
    if (holding > 0) {
      holds.set(method, holding - 1);
      held.push(request);
      return;
    }
    const delay = options.answerDelayMs?.() ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(answers[method] ?? { ok: false, error: 'unknown_method' }));
  });
  // Socket Mode: the app opens a WebSocket at the URL apps.connections.open gave it; Slack says hello.
  const sockets = new WebSocketServer({ server, path: '/link' });
  let socket: WebSocket | undefined;
  const acks = new Map<string, (ack: Record<string, unknown>) => void>();
  sockets.on('connection', (connection) => {
    socket = connection;
    connection.on('message', (data) => {
      const ack = JSON.parse(String(data)) as Record<string, unknown>;
      acks.get(String(ack.envelope_id))?.(ack);
    });
    connection.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    apiUrl: `${url}/api/`,
    calls,
    channels,
    responses,
    uploads,
    responseUrl: (id) => `${url}/response/${id}`,
    onResponse: (listener) => {
      responseListeners.push(listener);
    },
    callsTo: (method) => calls.filter((call) => call.method === method),
    addUser: (userId, email) => users.set(userId, email),
    sendEnvelope: (type, payload) =>
      new Promise((resolve, reject) => {
        if (!socket) {
          reject(new Error('no Socket Mode connection'));
          return;
        }
        sequence += 1;
        const envelopeId = `envelope-${sequence}`;
        acks.set(envelopeId, resolve);
        socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: true }));
      }),
    failNext: (method, failure) => failures.set(method, [...(failures.get(method) ?? []), failure]),
    holdNext: (method) => holds.set(method, (holds.get(method) ?? 0) + 1),
    releaseHeld: () => {
      for (const request of held.splice(0)) request.socket.destroy();
    },
    close: () =>
      new Promise((resolve) => {
        for (const client of sockets.clients) client.terminate();
        for (const request of held.splice(0)) request.socket.destroy();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Signs a body as Slack does: `v0=` HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing secret. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPost {
  url: string;
  secret: string;
  body: string;
  timestamp?: number;
  signature?: string;
  headers?: Record<string, string>;
}

export async function postSignedToSlackApp(input: SignedPost): Promise<number> {
  return (await postSignedForAnswer(input)).status;
}

/** The same signed POST, returning the HTTP answer too (Bolt sends `ack(body)` there). */
export async function postSignedForAnswer(input: SignedPost): Promise<{ status: number; body: string }> {
  const timestamp = input.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(input.url, {
    method: 'POST',
    headers: {
      // Exactly this content type: Bolt reads anything else as JSON.
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': input.signature ?? slackSignature(input.secret, timestamp, input.body),
      ...input.headers,
    },
    body: input.body,
  });
  return { status: response.status, body: await response.text() };
}

/** Waits until `condition` holds, checking every 10 ms; fails after `timeoutMs` instead of hanging. */
export async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
