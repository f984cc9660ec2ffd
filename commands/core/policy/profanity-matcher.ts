import { SURNAMES_TOO } from './profanity.js';
import { foldLetters, profanePhrases, profaneWordForms, spanishWordForms } from './profanity-forms.js';

/**
 * Finds insults as people disguise them: digits and symbols for letters (c0ñ0, j0d@, $hit),
 * separators (p.u.t.a, p u t a, m*erda), stretched letters (mierdaaa) and spellings that sound
 * the same (weon, kbron, berga), alone or together. A word of the dictionary or of the campaign's
 * word list is innocent unless it is itself an insult ("reputado", "Zorrilla", "Pichincha" pass).
 */
const FORMS = profaneWordForms();
const PHRASES = profanePhrases();
/** Under four letters a sound-alike is a coincidence ("but" sounds like "butt"), not a disguise. */
const MIN_KEY_LENGTH = 4;

/** Spelling that sounds the same in Spanish reduced to one spelling: kabron, cabrón → kabron. */
function soundKey(folded: string): string {
  return folded
    .replace(/ch/g, '§')
    .replace(/ph/g, 'f')
    .replace(/qu(?=[ei])/g, 'k')
    .replace(/c(?=[ei])/g, 's')
    .replace(/c/g, 'k')
    .replace(/z/g, 's')
    .replace(/v/g, 'b')
    .replace(/w/g, 'gu')
    .replace(/hu(?=[aeio])/g, 'gu')
    .replace(/h/g, '')
    .replace(/ll/g, 'y')
    .replace(/§/g, 'ch')
    .replace(/(.)\1+/gu, '$1');
}

/** Sound-alikes follow Spanish spelling, so only Spanish insults have them ("sites" is not "shites"). */
const KEYS = new Set([...spanishWordForms()].map(soundKey).filter((key) => key.length >= MIN_KEY_LENGTH));
const consonantsOf = (key: string) => key.replace(/[aeiou]/g, '');
/**
 * Insults with vowels dropped ("kbron", "pndjo", "mrda"), by their consonants. A word matches one
 * only if it opens with two consonants, keeps at most one vowel, and is the insult with vowels
 * taken out: "marks" or "post" share consonants with insults but are not them with letters missing.
 */
const SKELETONS = new Map<string, string[]>();
for (const key of KEYS) {
  const skeleton = consonantsOf(key);
  if (skeleton.length >= 3) SKELETONS.set(skeleton, [...(SKELETONS.get(skeleton) ?? []), key]);
}
const MIN_VOWELLESS_LENGTH = 4;

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const char of long) if (char === short[at]) at++;
  return at === short.length;
}

function isInsultWithoutVowels(key: string): boolean {
  if (
    key.length < MIN_VOWELLESS_LENGTH ||
    /[aeiou]/.test(key.slice(0, 2)) ||
    (key.match(/[aeiou]/g) ?? []).length > 1
  ) {
    return false;
  }
  return (SKELETONS.get(consonantsOf(key)) ?? []).some((insult) => isSubsequence(key, insult));
}

