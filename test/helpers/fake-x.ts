import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PostedTweet {
  id: string;
  text: string;
  inReplyTo?: string;
  authorization: string;
}

/**
 * X's API v2 on 127.0.0.1 with the real shapes: 201 `{data:{id,text}}` on a post, the 403 body X
 * sends for duplicate content, 429 with `x-rate-limit-*` headers. It keeps the account's timeline.
 */
export interface FakeX {
  url: string;
  posted: PostedTweet[];
  failNextPost(failure: { status: number; body: Record<string, unknown>; headers?: Record<string, string> }): void;
  /** From now on, accept posts but never answer them. */
  holdAnswers(): void;
  /** Pins a tweet on the account's profile, as a person does by hand. */
  pin(id: string): void;
  /** A tweet that is on the account without the bot having recorded it (a crash after X accepted it). */
  addToTimeline(text: string): string;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => resolve(body));
  });
}

export const DUPLICATE_BODY = {
  detail: 'You are not allowed to create a Tweet with duplicate content.',
  type: 'about:blank',
  title: 'Forbidden',
  status: 403,
};

export async function startFakeX(): Promise<FakeX> {
  const posted: PostedTweet[] = [];
  const timeline: { id: string; text: string }[] = [];
  const failures: { status: number; body: Record<string, unknown>; headers?: Record<string, string> }[] = [];
  let sequence = 1_800_000_000_000_000_000n;
  let pinnedId: string | undefined;
  let holding = false;
  const nextId = () => {
    sequence += 1n;
    return String(sequence);
  };
  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    const path = (request.url ?? '').split('?')[0];
    const json = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      response.end(JSON.stringify(payload));
    };
    if (request.method === 'POST' && path === '/2/tweets') {
      const failure = failures.shift();
      if (failure) {
        json(failure.status, failure.body, failure.headers);
        return;
      }
      const { text, reply } = JSON.parse(body) as { text: string; reply?: { in_reply_to_tweet_id: string } };
      if (timeline.some((tweet) => tweet.text === text)) {
        json(403, DUPLICATE_BODY);
        return;
      }
      const id = nextId();
      posted.push({
        id,
        text,
        inReplyTo: reply?.in_reply_to_tweet_id,
        authorization: request.headers.authorization ?? '',
      });
      timeline.unshift({ id, text });
      // X accepted the tweet but its answer never arrives: what a crash at that moment looks like.
      if (holding) return;
      json(201, { data: { id, text, edit_history_tweet_ids: [id] } });
      return;
    }
    if (request.method === 'GET' && path === '/2/users/me') {
      json(200, {
        data: {
          id: '42',
          name: 'IESS Ecuador',
          username: 'IESSec',
          ...(pinnedId ? { pinned_tweet_id: pinnedId } : {}),
        },
      });
      return;
    }
    if (request.method === 'GET' && path === '/2/users/42/tweets') {
      json(200, {
        data: timeline.slice(0, 20).map((tweet) => ({ ...tweet, edit_history_tweet_ids: [tweet.id] })),
        meta: { result_count: Math.min(20, timeline.length) },
      });
      return;
    }
    json(404, {
      title: 'Not Found Error',
      detail: `no route ${request.method} ${path}`,
      type: 'about:blank',
      status: 404,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    posted,
    failNextPost: (failure) => failures.push(failure),
    holdAnswers: () => {
      holding = true;
    },
    pin: (id) => {
      pinnedId = id;
    },
    addToTimeline: (text) => {
      const id = nextId();
      timeline.unshift({ id, text });
      return id;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
