/**
 * Imperatives, infinitives and gerunds with pronouns joined to them ("Inscríbete", "Síganos",
 * "conectándose"): Spanish writes them as one word, and the Hunspell dictionary lists only some.
 * Such a word is correct when the verb form without the pronouns is a word and the written accent
 * follows the rule: the joined word carries one when its stress falls three or more syllables from
 * the end ("Inscríbete", "dámelo"), and none otherwise ("dame", "decirte").
 */
const PRONOUNS = ['me', 'te', 'se', 'nos', 'os', 'le', 'les', 'lo', 'la', 'los', 'las'];
const ACCENTS: Record<string, string> = { á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u' };

const isStrong = (char: string) => 'aeoáéóíú'.includes(char);
const isVowel = (char: string) => 'aeiouáéíóúü'.includes(char);

/** Syllables, counted by their vowels: two strong vowels, or an accented í or ú, split in two. */
function syllableCount(word: string): number {
  let count = 0;
  let previous: 'strong' | 'weak' | undefined;
  for (const char of word) {
    if (!isVowel(char)) {
      previous = undefined;
      continue;
    }
    const kind = isStrong(char) ? 'strong' : 'weak';
    if (previous === undefined || (previous === 'strong' && kind === 'strong')) count++;
    previous = kind;
  }
  return count;
}

/** How many syllables follow the stressed one in a word without a written accent. */
function syllablesAfterStress(word: string): number {
  const count = syllableCount(word);
  return /[aeiouns]$/.test(word) && count >= 2 ? 1 : 0;
}

/** The pronouns a word may end with: one or two ("te", "selo"), longest first. */
function pronounEndings(word: string): { stem: string; pronouns: number }[] {
  const endings: { stem: string; pronouns: number }[] = [];
  for (const first of PRONOUNS) {
    if (!word.endsWith(first)) continue;
    const rest = word.slice(0, -first.length);
    endings.push({ stem: rest, pronouns: 1 });
    for (const second of PRONOUNS) {
      if (rest.endsWith(second)) endings.push({ stem: rest.slice(0, -second.length), pronouns: 2 });
    }
  }
  return endings.filter((ending) => syllableCount(ending.stem) >= 1);
}

/** Whether `word` is a verb form with pronouns joined to it, correctly accented. */
export function isVerbWithPronouns(word: string, isWord: (word: string) => boolean): boolean {
  const lower = word.toLowerCase();
  for (const { stem, pronouns } of pronounEndings(lower)) {
    const accents = [...stem].filter((char) => ACCENTS[char]).length;
    if (accents > 1) continue;
    const plain = [...stem].map((char) => ACCENTS[char] ?? char).join('');
    // "vámonos", "sentémonos": the first person plural drops its s before "nos".
    const bases = lower.endsWith('monos') && pronouns === 1 ? [plain, `${plain}s`] : [plain];
    for (const base of bases) {
      if (!isWord(base)) continue;
      const needsAccent = syllablesAfterStress(base) + pronouns >= 2;
      if (needsAccent === (accents === 1)) return true;
    }
  }
  return false;
}