/** Digits and symbols people type for letters; 1 and | may stand for i or l. */
const SWAPS: Record<string, string[]> = {
  '0': ['o'],
  '1': ['i', 'l'],
  '3': ['e'],
  '4': ['a'],
  '5': ['s'],
  '7': ['t'],
  '8': ['b'],
  '@': ['a', 'o'],
  $: ['s'],
  '!': ['i'],
  '|': ['l', 'i'],
  '€': ['e'],
};
const SEPARATORS = /[.\-_·•'´`~^",:;/\\+]/gu;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}@$|]+|[^\p{L}\p{N}@$*|!]+$/gu;

/** Every reading of a token with its symbols swapped for letters (at most a few dozen). */
function readings(token: string): string[] {
  let results = [''];
  for (const char of foldLetters(token)) {
    const options = SWAPS[char] ?? [char];
    results = results.flatMap((prefix) => options.map((option) => `${prefix}${option}`));
    if (results.length > 64) results = results.slice(0, 64);
  }
  return results;
}

function isProfaneReading(reading: string): boolean {
  if (FORMS.has(reading)) return true;
  const key = soundKey(reading);
  return key.length >= MIN_KEY_LENGTH && KEYS.has(key);
}

/** "m*erda": each * stands for one letter or none. */
function matchesMasked(token: string): boolean {
  const pattern = new RegExp(
    `^${foldLetters(token)
      .replace(/[^\p{L}*]/gu, '')
      .replace(/\*+/g, '\\p{L}{0,2}')}$`,
    'u',
  );
  for (const form of FORMS) if (pattern.test(form)) return true;
  return false;
}

/** Whether one token, as written, is an insult. `isWord` knows the dictionary and the campaign's words. */
function isRudeToken(token: string, isWord: (word: string) => boolean): boolean {
  const folded = foldLetters(token);
  if (FORMS.has(folded)) return true;
  if (/^\p{L}+$/u.test(token)) {
    if (isWord(token)) return false;
    const stretched = /(\p{L})\1\1/u.test(folded);
    if (
      stretched &&
      [folded.replace(/(\p{L})\1+/gu, '$1'), folded.replace(/(\p{L})\1\1+/gu, '$1$1')].some((form) => FORMS.has(form))
    ) {
      return true;
    }
    // A capitalised word that is not a dictionary word is a name, and one with capitals inside is an
    // acronym ("CLIs", "GADs"): only their exact spelling counts.
    if (/^\p{Lu}\p{Ll}+$/u.test(token) || (/\p{Lu}.*\p{Lu}/u.test(token) && /\p{Ll}/u.test(token))) return false;
    return isProfaneReading(folded) || isInsultWithoutVowels(soundKey(folded));
  }
  const letters = [...token.matchAll(/\p{L}/gu)].length;
  if (letters < 2) return false;
  // "p*ta", "m*erda": three letters at least, or markdown's "**Or**" would be an insult.
  if (token.includes('*') && letters >= 3 && matchesMasked(token)) return true;
  return readings(token.replace(SEPARATORS, '')).some(isProfaneReading);
}

/** "#NoMásPendejadas" → No, Más, Pendejadas. */
function hashtagParts(tag: string): string[] {
  return tag.slice(1).match(/\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})/gu) ?? [];
}

/** The insults in a text, as written there. */
export function findProfanity(text: string, isWord: (word: string) => boolean): string[] {
  const found: string[] = [];
  const rawTokens = text.split(/\s+/u).filter(Boolean);
  const tokens: string[] = [];
  for (const raw of rawTokens) {
    if (/^(https?:\/\/|www\.)|^@|\S+@\S+\.\S+/iu.test(raw)) {
      tokens.push('');
      continue;
    }
    if (raw.startsWith('#')) {
      found.push(...hashtagParts(raw.replace(EDGE_PUNCTUATION, '')).filter((part) => FORMS.has(foldLetters(part))));
      tokens.push('');
      continue;
    }
    const token = raw.replace(EDGE_PUNCTUATION, '');
    tokens.push(token);
    const previous = rawTokens[tokens.length - 2];
    const isSurname =
      previous !== undefined &&
      !/[.!?¡¿:]$/u.test(previous) &&
      /^\p{Lu}\p{Ll}+$/u.test(token) &&
      SURNAMES_TOO.includes(foldLetters(token));
    if (token && !isSurname && isRudeToken(token, isWord)) found.push(token);
  }
  // Letters typed one by one: "p u t a", "h. d. p."
  for (let start = 0; start < tokens.length; start++) {
    let end = start;
    while (end < tokens.length && [...(tokens[end] ?? '')].length === 1) end++;
    if (end - start >= 3) {
      const letters = tokens.slice(start, end).join('');
      if (readings(letters).some(isProfaneReading)) found.push(rawTokens.slice(start, end).join(' '));
    }
    start = end;
  }
  const words = ` ${foldLetters(text)
    .replace(/[^\p{L}ñ]+/gu, ' ')
    .trim()} `;
  for (const phrase of PHRASES) if (words.includes(` ${phrase} `)) found.push(phrase);
  return [...new Set(found)];
}

/** Whether a word, as a suggestion for a misspelling, would be an insult. */
export function isProfaneWord(word: string): boolean {
  return FORMS.has(foldLetters(word));
}
