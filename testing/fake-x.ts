import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import twitterText from 'twitter-text';

export interface PostedTweet {
  id: string;
  /** The text as the bot sent it. */
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
  /** Answers posts again (those held stay unanswered: their connections are dropped). */
  answerAgain(): void;
  /** Pins a tweet on the account's profile, as a person does by hand. */
  pin(id: string): void;
  /** A tweet that is on the account without the bot having recorded it (a crash after X accepted it). */
  addToTimeline(text: string): string;
  /** The account's tweets as X shows them (newest first), with the text each was sent as. */
  shown(): { id: string; text: string; sent: string }[];
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

/** A tweet as X keeps it: the text as it shows it, the links it shortened, when it was created. */
interface StoredTweet {
  id: string;
  /** What the author sent: X compares this for duplicate content. */
  sent: string;
  /** What X shows: every link as a 23-character t.co address, `&<>` as HTML entities. */
  text: string;
  urls: { start: number; end: number; url: string; expanded_url: string; display_url: string }[];
  createdAt: number;
}

const escapeEntities = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** X's rewrite of a posted text: links found as X finds them (twitter-text) become t.co, `&<>` escaped. */
function asXShowsIt(sent: string, shorten: () => string): Pick<StoredTweet, 'text' | 'urls'> {
  let text = '';
  let last = 0;
  const urls: StoredTweet['urls'] = [];
  for (const found of twitterText.extractUrlsWithIndices(sent)) {
    const [start, end] = found.indices;
    text += escapeEntities(sent.slice(last, start));
    const short = shorten();
    const expanded = /^https?:\/\//i.test(found.url) ? found.url : `http://${found.url}`;
    urls.push({
      start: [...text].length,
      end: [...text].length + short.length,
      url: short,
      expanded_url: expanded,
      display_url: found.url.replace(/^https?:\/\//i, ''),
    });
    text += short;
    last = end;
  }
  text += escapeEntities(sent.slice(last));
  return { text, urls };
}

export async function startFakeX(
  options: {
    now?: () => number;
    /** How long X takes to answer a post it has published (the torture run varies it). */
    answerDelayMs?: () => number;
  } = {},
): Promise<FakeX> {
  const now = options.now ?? Date.now;
  const posted: PostedTweet[] = [];
  const timeline: StoredTweet[] = [];
  let shortened = 0;
  // https://t.co/ and ten characters: 23, the length X counts for every link.
  const shorten = () => {
    shortened += 1;
    return `https://t.co/${String(shortened).padStart(10, 'x')}`;
  };
  const store = (id: string, sent: string): StoredTweet => {
    const tweet = { id, sent, ...asXShowsIt(sent, shorten), createdAt: now() };
    timeline.unshift(tweet);
    return tweet;
  };
  const failures: { status: number; body: Record<string, unknown>; headers?: Record<string, string> }[] = [];
  let sequence = 1_800_000_000_000_000_000n;
  let pinnedId: string | undefined;
  let holding = false;
  const heldResponses: Socket[] = [];
  const nextId = () => {
    sequence += 1n;
    return String(sequence);
  };
  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://fake');
    const path = url.pathname;
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
      if (timeline.some((tweet) => tweet.sent === text)) {
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
      const stored = store(id, text);
      // X accepted the tweet but its answer never arrives: what a crash at that moment looks like.
      if (holding) {
        heldResponses.push(request.socket);
        return;
      }
      const delay = options.answerDelayMs?.() ?? 0;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      json(201, { data: { id, text: stored.text, edit_history_tweet_ids: [id] } });
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
      // Newest first, from start_time, max_results of them (10 unless asked); created_at and the
      // links' entities only when tweet.fields asks for them.
      const fields = (url.searchParams.get('tweet.fields') ?? '').split(',');
      const startTime = Date.parse(url.searchParams.get('start_time') ?? '') || 0;
      const max = Number(url.searchParams.get('max_results') ?? 10);
      const shown = timeline.filter((tweet) => tweet.createdAt >= startTime).slice(0, max);
      json(200, {
        data: shown.map((tweet) => ({
          id: tweet.id,
          text: tweet.text,
          edit_history_tweet_ids: [tweet.id],
          // X gives created_at to the second.
          ...(fields.includes('created_at')
            ? { created_at: new Date(Math.floor(tweet.createdAt / 1000) * 1000).toISOString() }
            : {}),
          ...(fields.includes('entities') && tweet.urls.length ? { entities: { urls: tweet.urls } } : {}),
        })),
        meta: { result_count: shown.length },
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
    answerAgain: () => {
      holding = false;
      for (const held of heldResponses.splice(0)) held.destroy();
    },
    pin: (id) => {
      pinnedId = id;
    },
    addToTimeline: (text) => store(nextId(), text).id,
    shown: () => timeline.map((tweet) => ({ id: tweet.id, text: tweet.text, sent: tweet.sent })),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
