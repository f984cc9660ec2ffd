import { describe, expect, it } from 'vitest';
import { parseYoutubeLink } from '../../../commands/core/youtube/parse-youtube-link.js';

describe('YouTube links', () => {
  it.each([
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s',
    'https://www.youtube.com/watch?feature=share&v=dQw4w9WgXcQ',
    'https://m.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://youtu.be/dQw4w9WgXcQ',
    'https://youtu.be/dQw4w9WgXcQ?si=AbCdEfGh12345',
    'youtu.be/dQw4w9WgXcQ',
    'https://www.youtube.com/live/dQw4w9WgXcQ?feature=shared',
    'https://www.youtube.com/shorts/dQw4w9WgXcQ',
    'https://www.youtube.com/embed/dQw4w9WgXcQ',
    '<https://www.youtube.com/watch?v=dQw4w9WgXcQ>',
  ])('reads the video id of %s', (link) => {
    expect(parseYoutubeLink(link)).toEqual({
      ok: true,
      value: { videoId: 'dQw4w9WgXcQ', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
    });
  });

  it.each([
    'https://www.youtube.com/@IESSec',
    'https://www.youtube.com/playlist?list=PLabcdefghijklmnop',
    'https://www.youtube.com/results?search_query=rendicion',
    'https://www.youtube.com/watch?v=short',
    'https://vimeo.com/123456789',
    'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
    'no es un enlace',
  ])('refuses %s', (link) => {
    const result = parseYoutubeLink(link);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_youtube_link');
  });
});
