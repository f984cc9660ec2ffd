import { COMMON_NAMES, INSTITUTE_VOCABULARY, KICHWA_AND_PEOPLES, MEDICAL_SPECIALTIES } from './campaign-vocabulary.js';
import { ECUADOR_PLACES } from './ecuador-places.js';

const wordsOf = (list: string) => [...list.matchAll(/[\p{L}'-]+/gu)].map((match) => match[0].toLowerCase());

/** "cardiología" → cardiológico, cardiológicas, cardiólogo, cardiólogas… */
function specialtyForms(specialty: string): string[] {
  if (!specialty.endsWith('logía')) return [specialty];
  const stem = specialty.slice(0, -'logía'.length);
  return [specialty, ...['ico', 'ica', 'icos', 'icas', 'o', 'a', 'os', 'as'].map((ending) => `${stem}lóg${ending}`)];
}

/** Every word of the lists, in lower case, accents kept. */
export const CAMPAIGN_WORDS: ReadonlySet<string> = new Set([
  ...[ECUADOR_PLACES, KICHWA_AND_PEOPLES, INSTITUTE_VOCABULARY, COMMON_NAMES].flatMap(wordsOf),
  ...wordsOf(MEDICAL_SPECIALTIES).flatMap(specialtyForms),
]);
