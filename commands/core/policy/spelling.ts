import { isVerbWithPronouns } from './clitics.js';
import { isProfaneWord } from './profanity-matcher.js';
import { CAMPAIGN_WORDS } from './words/campaign-words.js';

export interface Speller {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

export interface Misspelling {
  word: string;
  suggestions: string[];
}

/**
 * Abbreviations as the institute writes them, with their period: titles (Dr., Ing., Abg., Mgs.),
 * addresses (Av., Cdla.), numbers (N.º, Nro., Núm.) and the like. Their period ends no sentence.
 */
const ABBREVIATIONS = new Set(
  `dr dra drs dras ing inga ings abg abgs ab lcdo lcda lic lcdos lcdas econ arq mgs mgtr msc phd sr sra srta srs sras
  tnlgo tnlga tlgo tlga odont psic enf obst prof profa mtr mtra gral crnl tte cap sgto pdte pdta vicepdte dir dirs
  av avda cdla urb mz km kms n nro nros no núm num pág págs tel telf ext etc aprox p ej art arts inc cía lit dpto
  ee uu vs min seg hrs hr`.split(/\s+/),
);

/** The days and months as written dates shorten them ("jue 17 sep", "… de nov"), with or without a period. */
const DATE_ABBREVIATIONS = new Set(
  'lun mar mié mie jue vie sáb sab dom ene feb abr may jun jul ago sep sept set oct nov dic'.split(' '),
);

/** Times as Ecuador writes them (11h15, 16H45, 9h00, 15 h), and numbers with letters glued on (4.ª, 1.er, 2do, 3ra, 10am). */
const NUMBER_WITH_LETTERS =
  /\p{N}+(?:[.,:]\p{N}+)*(?:\s?[hH]\s?\p{N}{2}(?!\p{N})|\.?[ºª°]|\.?\p{L}{1,3}(?!\p{L})|\s[hH](?!\p{L}))/gu;
const ABBREVIATION = /(?<![\p{L}\p{N}])(\p{L}+)\.(?:\s?(\p{L}+)\.)?[ºª]?/gu;
/** Replaces what it hides with this: not a letter, and no sentence ends on it. */
const HIDDEN = '\u0001';

const hide = (text: string) => HIDDEN.repeat(text.length);

/** Longer "words" are not words (a pasted code, a run of letters): suggestions for them are slow and useless. */
const MAX_SPELLED_WORD_LENGTH = 30;
/** IESS, BIESS, CPCCS: in a text all in capitals, longer words are words, and are spelled. */
const MAX_ACRONYM_LENGTH_IN_CAPITALS = 5;
/** Enough to show a person what to fix; a text with more has bigger problems. */
const MAX_MISSPELT_WORDS = 10;
const ACCENTED: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', n: 'ñ' };

/** The prose with times, ordinals and abbreviations hidden, so that no sentence seems to end on them. */
function withoutNumbersAndAbbreviations(prose: string): string {
  return prose.replace(NUMBER_WITH_LETTERS, hide).replace(ABBREVIATION, (match, first: string, second?: string) => {
    const known = [first, second].filter((part): part is string => part !== undefined);
    return known.every((part) => ABBREVIATIONS.has(part.toLowerCase()) || DATE_ABBREVIATIONS.has(part.toLowerCase()))
      ? hide(match)
      : match;
  });
}

/**
 * The most common slip in Spanish is a missing written accent ("sesion", "informacion"), so the
 * accented spellings that are words come first, then the dictionary's own suggestions. None is
 * ever an insult (a stretched insult must not get its plain spelling proposed).
 */
function suggestionsFor(word: string, speller: Speller): string[] {
  const accented = [...word]
    .map((char, index) => {
      const replacement = ACCENTED[char];
      return replacement ? `${word.slice(0, index)}${replacement}${word.slice(index + 1)}` : undefined;
    })
    .filter((candidate): candidate is string => candidate !== undefined && speller.correct(candidate));
  return [...new Set([...accented, ...speller.suggest(word)])]
    .filter((candidate) => !isProfaneWord(candidate))
    .slice(0, 3);
}

/**
 * Prefixes Spanish joins to any word (RAE: "reprogramar", "preinscripción", "coorganizar",
 * "teleconsulta"); the dictionary lists only some of the results.
 */
const PREFIXES =
  /^(re|pre|pos|post|tele|auto|co|inter|intra|sub|multi|micro|anti|semi|extra|pluri|contra|sobre|super|bi|tri|des|in)(\p{L}{4,})$/u;

/** A word of the dictionary, the campaign's word lists, a verb with pronouns joined to it, or a prefix and a word. */
export function isKnownWord(word: string, speller: Speller, knownWords?: ReadonlySet<string>): boolean {
  const lower = word.toLowerCase();
  const isListed = (candidate: string) =>
    CAMPAIGN_WORDS.has(candidate) || knownWords?.has(candidate) === true || DATE_ABBREVIATIONS.has(candidate);
  if (word.length === 1 || isListed(lower)) return true;
  const isWord = (candidate: string) =>
    speller.correct(candidate) || speller.correct(candidate.toLowerCase()) || isListed(candidate.toLowerCase());
  if (isWord(word) || isVerbWithPronouns(word, isWord)) return true;
  const prefixed = PREFIXES.exec(lower)?.[2];
  return prefixed !== undefined && (isWord(prefixed) || isVerbWithPronouns(prefixed, isWord));
}

/**
 * Words the dictionary accepts that, in an institute's posts, are almost always a missing accent:
 * "ademas" (a mining verb) is "además", "mas" (a literary "but") is "más", and "esta" before
 * "en", "disponible" or a masculine participle ("esta programado") is "está".
 */
function missingAccent(word: string, next: string | undefined): string | undefined {
  const lower = word.toLowerCase();
  const capitalised = (fixed: string) => (/^\p{Lu}/u.test(word) ? fixed[0]?.toUpperCase() + fixed.slice(1) : fixed);
  if (lower === 'ademas') return capitalised('además');
  if (lower === 'mas') return capitalised('más');
  const following = next?.toLowerCase();
  if (
    (lower === 'esta' || lower === 'estan') &&
    following !== undefined &&
    (/^(en|disponibles?|abiert[oa]s?|list[oa]s?)$/.test(following) || /[^aeiou][ai]dos?$/.test(following))
  ) {
    return capitalised(lower === 'esta' ? 'está' : 'están');
  }
  return undefined;
}

/**
 * Rule 10: the words of the prose (links, hashtags and mentions already out) that are not Spanish
 * as the institute writes it. Acronyms, proper names in mid-sentence and `skip` (the insults, which
 * rule 2 reports) are not looked at.
 */
export function findMisspellings(
  prose: string,
  speller: Speller,
  knownWords: ReadonlySet<string> | undefined,
  skip: ReadonlySet<string>,
): Misspelling[] {
  // An insult is rule 2's; hidden whole, so that "ch1ngadera" does not leave "ngadera" to spell.
  let text = withoutNumbersAndAbbreviations(prose);
  for (const insult of skip) text = text.split(insult).join(hide(insult));
  const words = [...text.matchAll(/\p{L}+(?:['’]\p{L}+)*/gu)];
  // In a text written in capitals every word looks like an acronym: only the short ones are taken for one.
  const isShouting = words.filter((match) => /^\p{Lu}{2,}$/u.test(match[0])).length > words.length / 2;
  const misspelt: Misspelling[] = [];
  for (const [position, match] of words.entries()) {
    const word = match[0];
    const before = text.slice(0, match.index).trimEnd();
    const startsSentence = before === '' || /[.!?¡¿:…]$/.test(before);
    const isAcronym =
      word.length >= 2 &&
      /^\p{Lu}+s?$/u.test(word) &&
      /\p{Lu}{2}/u.test(word) &&
      (!isShouting || word.length <= MAX_ACRONYM_LENGTH_IN_CAPITALS);
    const isProperName = !startsSentence && /^\p{Lu}/u.test(word) && !isShouting;
    if (isAcronym || isProperName || word.length > MAX_SPELLED_WORD_LENGTH || skip.has(word)) continue;
    if (misspelt.length >= MAX_MISSPELT_WORDS) break;
    const accented = missingAccent(word, words[position + 1]?.[0]);
    if (accented === undefined && isKnownWord(word, speller, knownWords)) continue;
    if (!misspelt.some((entry) => entry.word === word)) {
      misspelt.push({ word, suggestions: accented ? [accented] : suggestionsFor(word, speller) });
    }
  }
  return misspelt;
}
