/**
 * Every written form of the words in profanity.ts, folded (lower case, no accents, ñ kept): a verb's
 * conjugations and imperatives with pronouns ("jódete" → "jodete"), a noun's gender, number,
 * diminutives and augmentatives. Folding drops the accents, so one form covers "jodío" and "jodio".
 */
import {
  ABBREVIATIONS,
  ENGLISH,
  GENDERED,
  INVARIABLE,
  LDNOOBW_EN,
  LDNOOBW_ES,
  NOT_INSULTS,
  PHRASES,
  VERBS,
} from './profanity.js';

/** Lower case without accents; ñ stays, it is a letter of its own. */
export function foldLetters(text: string): string {
  return [...text.toLowerCase()]
    .map((char) => (char === 'ñ' ? char : char.normalize('NFD').replace(/\p{M}/gu, '')))
    .join('');
}

const NOUN_ENDINGS_O = [
  'o',
  'a',
  'os',
  'as',
  'ito',
  'ita',
  'itos',
  'itas',
  'azo',
  'aza',
  'azos',
  'azas',
  'ote',
  'ota',
  'otes',
  'otas',
  'isimo',
  'isima',
];
const NOUN_ENDINGS_CONSONANT = ['', 'a', 'as', 'es', 'cito', 'cita', 'citos', 'citas', 'aza', 'azo', 'azos'];

/** "pendejo" → pendeja, pendejos, pendejito, pendejazo…; "cabrón" → cabrona, cabrones, cabroncito…; "pinche" → pinches. */
function genderedForms(word: string): string[] {
  const folded = foldLetters(word);
  if (/[oa]$/.test(folded)) return NOUN_ENDINGS_O.map((ending) => `${folded.slice(0, -1)}${ending}`);
  if (folded.endsWith('e')) return [folded, `${folded}s`];
  return NOUN_ENDINGS_CONSONANT.map((ending) => `${folded}${ending}`);
}

function invariableForms(word: string): string[] {
  const folded = foldLetters(word);
  return [folded, /[aeiou]$/.test(folded) ? `${folded}s` : `${folded}es`];
}

/** Before e, a stem's c, g and z are written qu, gu and c: "cague", "chingue". */
function beforeE(stem: string): string {
  return stem.replace(/c$/, 'qu').replace(/g$/, 'gu').replace(/z$/, 'c');
}

const AR_ENDINGS = [
  'o',
  'as',
  'a',
  'amos',
  'ais',
  'an',
  'aste',
  'asteis',
  'aron',
  'aba',
  'abas',
  'abamos',
  'aban',
  'are',
  'aras',
  'ara',
  'aremos',
  'aran',
  'aria',
  'arias',
  'ariamos',
  'arian',
  'ase',
  'ases',
  'asen',
  'ando',
  'ado',
  'ada',
  'ados',
  'adas',
  'ar',
];
const AR_ENDINGS_E = ['e', 'es', 'emos', 'eis', 'en'];
const ER_ENDINGS = [
  'o',
  'es',
  'e',
  'emos',
  'eis',
  'en',
  'a',
  'as',
  'amos',
  'ais',
  'an',
  'i',
  'iste',
  'io',
  'imos',
  'isteis',
  'ieron',
  'ia',
  'ias',
  'iamos',
  'ian',
  'ere',
  'eras',
  'era',
  'eremos',
  'eran',
  'eria',
  'erias',
  'eriamos',
  'erian',
  'iera',
  'ieras',
  'ieramos',
  'ieran',
  'iese',
  'iesen',
  'iendo',
  'ido',
  'ida',
  'idos',
  'idas',
  'er',
];
const CLITICS = [
  'me',
  'te',
  'se',
  'lo',
  'la',
  'le',
  'nos',
  'los',
  'las',
  'les',
  'melo',
  'mela',
  'telo',
  'tela',
  'selo',
  'sela',
];

/** Regular -ar and -er verbs (all of VERBS are): every simple tense, and with pronouns where Spanish joins them. */
function verbForms(infinitive: string): string[] {
  const verb = foldLetters(infinitive);
  const stem = verb.slice(0, -2);
  const forms: string[] = [];
  let withPronouns: string[];
  if (verb.endsWith('ar')) {
    forms.push(...AR_ENDINGS.map((ending) => `${stem}${ending}`));
    forms.push(...AR_ENDINGS_E.map((ending) => `${beforeE(stem)}${ending}`));
    forms.push(`${beforeE(stem)}e`, `${stem}o`);
    // imperatives (tú, usted, ustedes), infinitive, gerund
    withPronouns = [`${stem}a`, `${beforeE(stem)}e`, `${beforeE(stem)}en`, verb, `${stem}ando`];
  } else {
    forms.push(...ER_ENDINGS.map((ending) => `${stem}${ending}`));
    withPronouns = [`${stem}e`, `${stem}a`, `${stem}an`, verb, `${stem}iendo`];
  }
  for (const base of withPronouns) forms.push(...CLITICS.map((clitic) => `${base}${clitic}`));
  return forms;
}

const isPhrase = (entry: string) => /\s/.test(entry.trim());
const kept = (list: readonly string[]) => list.filter((entry) => !NOT_INSULTS.has(entry.toLowerCase()));

/** One-word Spanish insults, every form, folded. */
export function spanishWordForms(): Set<string> {
  return new Set([
    ...kept(LDNOOBW_ES)
      .filter((entry) => !isPhrase(entry))
      .flatMap(invariableForms),
    ...GENDERED.flatMap(genderedForms),
    ...INVARIABLE.flatMap(invariableForms),
    ...VERBS.flatMap(verbForms),
    ...ABBREVIATIONS,
  ]);
}

/** One-word English insults, as listed and with a plural s, folded. */
export function englishWordForms(): Set<string> {
  const words = [...kept(LDNOOBW_EN).filter((entry) => !isPhrase(entry)), ...ENGLISH].map(foldLetters);
  return new Set(words.flatMap((word) => [word, `${word}s`]));
}

/** Every one-word insult, Spanish and English. */
export function profaneWordForms(): Set<string> {
  return new Set([...spanishWordForms(), ...englishWordForms()]);
}

/** Insults of several words, folded, words separated by one space. */
export function profanePhrases(): string[] {
  return [...new Set([...kept(LDNOOBW_ES), ...kept(LDNOOBW_EN), ...PHRASES].filter(isPhrase).map(foldLetters))];
}
