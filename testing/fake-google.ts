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
export interface FakeSpreadsheet {
  values: string[][];
  writes: number;
  range: string;
  /** The ranges a `values:batchUpdate` wrote, in order; empty after a whole update. */
  lastRanges: string[];
}

export interface FakeGoogle {
  url: string;
  videos: Map<string, FakeVideo>;
  /** Playlist id → video ids, as the channel owner sees them. */
  playlists: Map<string, string[]>;
  /** Authorization headers of the playlist calls (the OAuth access token the bot got). */
  ownerAuthorizations: string[];
  /** Spreadsheet id → the values written to it, how many writes it got, and the ranges of the last one. */
  spreadsheets: Map<string, FakeSpreadsheet>;
  requests: URL[];
  failNext(status: number, reason: string): void;
  close(): Promise<void>;
}

export async function startFakeGoogle(): Promise<FakeGoogle> {
  const videos = new Map<string, FakeVideo>();
  const requests: URL[] = [];
  const failures: { status: number; reason: string }[] = [];
  const playlists = new Map<string, string[]>();
  const ownerAuthorizations: string[] = [];
  const spreadsheets = new Map<string, FakeSpreadsheet>();
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    requests.push(url);
    const body = await new Promise<string>((resolve) => {
      let text = '';
      request.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
      });
      request.on('end', () => resolve(text));
    });
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
      response.end(JSON.stringify(body));
    };
    if (request.method === 'POST' && url.pathname === '/token') {
      // The refresh-token grant: a short-lived access token, as Google's token endpoint answers.
      const form = new URLSearchParams(body);
      if (form.get('grant_type') !== 'refresh_token' || !form.get('refresh_token')) {
        json(400, { error: 'invalid_grant', error_description: 'Bad Request' });
        return;
      }
      json(200, {
        access_token: 'ya29.fake-access-token',
        expires_in: 3599,
        token_type: 'Bearer',
        scope: 'https://www.googleapis.com/auth/youtube',
      });
      return;
    }
    // Failures are YouTube's (quota, outage); the token endpoint keeps answering.
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
    const batch = /^\/v4\/spreadsheets\/([^/]+)\/values:batchUpdate$/.exec(url.pathname);
    if (batch?.[1] && request.method === 'POST') {
      const id = batch[1];
      const current = spreadsheets.get(id) ?? { values: [], writes: 0, range: '', lastRanges: [] };
      const { valueInputOption, data } = JSON.parse(body || '{}') as {
        valueInputOption?: string;
        data: { range: string; values: string[][] }[];
      };
      if (valueInputOption !== 'RAW') {
        json(400, { error: { code: 400, message: 'valueInputOption required', errors: [{ reason: 'badRequest' }] } });
        return;
      }
      const values = current.values.map((row) => [...row]);
      for (const entry of data) {
        // 'Sheet'!A12 → row 12 (1-based) of the sheet.
        const row = Number(/![A-Z]+(\d+)$/.exec(entry.range)?.[1]) - 1;
        entry.values.forEach((rowValues, offset) => {
          values[row + offset] = rowValues;
        });
      }
      spreadsheets.set(id, {
        values,
        writes: current.writes + 1,
        range: current.range,
        lastRanges: data.map((entry) => entry.range),
      });
      json(200, {
        spreadsheetId: id,
        totalUpdatedRows: data.length,
        responses: data.map((entry) => ({ updatedRange: entry.range })),
      });
      return;
    }
    const sheet = /^\/v4\/spreadsheets\/([^/]+)\/values\/(.+?)(:clear)?$/.exec(url.pathname);
    if (sheet?.[1] && sheet[2]) {
      const id = sheet[1];
      const range = decodeURIComponent(sheet[2]);
      const current = spreadsheets.get(id) ?? { values: [], writes: 0, range, lastRanges: [] };
      if (sheet[3]) {
        spreadsheets.set(id, { ...current, values: [] });
        json(200, { spreadsheetId: id, clearedRange: range });
        return;
      }
      if (url.searchParams.get('valueInputOption') !== 'RAW') {
        json(400, { error: { code: 400, message: 'valueInputOption required', errors: [{ reason: 'badRequest' }] } });
        return;
      }
      const { values } = JSON.parse(body || '{}') as { values: string[][] };
      spreadsheets.set(id, { values, writes: current.writes + 1, range, lastRanges: [] });
      json(200, {
        spreadsheetId: id,
        updatedRange: range,
        updatedRows: values.length,
        updatedColumns: values[0]?.length ?? 0,
        updatedCells: values.length * (values[0]?.length ?? 0),
      });
      return;
    }
    if (url.pathname === '/youtube/v3/playlistItems') {
      ownerAuthorizations.push(String(request.headers.authorization ?? ''));
      if (request.method === 'GET') {
        const playlistId = url.searchParams.get('playlistId') ?? '';
        const videoId = url.searchParams.get('videoId');
        const items = (playlists.get(playlistId) ?? [])
          .filter((id) => !videoId || id === videoId)
          .map((id) => ({
            kind: 'youtube#playlistItem',
            id: `item-${id}`,
            snippet: { playlistId, resourceId: { kind: 'youtube#video', videoId: id } },
          }));
        json(200, {
          kind: 'youtube#playlistItemListResponse',
          items,
          pageInfo: { totalResults: items.length, resultsPerPage: 50 },
        });
        return;
      }
      const snippet = (
        JSON.parse(body || '{}') as { snippet?: { playlistId?: string; resourceId?: { videoId?: string } } }
      ).snippet;
      const playlistId = snippet?.playlistId ?? '';
      const videoId = snippet?.resourceId?.videoId ?? '';
      playlists.set(playlistId, [...(playlists.get(playlistId) ?? []), videoId]);
      json(200, { kind: 'youtube#playlistItem', id: `item-${videoId}`, snippet });
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
    playlists,
    ownerAuthorizations,
    spreadsheets,
    requests,
    failNext: (status, reason) => failures.push({ status, reason }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
