import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packWords, writePackedFile } from '../../../commands/core/policy/expand-dictionary.mjs';
import { PackedWordList, readPackedFile } from '../../../commands/core/policy/packed-word-list.js';

const WORDS = ['rendición', 'rendir', 'rend', 'Quito', 'árbol', 'zona', 'a', 'ñandú', 'cuentas', 'cuenta'];
const directory = mkdtempSync(join(tmpdir(), 'rendicion-packed-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('a packed word list', () => {
  const list = new PackedWordList(packWords([...WORDS]));

  it('finds every word it was given, and only those', () => {
    expect(list.size).toBe(WORDS.length);
    for (const word of WORDS) expect(list.has(word), word).toBe(true);
    for (const word of [
      '',
      'rendicion',
      'Rendición',
      'rendició',
      'rendiciónes',
      'quito',
      'arbol',
      'zonas',
      'b',
      'cuent',
    ]) {
      expect(list.has(word), word).toBe(false);
    }
  });

  it('never finds a word with a character outside Latin-1, whatever its neighbours', () => {
    expect(list.has('rendición€')).toBe(false);
    expect(list.has('€')).toBe(false);
    expect(() => packWords(['euro€'])).toThrow(/Latin-1/);
  });

  it('answers an empty list', () => {
    expect(new PackedWordList(packWords([])).has('a')).toBe(false);
  });
});

describe('the packed file', () => {
  it('reads back the list it was written with', () => {
    const path = join(directory, 'words.packed');
    writePackedFile(path, packWords([...WORDS]));
    const packed = readPackedFile(readFileSync(path));
    expect(packed).toBeDefined();
    const list = new PackedWordList(packed as NonNullable<typeof packed>);
    expect(WORDS.every((word) => list.has(word))).toBe(true);
    expect(list.has('rendicion')).toBe(false);
  });

  it('is refused when it is not one, or cut short: the speller then expands the dictionary itself', () => {
    const path = join(directory, 'cut.packed');
    writePackedFile(path, packWords([...WORDS]));
    const whole = readFileSync(path);
    expect(readPackedFile(whole.subarray(0, whole.length - 1))).toBeUndefined();
    expect(readPackedFile(Buffer.from('not a word list at all'))).toBeUndefined();
    expect(readPackedFile(Buffer.alloc(0))).toBeUndefined();
  });
});
