/** Digits and symbols people type for letters to slip past a filter: m1erd4, $hit, p@ja. */
const SWAPS: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};

/** Lower case, no accents (ñ kept: it is a letter of its own), symbol swaps undone. */
export function foldWord(word: string): string {
  return [...word.toLowerCase()]
    .map((char) => SWAPS[char] ?? (char === 'ñ' ? char : char.normalize('NFD').replace(/\p{M}/gu, '')))
    .join('');
}
