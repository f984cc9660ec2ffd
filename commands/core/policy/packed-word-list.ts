/**
 * A sorted word list packed into one byte array, one byte per character (Latin-1), looked up by
 * binary search. The Spanish dictionary expands to about 657,000 forms: as the keys of a JS object
 * they hold about 85 MB of heap; packed they take about 10 MB. expand-dictionary.mjs packs it.
 */
import { PACKED_HEADER_BYTES, PACKED_MAGIC } from './expand-dictionary.mjs';

export interface PackedWords {
  /** The words' characters, back to back, sorted by character code. */
  bytes: Uint8Array;
  /** Where each word starts in `bytes`, plus one last entry: the end of the last word. */
  offsets: Uint32Array;
}

/** The list in the file `writePackedFile` wrote, or undefined if the file is not one. */
export function readPackedFile(file: Buffer): PackedWords | undefined {
  if (file.length < PACKED_HEADER_BYTES || file.toString('latin1', 0, 4) !== PACKED_MAGIC) return undefined;
  const count = file.readUInt32LE(4);
  const textLength = file.readUInt32LE(8);
  const offsetsEnd = PACKED_HEADER_BYTES + (count + 1) * 4;
  if (file.length !== offsetsEnd + textLength) return undefined;
  // Copied out of the file's buffer: a Uint32Array needs an aligned start, which a Buffer may lack.
  const offsets = new Uint32Array(
    file.buffer.slice(file.byteOffset + PACKED_HEADER_BYTES, file.byteOffset + offsetsEnd),
  );
  if (offsets[count] !== textLength) return undefined;
  return { offsets, bytes: new Uint8Array(file.buffer, file.byteOffset + offsetsEnd, textLength) };
}

export class PackedWordList {
  private readonly bytes: Uint8Array;
  private readonly offsets: Uint32Array;
  readonly size: number;

  constructor(packed: PackedWords) {
    this.bytes = packed.bytes;
    this.offsets = packed.offsets;
    this.size = packed.offsets.length - 1;
  }

  has(word: string): boolean {
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = this.compareWith(word, middle);
      if (order === 0) return true;
      if (order < 0) high = middle - 1;
      else low = middle + 1;
    }
    return false;
  }

  /** Negative when `word` sorts before entry `index`, positive after, 0 when equal. */
  private compareWith(word: string, index: number): number {
    const start = this.offsets[index] as number;
    const length = (this.offsets[index + 1] as number) - start;
    const common = Math.min(word.length, length);
    for (let at = 0; at < common; at++) {
      // A character outside Latin-1 compares above every byte, so such a word is never found.
      const difference = word.charCodeAt(at) - (this.bytes[start + at] as number);
      if (difference !== 0) return difference;
    }
    return word.length - length;
  }
}
