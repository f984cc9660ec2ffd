import { readFileSync } from 'node:fs';
import dictionary from 'dictionary-es';
import nspell from 'nspell';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Speller } from '../../../commands/core/policy/policy-checker.js';
import { loadSpanishSpeller } from '../../../commands/core/policy/spanish-speller.js';

// The speller keeps the dictionary's forms packed instead of nspell's own table (a tenth of the
// memory). It must answer exactly as nspell with the whole dictionary loaded does.
let packed: Speller;
let whole: Speller;
beforeAll(async () => {
  packed = await loadSpanishSpeller();
  whole = nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
}, 30_000);

const CORRECT = [
  'rendición',
  'Rendición',
  'RENDICIÓN',
  'cuentas',
  'dámelo',
  'ciudadanía',
  'Quito',
  'Ecuador',
  'información',
];
const MISSPELT = [
  'rendicion',
  'acontesimiento',
  'ciudadania',
  'trasmision',
  'afiliadoss',
  'Pichinca',
  'RENDICION',
  'qito',
];

describe('the packed Spanish speller', () => {
  it.each([...CORRECT, ...MISSPELT, 'IESS', 'xyzqw', 'e-mail', ''])(
    'checks «%s» as nspell with the whole dictionary does',
    (word) => {
      expect(packed.correct(word)).toBe(whole.correct(word));
    },
  );

  it('accepts correct words, capitalised and in capitals, and refuses misspelt ones', () => {
    for (const word of CORRECT) expect(packed.correct(word), word).toBe(true);
    for (const word of MISSPELT) expect(packed.correct(word), word).toBe(false);
  });

  it.each(MISSPELT)('suggests for «%s» what nspell with the whole dictionary suggests', (word) => {
    const suggestions = packed.suggest(word);
    expect(suggestions).toEqual(whole.suggest(word));
    expect(suggestions.length).toBeGreaterThan(0);
  });

  it('suggests «rendición» for «rendicion»', () => {
    expect(packed.suggest('rendicion')).toEqual(['rendición']);
  });
});

// The packed speller hands nspell a Proxy as its private `data` table (spanish-speller.ts,
// lookupTable). These pin the nspell internals that depend on: if an upgrade changes them, these
// fail and name what to check, instead of the speller quietly accepting or refusing every word.
describe('the nspell internals the packed speller relies on', () => {
  it('is nspell 2.1.5, the version whose lookups were read (a new one: check that it still only reads data[word])', () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../../../node_modules/nspell/package.json', import.meta.url), 'utf8'),
    );
    expect(manifest.version).toBe('2.1.5');
  });

  it('finds a word only by reading data[word], so a Proxy with nothing but a get trap answers it', () => {
    const asked: string[] = [];
    const known = new Set(['hola', 'mundo']);
    const speller = nspell({
      aff: Buffer.from(dictionary.aff)
        .toString('utf8')
        .replace(/^(PFX|SFX)\s.*$/gm, ''),
    });
    Object.assign(speller, {
      data: new Proxy(Object.create(null), {
        get: (_target, key) => {
          if (typeof key === 'string') asked.push(key);
          return typeof key === 'string' && known.has(key) ? [] : undefined;
        },
      }),
    });
    expect(speller.correct('hola')).toBe(true);
    expect(speller.correct('Hola')).toBe(true);
    expect(speller.correct('holas')).toBe(false);
    expect(asked).toContain('hola');
    expect(speller.suggest('hloa')).toContain('hola');
  });
});
