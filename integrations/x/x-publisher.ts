import { Agent as HttpAgent } from 'node:http';
import { ApiResponseError, type ITwitterApiClientPlugin, TwitterApi } from 'twitter-api-v2';
import { createdSince, isSameTweet, type ShownTweet } from './tweet-match.js';

/** The two verbs the bot needs from X. */
export interface XPublisher {
  readonly simulated: boolean;
  publish(text: string, inReplyToTweetId?: string): Promise<{ id: string }>;
  /**
   * The id of the account's tweet with this text created since `since` (the first attempt to post
   * it), as X shows it (links as t.co, `&<>` escaped), if X has it.
   */
  findRecent(text: string, since: Date): Promise<string | undefined>;
  /** The account's pinned tweet, as X's API shows it (it can read a pin, not make one). */
  pinnedTweetId(): Promise<string | undefined>;
}

export type XFailureKind = 'rate_limited' | 'duplicate' | 'auth' | 'server' | 'refused' | 'network';

/** An X failure with its wire facts: the retry logic reads `kind` and `resetAt`, never the message. */
export class XApiError extends Error {
  constructor(
    readonly kind: XFailureKind,
    readonly status?: number,
    readonly resetAt?: Date,
  ) {
    super(`x_${kind}${status ? `_${status}` : ''}`);
    this.name = 'XApiError';
  }
}

/** How far X's clock may be behind ours when the timeline is asked for tweets since a claim. */
const CLOCK_SKEW_MS = 60_000;

const X_HOSTS = /^https:\/\/(api|upload)\.(x|twitter)\.com/;

/**
 * twitter-api-v2 has no base-URL option: this plugin rewrites each request's URL before it is
 * signed, so `X_API_URL` can point the real client at a proxy or at a fake server in the tests.
 */
function redirectTo(baseUrl: string): ITwitterApiClientPlugin {
  return {
    onBeforeRequestConfig({ params }) {
      params.url = String(params.url).replace(X_HOSTS, baseUrl.replace(/\/$/, ''));
    },
  };
}

export function describeXError(error: unknown): XApiError {
  if (error instanceof XApiError) return error;
  if (error instanceof ApiResponseError) {
    const detail = String((error.data as { detail?: unknown }).detail ?? '');
    if (error.rateLimitError || error.code === 429) {
      const reset = error.rateLimit?.reset;
      return new XApiError('rate_limited', error.code, reset ? new Date(reset * 1000) : undefined);
    }
    if (error.code === 403 && /duplicate content/i.test(detail)) return new XApiError('duplicate', 403);
    if (error.code === 401) return new XApiError('auth', 401);
    if (error.code >= 500) return new XApiError('server', error.code);
    return new XApiError('refused', error.code);
  }
  return new XApiError('network');
}

export function createXPublisher(settings: {
  appKey: string;
  appSecret: string;
  accessToken: string;
  accessSecret: string;
  apiUrl: string;
}): XPublisher {
  const isDefault = X_HOSTS.test(settings.apiUrl);
  const client = new TwitterApi(
    {
      appKey: settings.appKey,
      appSecret: settings.appSecret,
      accessToken: settings.accessToken,
      accessSecret: settings.accessSecret,
    },
    isDefault
      ? {}
      : {
          plugins: [redirectTo(settings.apiUrl)],
          // The client sends through https.request; a plain-http URL (a local fake) needs an http agent.
          ...(settings.apiUrl.startsWith('http:') ? { httpAgent: new HttpAgent() } : {}),
        },
  ).readWrite;
  let accountId: string | undefined;
  return {
    simulated: false,
    async publish(text, inReplyToTweetId) {
      try {
        const result = inReplyToTweetId ? await client.v2.reply(text, inReplyToTweetId) : await client.v2.tweet(text);
        return { id: result.data.id };
      } catch (error) {
        throw describeXError(error);
      }
    },
    async pinnedTweetId() {
      try {
        const me = await client.v2.me({ 'user.fields': ['pinned_tweet_id'] });
        accountId ??= me.data.id;
        return me.data.pinned_tweet_id ?? undefined;
      } catch (error) {
        throw describeXError(error);
      }
    },
    async findRecent(text, since) {
      try {
        accountId ??= (await client.v2.me()).data.id;
        // Only tweets created since the claim (less a minute: X's clock and ours may differ a
        // little), by X's own `created_at`; replies included, a thread is made of them.
        const from = new Date(since.getTime() - CLOCK_SKEW_MS);
        const timeline = await client.v2.userTimeline(accountId, {
          max_results: 100,
          exclude: ['retweets'],
          start_time: from.toISOString(),
          'tweet.fields': ['entities', 'created_at'],
        });
        return timeline.tweets.find(
          (tweet) => isSameTweet(text, tweet as ShownTweet) && createdSince(tweet as ShownTweet, from),
        )?.id;
      } catch (error) {
        throw describeXError(error);
      }
    },
  };
}

/** Without X credentials: the same outbox and the same flow, with made-up ids. */
export function createSimulatedPublisher(): XPublisher {
  let sequence = 0;
  return {
    simulated: true,
    async publish() {
      sequence += 1;
      return { id: `simulado-${Date.now()}-${sequence}` };
    },
    async findRecent() {
      return undefined;
    },
    async pinnedTweetId() {
      return undefined;
    },
  };
}
