import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  botMessage,
  DISCORD_APP_ID,
  DISCORD_CHANNEL_ID,
  DISCORD_TEST_TOKEN,
  type InteractionBuilders,
  interactionBuilders,
  nextId,
} from './fake-discord-interactions.js';

export {
  DISCORD_APP_ID,
  DISCORD_CHANNEL_ID,
  DISCORD_GUILD_ID,
  DISCORD_TEST_TOKEN,
  type InteractionUser,
} from './fake-discord-interactions.js';

/** One REST call the bot made: method, path after `/api/v10`, JSON body (payload_json for uploads), file names. */
export interface DiscordCall {
  method: string;
  path: string;
  body: Record<string, unknown> & { data?: Record<string, unknown>; type?: number };
  files: string[];
  authorized: boolean;
}

export interface FakeDiscordFailure {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

/**
 * Discord's REST API and gateway on 127.0.0.1. REST answers `GET /gateway/bot` with the address of
 * its own WebSocket, so discord.js connects there; the gateway says hello, accepts IDENTIFY, sends
 * READY, acknowledges heartbeats and dispatches `INTERACTION_CREATE` as Discord does. Every REST
 * call is recorded; interaction callbacks answer 204 with no body, like Discord.
 */
export interface FakeDiscord extends InteractionBuilders {
  apiUrl: string;
  calls: DiscordCall[];
  /** What IDENTIFY carried (the token the bot logged in with). */
  identified: Record<string, unknown>[];
  callsTo(method: string, pathPattern: RegExp): DiscordCall[];
  /** Queues a failure for the next call whose `METHOD path` matches. */
  failNext(method: string, pathPattern: RegExp, failure: FakeDiscordFailure): void;
  /**
   * Dispatches an interaction and resolves with the bot's interaction callback (and, when the
   * callback is a deferral, with the webhook edit that completes it).
   */
  interact(interaction: Record<string, unknown>): Promise<InteractionResult>;
  /** What each channel holds now (DMs under `dm-<user id>`), oldest first, as Discord keeps it. */
  messages: Map<string, StoredDiscordMessage[]>;
  /** Drops the gateway connection as a network failure would (the client resumes). */
  dropGateway(): void;
  close(): Promise<void>;
}

/** A channel message as Discord keeps it, plus the nonce it was created with (never shown in history). */
export interface StoredDiscordMessage {
  id: string;
  channel_id: string;
  content: unknown;
  embeds: unknown;
  components: unknown;
  timestamp: string;
  author: { id: string };
  nonce?: string;
  createdAt: number;
  [key: string]: unknown;
}

/** How long Discord remembers a nonce for `enforce_nonce` ("a few minutes"). */
export const FAKE_NONCE_WINDOW_MS = 5 * 60_000;

export interface InteractionResult {
  interactionId: string;
  callback: DiscordCall;
  /** `performance.now()` when the callback arrived (benchmarks time the answer with it). */
  callbackAt: number;
  /** The `PATCH …/messages/@original` that completed a deferred reply, if any. */
  edit?: DiscordCall;
  /** Follow-up messages posted for the interaction (pages after the first). */
  followUps: DiscordCall[];
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** JSON bodies as they are; multipart uploads as their `payload_json` plus the names of their files. */
async function decodeBody(
  raw: Buffer,
  contentType: string,
): Promise<{ body: Record<string, unknown>; files: string[] }> {
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Request('http://fake/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: raw,
    }).formData();
    const files: string[] = [];
    for (const [key, value] of form) if (key !== 'payload_json' && typeof value !== 'string') files.push(value.name);
    return { body: JSON.parse(String(form.get('payload_json') ?? '{}')) as Record<string, unknown>, files };
  }
  return { body: raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {}, files: [] };
}

