import { type Parsed, parsed, parseError } from './errors.js';
import type { MeetingPlatform } from './parse-values.js';

/**
 * Where each platform's public links live. A link elsewhere (a shortener, a look-alike domain) would
 * send citizens who trust the institution's agenda somewhere nobody checked; the institution's own
 * domains are accepted too (a page of its website that embeds the stream).
 */
export const PLATFORM_DOMAINS: Readonly<Record<MeetingPlatform, readonly string[]>> = {
  zoom: ['zoom.us', 'zoom.com', 'zoomgov.com'],
  teams: ['teams.microsoft.com', 'teams.live.com'],
  meet: ['meet.google.com'],
  youtube: ['youtube.com', 'youtu.be'],
  webex: ['webex.com'],
  facebook: ['facebook.com', 'fb.watch'],
};

/** What a link of each platform looks like, for the message that refuses one. */
export const JOIN_URL_EXAMPLES: Readonly<Record<MeetingPlatform, string>> = {
  zoom: 'https://zoom.us/j/85012345678',
  teams: 'https://teams.microsoft.com/l/meetup-join/…',
  meet: 'https://meet.google.com/abc-defg-hij',
  youtube: 'https://www.youtube.com/live/abcdEFGH123',
  webex: 'https://iess.webex.com/meet/rendicion',
  facebook: 'https://www.facebook.com/iess/live',
};

const MAX_URL_LENGTH = 500;

/** `enlace=`: an https address of the session's platform or of an institutional domain. */
export function parseJoinUrl(
  input: string,
  platform: MeetingPlatform,
  institutionalDomains: readonly string[],
): Parsed<string> {
  const expected = [...PLATFORM_DOMAINS[platform], ...institutionalDomains];
  const refuse = () => parseError('invalid_join_url', { input, platform, domains: expected });
  let url: URL;
  try {
    url = new URL(input.trim().replace(/^<|>$/g, ''));
  } catch {
    return refuse();
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.href.length > MAX_URL_LENGTH) return refuse();
  const host = url.hostname.toLowerCase();
  if (!expected.some((domain) => host === domain.toLowerCase() || host.endsWith(`.${domain.toLowerCase()}`))) {
    return refuse();
  }
  return parsed(url.href);
}
