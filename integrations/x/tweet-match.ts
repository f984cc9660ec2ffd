/** A tweet as X's API v2 shows it, with the fields that let the bot recognise its own text. */
export interface ShownTweet {
  id: string;
  text: string;
  created_at?: string;
  entities?: { urls?: { url: string; expanded_url?: string }[] };
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/**
 * A URL compared loosely: X's `expanded_url` adds the scheme the author left out (`ejemplo.gob.ec`
 * comes back as `http://ejemplo.gob.ec`) and may add or drop a final slash.
 */
function looseUrl(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
}

const URL_PATTERN = /\b(?:https?:\/\/)?(?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,}(?:\/[^\s]*)?/giu;

/** Whitespace collapsed, Unicode composed, every URL in its loose form. */
function comparable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(URL_PATTERN, (url) => looseUrl(url));
}

/**
 * The text the author sent, recovered from what X shows: each `https://t.co/…` back to its
 * `expanded_url`, and `&amp;`, `&lt;`, `&gt;` back to `&`, `<`, `>`.
 */
export function textAsSent(tweet: ShownTweet): string {
  let text = tweet.text;
  for (const url of tweet.entities?.urls ?? []) {
    if (url.expanded_url) text = text.split(url.url).join(url.expanded_url);
  }
  return text.replace(/&(amp|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** Whether X's tweet is this text, as the bot sent it. */
export function isSameTweet(sent: string, shown: ShownTweet): boolean {
  return comparable(sent) === comparable(textAsSent(shown));
}

/** X shows `created_at` to the second: a tweet in the claim's second counts as after it. */
export function createdSince(shown: ShownTweet, since: Date): boolean {
  if (!shown.created_at) return false;
  return Date.parse(shown.created_at) >= Math.floor(since.getTime() / 1000) * 1000;
}
