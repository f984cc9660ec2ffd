// Expands the Spanish Hunspell dictionary (dictionary-es) with nspell into every form it accepts,
// packed as a sorted word list (packed-word-list.ts reads it). nspell's expansion takes about a
// second and 85 MB of heap, so it never runs in the bot's own heap: `npm run build` writes the list
// to a file the bot reads at start (writePackedFile), and without that file (tests, the CLIs run by
// tsx) expand-dictionary.worker.mjs runs it in a worker thread, whose heap is freed when it ends.
// Plain JavaScript so that the build script, the worker and the bot can all load it.
import { writeFileSync } from 'node:fs';
import dictionary from 'dictionary-es';
import nspell from 'nspell';

const LATIN1_MAX = 0xff;
/** The packed file: "RDW1", the number of words, the length of the text, the offsets, the text. */
export const PACKED_MAGIC = 'RDW1';
export const PACKED_HEADER_BYTES = 12;

/**
 * The Hunspell features a list of forms cannot express. dictionary-es 4.0.0 uses none; a newer
 * version that did would stop here, and the speller's tests, which load it, would say so.
 */
function unsupportedFeatures(speller) {
  const features = ['FORBIDDENWORD', 'ONLYINCOMPOUND', 'NOSUGGEST', 'KEEPCASE'].filter((flag) => speller.flags[flag]);
  if (speller.compoundRules.length > 0) features.push('COMPOUNDRULE');
  if (speller.conversion.in.length > 0 || speller.conversion.out.length > 0) features.push('ICONV/OCONV');
  return features;
}

/** Distinct Latin-1 words, sorted and packed: `{ bytes, offsets }`. Sorts `words` in place. */
export function packWords(words) {
  // The default sort compares UTF-16 code units: for Latin-1 text, the byte order the lookup uses.
  words.sort();
  let length = 0;
  for (const word of words) length += word.length;
  const bytes = new Uint8Array(length);
  const offsets = new Uint32Array(words.length + 1);
  let position = 0;
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    offsets[index] = position;
    for (let at = 0; at < word.length; at++) {
      const code = word.charCodeAt(at);
      if (code > LATIN1_MAX) throw new Error(`«${word}» has a character outside Latin-1`);
      bytes[position++] = code;
    }
  }
  offsets[words.length] = position;
  return { bytes, offsets };
}

/** Every form of dictionary-es, packed: `{ bytes, offsets }`. */
export function expandDictionary() {
  const speller = nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
  const unsupported = unsupportedFeatures(speller);
  if (unsupported.length > 0) throw new Error(`dictionary-es uses ${unsupported.join(', ')}`);
  return packWords(Object.keys(speller.data));
}

export function writePackedFile(path, { bytes, offsets }) {
  const header = Buffer.alloc(PACKED_HEADER_BYTES);
  header.write(PACKED_MAGIC, 0, 'latin1');
  header.writeUInt32LE(offsets.length - 1, 4);
  header.writeUInt32LE(bytes.length, 8);
  writeFileSync(path, Buffer.concat([header, Buffer.from(offsets.buffer), bytes]));
}
