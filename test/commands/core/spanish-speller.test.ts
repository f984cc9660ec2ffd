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
