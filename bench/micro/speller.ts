import { readFileSync } from 'node:fs';
import dictionary from 'dictionary-es';
import nspell from 'nspell';
import { loadSpanishSpeller } from '../../commands/core/policy/spanish-speller.js';
import { type AbResult, compare } from './ab.js';

export interface SpellerMeasure {
  results: AbResult[];
  /** Heap and buffers each speller holds after a full collection, in MB (NaN without --expose-gc). */
  heldMb: { packed: number; whole: number };
}

const gc = (globalThis as { gc?: () => void }).gc;
function heldNow(): number {
  if (!gc) return Number.NaN;
  gc();
  gc();
  const memory = process.memoryUsage();
  // `external` holds buffers, the packed list among them (`arrayBuffers` is part of it).
  return memory.heapUsed + memory.external;
}

/**
 * The speller the bot uses (nspell answering from the packed word list through a Proxy over its
 * private `data`) against nspell with the whole dictionary in its own table: checking the words of
 * the policy corpus, suggesting for a misspelt one, and the memory each holds.
 */
export async function measureSpeller(): Promise<SpellerMeasure> {
  const corpus = readFileSync(new URL('../../test/fixtures/politica-corpus.txt', import.meta.url), 'utf8');
  const words = [...new Set(corpus.match(/\p{L}+/gu) ?? [])].slice(0, 500);
  const before = heldNow();
  const packed = await loadSpanishSpeller();
  const withPacked = heldNow();
  const whole = nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
  const withBoth = heldNow();
  for (const word of words) {
    if (packed.correct(word) !== whole.correct(word)) throw new Error(`the spellers disagree on «${word}»`);
  }
  return {
    results: [
      compare(
        `speller: correct() over ${words.length} words of the policy corpus`,
        { label: 'packed + Proxy', run: () => words.filter((word) => packed.correct(word)).length },
        { label: "nspell's table", run: () => words.filter((word) => whole.correct(word)).length },
        5,
      ),
      compare(
        'speller: suggest() for «acontesimiento»',
        { label: 'packed + Proxy', run: () => packed.suggest('acontesimiento') },
        { label: "nspell's table", run: () => whole.suggest('acontesimiento') },
        5,
      ),
    ],
    heldMb: { packed: (withPacked - before) / 2 ** 20, whole: (withBoth - withPacked) / 2 ** 20 },
  };
}
