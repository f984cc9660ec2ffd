import { youtube } from '@googleapis/youtube';

/** What the bot needs to know about one video to accept it as a session's recording. */
export interface VideoFacts {
  id: string;
  title: string;
  channelId: string;
  privacyStatus: string;
  uploadStatus: string;
  /** When it was streamed (live) or else published. */
  recordedAt: Date;
}

export interface YoutubeVideos {
  /** `undefined` when YouTube has no such video (it answers `items: []`, not 404). */
  getVideo(videoId: string): Promise<VideoFacts | undefined>;
}

/** A Google failure with its wire facts; a quota or outage is retried later, never lost. */
export class GoogleApiError extends Error {
  constructor(
    readonly status: number | undefined,
    readonly reason: string,
  ) {
    super(`google_${status ?? 'network'}_${reason}`);
    this.name = 'GoogleApiError';
  }
}

/**
 * videos.list through the generated client, with an API key (public data: no OAuth needed).
 * `rootUrl` is per API on purpose: the global `google.options({ rootUrl })` does not redirect.
 */
export function createYoutubeVideos(settings: { apiKey: string; rootUrl: string }): YoutubeVideos {
  const client = youtube({ version: 'v3', auth: settings.apiKey, rootUrl: settings.rootUrl, retry: false });
  return {
    async getVideo(videoId) {
      try {
        const response = await client.videos.list({
          id: [videoId],
          part: ['snippet', 'status', 'liveStreamingDetails'],
        });
        const item = response.data.items?.[0];
        if (!item?.id) return undefined;
        const recorded = item.liveStreamingDetails?.actualStartTime ?? item.snippet?.publishedAt ?? undefined;
        return {
          id: item.id,
          title: item.snippet?.title ?? '',
          channelId: item.snippet?.channelId ?? '',
          privacyStatus: item.status?.privacyStatus ?? '',
          uploadStatus: item.status?.uploadStatus ?? '',
          recordedAt: recorded ? new Date(recorded) : new Date(0),
        };
      } catch (error) {
        const failure = error as {
          status?: number;
          response?: { data?: { error?: { errors?: { reason?: string }[] } } };
        };
        throw new GoogleApiError(
          failure.status,
          failure.response?.data?.error?.errors?.[0]?.reason ?? 'request_failed',
        );
      }
    },
  };
}
