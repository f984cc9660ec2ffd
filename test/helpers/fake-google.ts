import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeVideo {
  id: string;
  title: string;
  channelId: string;
  privacyStatus: 'public' | 'unlisted' | 'private';
  uploadStatus: 'uploaded' | 'processed' | 'failed';
  publishedAt: string;
  actualStartTime?: string;
}

/** YouTube Data API v3 `videos.list` on 127.0.0.1, with Google's JSON shapes and error bodies. */
export interface FakeGoogle {
  url: string;
  videos: Map<string, FakeVideo>;
  requests: URL[];
  failNext(status: number, reason: string): void;
  close(): Promise<void>;
}

export async function startFakeGoogle(): Promise<FakeGoogle> {
  const videos = new Map<string, FakeVideo>();
  const requests: URL[] = [];
  const failures: { status: number; reason: string }[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    requests.push(url);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
      response.end(JSON.stringify(body));
    };
    const failure = failures.shift();
    if (failure) {
      json(failure.status, {
        error: {
          code: failure.status,
          message: `The request cannot be completed: ${failure.reason}`,
          errors: [{ message: failure.reason, domain: 'youtube.quota', reason: failure.reason }],
        },
      });
      return;
    }
    if (url.pathname !== '/youtube/v3/videos') {
      json(404, { error: { code: 404, message: 'Not Found', errors: [{ reason: 'notFound' }] } });
      return;
    }
    const items = url.searchParams
      .getAll('id')
      .flatMap((id) => id.split(','))
      .flatMap((id) => {
        const video = videos.get(id);
        if (!video) return [];
        return [
          {
            kind: 'youtube#video',
            etag: `etag-${id}`,
            id,
            snippet: {
              publishedAt: video.publishedAt,
              channelId: video.channelId,
              title: video.title,
              description: '',
              thumbnails: {},
              channelTitle: 'Canal',
              liveBroadcastContent: 'none',
            },
            status: {
              uploadStatus: video.uploadStatus,
              privacyStatus: video.privacyStatus,
              license: 'youtube',
              embeddable: true,
            },
            ...(video.actualStartTime ? { liveStreamingDetails: { actualStartTime: video.actualStartTime } } : {}),
          },
        ];
      });
    json(200, {
      kind: 'youtube#videoListResponse',
      etag: 'e',
      items,
      pageInfo: { totalResults: items.length, resultsPerPage: items.length },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    videos,
    requests,
    failNext: (status, reason) => failures.push({ status, reason }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
