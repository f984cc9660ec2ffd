import { auth, youtube } from '@googleapis/youtube';

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
  /** Adds the video to the playlist unless it is there already; needs the channel owner's OAuth. */
  addToPlaylist?(playlistId: string, videoId: string): Promise<'added' | 'already_there'>;
}

export interface YoutubeOwnerCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

function googleError(error: unknown): GoogleApiError {
  const failure = error as { status?: number; response?: { data?: { error?: { errors?: { reason?: string }[] } } } };
  return new GoogleApiError(failure.status, failure.response?.data?.error?.errors?.[0]?.reason ?? 'request_failed');
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
export function createYoutubeVideos(settings: {
  apiKey: string;
  rootUrl: string;
  owner?: YoutubeOwnerCredentials;
  /** The OAuth token endpoint: Google's own unless the APIs are redirected (tests, proxies). */
  tokenUrl?: string;
}): YoutubeVideos {
  const client = youtube({ version: 'v3', auth: settings.apiKey, rootUrl: settings.rootUrl, retry: false });
  const owner = settings.owner;
  const ownerClient = owner
    ? (() => {
        const oauth = new auth.OAuth2({
          clientId: owner.clientId,
          clientSecret: owner.clientSecret,
          ...(settings.tokenUrl ? { endpoints: { oauth2TokenUrl: settings.tokenUrl } } : {}),
        });
        oauth.setCredentials({ refresh_token: owner.refreshToken });
        return youtube({ version: 'v3', auth: oauth, rootUrl: settings.rootUrl, retry: false });
      })()
    : undefined;
  return {
    ...(ownerClient
      ? {
          async addToPlaylist(playlistId: string, videoId: string) {
            try {
              const existing = await ownerClient.playlistItems.list({
                part: ['id'],
                playlistId,
                videoId,
                maxResults: 1,
              });
              if (existing.data.items?.length) return 'already_there' as const;
              await ownerClient.playlistItems.insert({
                part: ['snippet'],
                requestBody: { snippet: { playlistId, resourceId: { kind: 'youtube#video', videoId } } },
              });
              return 'added' as const;
            } catch (error) {
              throw googleError(error);
            }
          },
        }
      : {}),
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
        throw googleError(error);
      }
    },
  };
}
