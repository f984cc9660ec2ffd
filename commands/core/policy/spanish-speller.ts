import { existsSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { PackedWordList, type PackedWords, readPackedFile } from './packed-word-list.js';
import type { Speller } from './policy-checker.js';

/** Written by `npm run build` next to the compiled speller (scripts/build.mjs). */
const PACKED_FILE = new URL('./dictionary-es.packed', import.meta.url);
const WORKER_URL = new URL('./expand-dictionary.worker.mjs', import.meta.url);

/**
 * The Hunspell Spanish dictionary (dictionary-es) through nspell, holding about 10 MB instead of 85:
 * every form the dictionary accepts, packed (expand-dictionary.mjs), and nspell's own checks and
 * suggestions looking words up in that list.
 */
export async function loadSpanishSpeller(): Promise<Speller> {
  const [words, { default: dictionary }, { default: nspell }] = await Promise.all([
    packedWords(),
    import('dictionary-es'),
    import('nspell'),
  ]);
  const speller = nspell({ aff: withoutAffixRules(dictionary.aff) });
  // nspell 2.1.5 finds a word only through `data[word]`: a truthy entry is a known word, and its
  // flags matter only for the Hunspell features expandDictionary refuses. The packed list answers it.
  Object.assign(speller, { data: lookupTable(new PackedWordList(words)) });
  return speller;
}

/** The compiled bot reads the list the build wrote; otherwise a worker thread expands it (about a second). */
function packedWords(): Promise<PackedWords> {
  const packed = existsSync(PACKED_FILE) ? readPackedFile(readFileSync(PACKED_FILE)) : undefined;
  return packed ? Promise.resolve(packed) : expandInWorker();
}

function expandInWorker(): Promise<PackedWords> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL);
    worker.once('message', (packed: PackedWords) => {
      resolve(packed);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`El diccionario de español terminó con el código ${code}.`)));
  });
}

/**
 * The affix file without its PFX and SFX rules, which only the expansion needs: what is left (the
 * replacement table, the letters to try, the keyboard) is what nspell's suggestions use.
 */
function withoutAffixRules(aff: Uint8Array): string {
  return Buffer.from(aff)
    .toString('utf8')
    .split('\n')
    .filter((line) => !/^(PFX|SFX)\s/.test(line))
    .join('\n');
}

const NO_FLAGS: readonly string[] = Object.freeze([]);

function lookupTable(words: PackedWordList): Record<string, readonly string[]> {
  return new Proxy(Object.create(null) as Record<string, readonly string[]>, {
    get: (_target, key) => (typeof key === 'string' && words.has(key) ? NO_FLAGS : undefined),
  });
}