export async function startFakeDiscord(
  options: { token?: string; applicationId?: string; now?: () => number } = {},
): Promise<FakeDiscord> {
  const now = options.now ?? Date.now;
  const stored = new Map<string, StoredDiscordMessage[]>();
  const token = options.token ?? DISCORD_TEST_TOKEN;
  const applicationId = options.applicationId ?? DISCORD_APP_ID;
  const calls: DiscordCall[] = [];
  const identified: Record<string, unknown>[] = [];
  const failures: { method: string; pattern: RegExp; failure: FakeDiscordFailure }[] = [];
  const waiting = new Map<string, (call: DiscordCall) => void>();
  const editWaiting = new Map<string, (call: DiscordCall) => void>();
  const followUps = new Map<string, DiscordCall[]>();
  const tokens = new Map<string, string>();

  const message = (channelId: string, body: Record<string, unknown>) =>
    botMessage(applicationId, channelId, body, now());

  const server: Server = createServer(async (request, response) => {
    const raw = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://fake');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const method = request.method ?? 'GET';
    const { body, files } = await decodeBody(raw, String(request.headers['content-type'] ?? ''));
    const authorized = request.headers.authorization === `Bot ${token}`;
    const call: DiscordCall = { method, path, body, files, authorized };
    const json = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(payload));
    };
    // Interaction callbacks and webhooks are authorised by their token in the path, not the bot token.
    const byToken = /^\/(interactions|webhooks)\//.test(path);
    if (!byToken && !authorized) {
      calls.push(call);
      json(401, { message: '401: Unauthorized', code: 0 });
      return;
    }
    calls.push(call);
    const failureIndex = failures.findIndex((entry) => entry.method === method && entry.pattern.test(path));
    if (failureIndex >= 0) {
      const [entry] = failures.splice(failureIndex, 1);
      if (entry) {
        json(entry.failure.status, entry.failure.body, entry.failure.headers);
        return;
      }
    }
    const callback = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
    if (method === 'POST' && callback?.[1]) {
      waiting.get(callback[1])?.(call);
      // Discord answers an interaction callback with 204 and no content type.
      response.writeHead(204).end();
      return;
    }
    const webhook = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/.exec(path);
    if (webhook?.[2]) {
      const interactionId = tokens.get(webhook[2]) ?? '';
      if (method === 'PATCH' && webhook[3]) editWaiting.get(interactionId)?.(call);
      if (method === 'POST' && !webhook[3])
        followUps.set(interactionId, [...(followUps.get(interactionId) ?? []), call]);
      json(200, message(DISCORD_CHANNEL_ID, body));
      return;
    }
    if (method === 'GET' && path === '/gateway/bot') {
      json(200, {
        url: `ws://127.0.0.1:${port}`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
      return;
    }
    const channelMessages = /^\/channels\/(\d+|dm-\d+)\/messages(?:\/(\d+))?$/.exec(path);
    if (channelMessages?.[1]) {
      const channelId = channelMessages[1];
      const kept = stored.get(channelId) ?? [];
      if (method === 'GET' && !channelMessages[2]) {
        // History: newest first, `limit` of them (50 unless asked), without the nonces.
        const limit = Math.min(Number(url.searchParams.get('limit') ?? 50), 100);
        json(
          200,
          [...kept]
            .reverse()
            .slice(0, limit)
            .map(({ nonce, createdAt, ...shown }) => shown),
        );
        return;
      }
      if (method === 'PATCH' && channelMessages[2]) {
        const existing = kept.find((entry) => entry.id === channelMessages[2]);
        if (existing) Object.assign(existing, { ...body, edited_timestamp: new Date(now()).toISOString() });
        if (!existing) {
          json(404, { message: 'Unknown Message', code: 10008 });
          return;
        }
        const { nonce, createdAt, ...shown } = existing;
        json(200, shown);
        return;
      }
      if (method === 'POST' && !channelMessages[2]) {
        // enforce_nonce: the message this author already created with the nonce, not a second one.
        const nonce = typeof body.nonce === 'string' ? body.nonce : undefined;
        const same =
          nonce && body.enforce_nonce === true
            ? kept.find((entry) => entry.nonce === nonce && now() - entry.createdAt < FAKE_NONCE_WINDOW_MS)
            : undefined;
        if (same) {
          const { createdAt, ...shown } = same;
          json(200, shown);
          return;
        }
        const created = { ...message(channelId, body), ...(nonce ? { nonce } : {}) };
        stored.set(channelId, [...kept, { ...created, createdAt: now() }]);
        json(200, created);
        return;
      }
      const posted = message(channelId, body);
      json(200, channelMessages[2] ? { ...posted, id: channelMessages[2] } : posted);
      return;
    }
    if (method === 'POST' && path === '/users/@me/channels') {
      json(200, { id: `dm-${String(body.recipient_id)}`, type: 1, recipients: [{ id: body.recipient_id }] });
      return;
    }
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      const commands = (Array.isArray(body) ? body : []) as Record<string, unknown>[];
      json(
        200,
        commands.map((command) => ({ ...command, id: nextId(), application_id: applicationId, version: nextId() })),
      );
      return;
    }
    json(404, { message: '404: Not Found', code: 0 });
  });

  const gateway = new WebSocketServer({ server });
  let socket: WebSocket | undefined;
  let sequence = 1;
  gateway.on('connection', (connection) => {
    socket = connection;
    connection.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 } }));
    connection.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { op: number; d: Record<string, unknown> };
      if (frame.op === 1) connection.send(JSON.stringify({ op: 11 }));
      // RESUME after a dropped connection: Discord replays nothing here and says RESUMED.
      if (frame.op === 6) {
        sequence += 1;
        connection.send(JSON.stringify({ op: 0, t: 'RESUMED', s: sequence, d: {} }));
      }
      if (frame.op === 2) {
        identified.push(frame.d);
        if (frame.d.token !== token) {
          connection.close(4004, 'Authentication failed.');
          return;
        }
        sequence += 1;
        connection.send(
          JSON.stringify({
            op: 0,
            t: 'READY',
            s: sequence,
            d: {
              v: 10,
              user: { id: applicationId, username: 'rendicion', discriminator: '0', bot: true, avatar: null },
              guilds: [],
              session_id: 'fake-session',
              resume_gateway_url: `ws://127.0.0.1:${port}`,
              application: { id: applicationId, flags: 0 },
            },
          }),
        );
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const builders = interactionBuilders(applicationId, now, tokens);

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    calls,
    messages: stored,
    identified,
    callsTo: (method, pattern) => calls.filter((call) => call.method === method && pattern.test(call.path)),
    failNext: (method, pattern, failure) => failures.push({ method, pattern, failure }),
    interact(interaction) {
      const id = String(interaction.id);
      return new Promise((resolve, reject) => {
        if (!socket) {
          reject(new Error('the bot is not connected to the fake gateway'));
          return;
        }
        const timer = setTimeout(() => reject(new Error(`no callback for interaction ${id}`)), 5_000);
        waiting.set(id, (callback) => {
          const callbackAt = performance.now();
          clearTimeout(timer);
          waiting.delete(id);
          const deferred = callback.body.type === 5;
          if (!deferred) {
            // Follow-ups (later pages) arrive right after the callback; give them a moment.
            setTimeout(
              () => resolve({ interactionId: id, callback, callbackAt, followUps: followUps.get(id) ?? [] }),
              50,
            );
            return;
          }
          editWaiting.set(id, (edit) => {
            editWaiting.delete(id);
            setTimeout(
              () => resolve({ interactionId: id, callback, callbackAt, edit, followUps: followUps.get(id) ?? [] }),
              50,
            );
          });
        });
        sequence += 1;
        socket.send(JSON.stringify({ op: 0, t: 'INTERACTION_CREATE', s: sequence, d: interaction }));
      });
    },
    ...builders,
    dropGateway: () => {
      for (const client of gateway.clients) client.terminate();
      socket = undefined;
    },
    close: () =>
      new Promise((resolve) => {
        for (const client of gateway.clients) client.terminate();
        gateway.close();
        server.close(() => resolve());
      }),
  };
}
