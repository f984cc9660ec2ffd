import { type Parsed, parsed, parseError } from '../errors.js';

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_HOSTS = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'music.youtube.com',
  'youtube-nocookie.com',
  'www.youtube-nocookie.com',
]);

/**
 * The usual forms of a YouTube video link: `watch?v=ID`, `youtu.be/ID`, `live/ID`, `shorts/ID`,
 * `embed/ID`, with or without `www.`/`m.` and extra parameters (`&t=42s`, `?si=…`). Anything else is
 * refused: a channel, a playlist, a search, another site.
 */
export function parseYoutubeLink(input: string): Parsed<{ videoId: string; url: string }> {
  const raw = input.trim().replace(/^<|>$/g, '');
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return parseError('invalid_youtube_link', { input });
  }
  const host = url.hostname.toLowerCase();
  let videoId: string | undefined;
  if (host === 'youtu.be') {
    videoId = url.pathname.split('/')[1];
  } else if (YOUTUBE_HOSTS.has(host)) {
    const [first, second] = url.pathname.split('/').filter(Boolean);
    if (first === 'watch') videoId = url.searchParams.get('v') ?? undefined;
    else if (first && ['live', 'shorts', 'embed', 'v'].includes(first)) videoId = second;
  }
  if (!videoId || !VIDEO_ID.test(videoId)) return parseError('invalid_youtube_link', { input });
  return parsed({ videoId, url: `https://www.youtube.com/watch?v=${videoId}` });
}
