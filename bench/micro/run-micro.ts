import { parseArgs } from 'node:util';
import { type AbResult, describe } from './ab.js';
import { measureDates } from './dates.js';
import { measureLimit } from './limit.js';
import { measureSnapshot } from './snapshot.js';
import { measureSpeller } from './speller.js';
import { measureTokenizer } from './tokenizer.js';

/**
 * `npm run bench:micro [-- --only dates,snapshot,tokenizer,limit,speller]`: the A/B measurements
 * behind each "plain unless measured" choice of docs/benchmarks.md. A is the code as it is.
 */
const PARTS = {
  dates: measureDates,
  snapshot: measureSnapshot,
  tokenizer: measureTokenizer,
  limit: measureLimit,
  speller: async () => {
    const { results, heldMb } = await measureSpeller();
    const held = `speller: memory held after a full collection: packed + Proxy ${heldMb.packed.toFixed(1)} MB, nspell's table ${heldMb.whole.toFixed(1)} MB`;
    return [...results, held];
  },
} satisfies Record<string, () => AbResult[] | Promise<(AbResult | string)[]>>;

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const names = values.only?.split(',') ?? Object.keys(PARTS);
for (const name of names) {
  const part = PARTS[name as keyof typeof PARTS];
  if (!part) throw new Error(`--only takes ${Object.keys(PARTS).join(', ')} (comma-separated), not "${name}"`);
  for (const line of await part()) console.log(typeof line === 'string' ? line : describe(line));
}
