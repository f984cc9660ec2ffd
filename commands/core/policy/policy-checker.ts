import { distance } from 'fastest-levenshtein';
import twitterText from 'twitter-text';
import { foldWord } from './normalize.js';
import { findProfanity } from './profanity-matcher.js';
import { findMisspellings, isKnownWord, type Speller } from './spelling.js';

export type { Speller } from './spelling.js';

/** The institute's social-media rules a machine can check (PRODUCT.md), plus X's length limit. */
export type PolicyRule = 2 | 4 | 10 | 11 | 12 | 'longitud';
export const POLICY_RULES: readonly PolicyRule[] = [2, 4, 10, 11, 12, 'longitud'];
export const DEFAULT_BLOCKING_RULES: readonly PolicyRule[] = [2, 11, 12, 'longitud'];

export type PolicyFinding =
  | { rule: 2; code: 'profanity'; words: string[] }
  | { rule: 4; code: 'external_link'; hosts: string[] }
  | { rule: 10; code: 'spelling'; words: { word: string; suggestions: string[] }[] }
  | { rule: 11; code: 'all_caps' }
  | { rule: 12; code: 'duplicate'; previousAt: Date }
  | { rule: 12; code: 'too_many'; count: number; minutes: number }
  | { rule: 'longitud'; code: 'too_long'; weightedLength: number };

export type RatedFinding = PolicyFinding & { severity: 'block' | 'warn' };

export interface PolicyInput {
  text: string;
  institutionalDomains: readonly string[];
  /**
   * The institution's own pages on other sites, as a host and path ("youtube.com/@IESSec",
   * "facebook.com/IESSec"): links under them are the institution's, not an external organisation's.
   */
  institutionalLinks?: readonly string[];
  /** Roster unit and province names, the campaign file's words: never spelling mistakes (nor insults). */
  knownWords?: ReadonlySet<string>;
  /** Recent tweets of the account (rule 12: nothing the same or nearly the same). */
  recentTweets?: readonly { text: string; at: Date }[];
  /** Tweets already published or queued for the same event in the last `rateWindowMinutes`. */
  eventTweetsInWindow?: number;
  maxTweetsPerEvent?: number;
  rateWindowMinutes?: number;
  blockingRules?: readonly PolicyRule[];
}

export const X_MAX_WEIGHTED_LENGTH = 280;
const NEAR_DUPLICATE_SIMILARITY = 0.9;
/** Link shorteners hide where a link goes, so they count as external whatever they point to. */
const SHORTENERS = new Set([
  'bit.ly',
  't.co',
  'goo.gl',
  'tinyurl.com',
  'ow.ly',
  'buff.ly',
  'is.gd',
  'cutt.ly',
  'rebrand.ly',
]);
/** At least this many letters before "mostly capitals" means shouting rather than an acronym. */
const MIN_LETTERS_FOR_CAPS = 12;
const CAPS_SHARE = 0.7;

function withoutLinks(text: string): string {
  let rest = text;
  for (const url of twitterText.extractUrls(text)) rest = rest.split(url).join(' ');
  return rest;
}

