import type { Speller } from './policy-checker.js';

/**
 * The Hunspell Spanish dictionary (dictionary-es) through nspell. Loading it takes about a second,
 * so it is loaded once at start-up and passed down.
 */
export async function loadSpanishSpeller(): Promise<Speller> {
  const [{ default: dictionary }, { default: nspell }] = await Promise.all([import('dictionary-es'), import('nspell')]);
  return nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
}
