import { distance } from 'fastest-levenshtein';
import twitterText from 'twitter-text';
import { collapseRepeats, foldWord } from './normalize.js';
import { PROFANITY_EN, PROFANITY_ENDINGS, PROFANITY_ES } from './profanity.js';

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

export interface Speller {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

export interface PolicyInput {
  text: string;
  institutionalDomains: readonly string[];
  /** Roster unit and province names, the campaign's own words: never spelling mistakes. */
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
/** Longer "words" are not words (a pasted code, a run of letters): suggestions for them are slow and useless. */
const MAX_SPELLED_WORD_LENGTH = 30;
/** Enough to show a person what to fix; a text with more has bigger problems. */
const MAX_MISSPELT_WORDS = 10;

const PROFANITY = new Set(
  [...PROFANITY_ES, ...PROFANITY_EN].flatMap((word) =>
    PROFANITY_ENDINGS.map((ending) => collapseRepeats(foldWord(`${word}${ending}`))),
  ),
);

/** The text without links, hashtags and mentions: what the spelling and capitals rules read. */
function proseOf(text: string): string {
  const urls = twitterText.extractUrls(text);
  let prose = text;
  for (const url of urls) prose = prose.split(url).join(' ');
  return prose.replace(/[^\s@]+@[^\s@]+\.[^\s@]+/gu, ' ').replace(/[#@][\p{L}\p{N}_]+/gu, ' ');
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

const ACCENTED: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', n: 'ñ' };

/**
 * The most common slip in Spanish is a missing written accent ("sesion", "informacion"), so the
 * accented spellings that are words come first, then the dictionary's own suggestions.
 */
function suggestionsFor(word: string, speller: Speller): string[] {
  const accented = [...word]
    .map((char, index) => {
      const replacement = ACCENTED[char];
      return replacement ? `${word.slice(0, index)}${replacement}${word.slice(index + 1)}` : undefined;
    })
    .filter((candidate): candidate is string => candidate !== undefined && speller.correct(candidate));
  return [...new Set([...accented, ...speller.suggest(word)])].slice(0, 3);
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
  const words = [...prose.matchAll(/\p{L}+(?:['’]\p{L}+)*/gu)];

  const rude = [
    ...new Set(words.map((match) => match[0]).filter((word) => PROFANITY.has(collapseRepeats(foldWord(word))))),
  ];
  // Symbol swaps ("m1erd4", "$hit") are not letters, so they are looked for in the raw tokens too.
  for (const token of prose.split(/[\s.,;:¡!¿?()"“”«»]+/u)) {
    if (/[\d@$]/.test(token) && PROFANITY.has(collapseRepeats(foldWord(token)))) rude.push(token);
  }
  if (rude.length) findings.push({ rule: 2, code: 'profanity', words: [...new Set(rude)] });

  const external = twitterText
    .extractUrls(input.text)
    .map(hostOf)
    .filter((host): host is string => host !== undefined && !isInstitutional(host, input.institutionalDomains));
  if (external.length) findings.push({ rule: 4, code: 'external_link', hosts: [...new Set(external)] });

  const misspelt: { word: string; suggestions: string[] }[] = [];
  for (const match of words) {
    const word = match[0];
    const index = match.index ?? 0;
    const before = prose.slice(0, index).trimEnd();
    const startsSentence = before === '' || /[.!?¡¿:]$/.test(before);
    const isAcronym = word.length >= 2 && word === word.toUpperCase();
    const isProperName = !startsSentence && /^\p{Lu}/u.test(word);
    if (
      isAcronym ||
      isProperName ||
      word.length > MAX_SPELLED_WORD_LENGTH ||
      input.knownWords?.has(word.toLowerCase())
    ) {
      continue;
    }
    if (misspelt.length >= MAX_MISSPELT_WORDS) break;
    if (speller.correct(word) || speller.correct(word.toLowerCase())) continue;
    if (!misspelt.some((entry) => entry.word === word))
      misspelt.push({ word, suggestions: suggestionsFor(word, speller) });
  }
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