/** The text without links, hashtags and mentions: what the spelling and capitals rules read. */
function proseOf(text: string): string {
  return (
    withoutLinks(text)
      .replace(/[^\s@]+@[^\s@]+\.[^\s@]+/gu, ' ')
      .replace(/(?<![\p{L}\p{N}_])[#@][\p{L}\p{N}_]+/gu, ' ')
      // "tod@s", "afiliad@s": a gender-inclusive ending, read as the masculine for spelling.
      .replace(/(?<=\p{L})@(?=s?(?!\p{L}))/gu, 'o')
  );
}

/** A host on one of the institutional domains or their subdomains; a link shortener never is. */
export function isInstitutional(host: string, domains: readonly string[]): boolean {
  const bare = host.toLowerCase().replace(/^www\./, '');
  if (SHORTENERS.has(bare)) return false;
  return domains.some((domain) => {
    const wanted = domain.toLowerCase().replace(/^www\./, '');
    return bare === wanted || bare.endsWith(`.${wanted}`);
  });
}

/** Whether a link is under one of the institution's own pages on another site. */
export function isInstitutionalPage(url: string, pages: readonly string[]): boolean {
  const bare = url
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^(www\.|m\.)/, '');
  return pages.some((page) => {
    const wanted = page
      .toLowerCase()
      .replace(/^[a-z]+:\/\//, '')
      .replace(/^www\./, '')
      .replace(/\/+$/, '');
    return bare === wanted || (bare.startsWith(wanted) && /^[/?#&]/.test(bare.slice(wanted.length)));
  });
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(/^[a-z]+:\/\//i.test(url) ? url : `https://${url}`).hostname;
  } catch {
    return undefined;
  }
}

function similarity(a: string, b: string): number {
  const left = foldWord(a).replace(/\s+/g, ' ').trim();
  const right = foldWord(b).replace(/\s+/g, ' ').trim();
  const longest = Math.max(left.length, right.length);
  return longest === 0 ? 1 : 1 - distance(left, right) / longest;
}

/**
 * Checks one text against the machine-checkable rules. Every finding names its rule; which ones
 * block and which warn is configurable (`blockingRules`), rule 4 always needs the Directorate.
 */
export function checkPolicy(
  input: PolicyInput,
  speller: Speller,
): { weightedLength: number; findings: RatedFinding[] } {
  const findings: PolicyFinding[] = [];
  const prose = proseOf(input.text);
  // Hashtags may hold an insult too; the matcher skips links, mentions and e-mail addresses itself.
  const rude = findProfanity(withoutLinks(input.text), (word) => isKnownWord(word, speller, input.knownWords));
  if (rude.length) findings.push({ rule: 2, code: 'profanity', words: rude });

  const external = twitterText
    .extractUrls(input.text)
    // twitter-text reads "1.er" (an ordinal) as a link to the .er domain; no site is named by a number.
    .filter((url) => !/^\d+\.\p{L}+$/u.test(url))
    .filter((url) => !isInstitutionalPage(url, input.institutionalLinks ?? []))
    .map(hostOf)
    .filter((host): host is string => host !== undefined && !isInstitutional(host, input.institutionalDomains));
  if (external.length) findings.push({ rule: 4, code: 'external_link', hosts: [...new Set(external)] });

  const misspelt = findMisspellings(prose, speller, input.knownWords, new Set(rude));
  if (misspelt.length) findings.push({ rule: 10, code: 'spelling', words: misspelt });

  const letters = [...prose].filter((char) => /\p{L}/u.test(char));
  const capitals = letters.filter((char) => /\p{Lu}/u.test(char));
  if (letters.length >= MIN_LETTERS_FOR_CAPS && capitals.length / letters.length >= CAPS_SHARE) {
    findings.push({ rule: 11, code: 'all_caps' });
  }

  const previous = input.recentTweets?.find((tweet) => similarity(tweet.text, input.text) >= NEAR_DUPLICATE_SIMILARITY);
  if (previous) findings.push({ rule: 12, code: 'duplicate', previousAt: previous.at });
  const max = input.maxTweetsPerEvent;
  if (max !== undefined && (input.eventTweetsInWindow ?? 0) >= max) {
    findings.push({
      rule: 12,
      code: 'too_many',
      count: input.eventTweetsInWindow ?? 0,
      minutes: input.rateWindowMinutes ?? 60,
    });
  }

  const { weightedLength } = twitterText.parseTweet(input.text);
  if (weightedLength > X_MAX_WEIGHTED_LENGTH) findings.push({ rule: 'longitud', code: 'too_long', weightedLength });

  const blocking = new Set<PolicyRule>(input.blockingRules ?? DEFAULT_BLOCKING_RULES);
  return {
    weightedLength,
    findings: findings.map((finding) => ({ ...finding, severity: blocking.has(finding.rule) ? 'block' : 'warn' })),
  };
}

/**
 * Words of the roster and the campaign that the spelling rule must accept, in lower case. Accents
 * stay: "Rendición" in the campaign's name must not excuse "rendicion" in a tweet.
 */
export function knownWordsOf(texts: readonly string[]): Set<string> {
  return new Set(texts.flatMap((text) => [...text.matchAll(/\p{L}+/gu)].map((match) => match[0].toLowerCase())));
}
