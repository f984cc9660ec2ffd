import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Corpus,
  checkCorpus,
  EVALUATED_RULES,
  MAX_FALSE_ALARM_RATE,
  MIN_RECALL,
  parseCorpus,
} from '../../../commands/core/policy/evaluate-corpus.js';
import type { Speller } from '../../../commands/core/policy/policy-checker.js';
import { loadSpanishSpeller } from '../../../commands/core/policy/spanish-speller.js';
import { repoPath } from '../../helpers/run-process.js';

// Issue #16's targets, measured on the labelled corpus of institutional posts in test/fixtures.
let speller: Speller;
let corpus: Corpus;
beforeAll(async () => {
  speller = await loadSpanishSpeller();
  const parsed = parseCorpus(readFileSync(repoPath('test/fixtures/politica-corpus.txt'), 'utf8'));
  if ('badLine' in parsed) throw new Error(`politica-corpus.txt: bad line ${parsed.badLine}`);
  corpus = parsed;
}, 30_000);

function evaluate() {
  return checkCorpus(corpus, speller);
}

describe('the labelled corpus', () => {
  it('has at least 300 posts, mostly clean, and every rule it measures represented', () => {
    expect(corpus.posts.length).toBeGreaterThanOrEqual(300);
    const clean = corpus.posts.filter((post) => post.expected.length === 0).length;
    expect(clean).toBeGreaterThan(corpus.posts.length / 2);
    for (const rule of EVALUATED_RULES) {
      expect(corpus.posts.filter((post) => post.expected.includes(rule)).length, `rule ${rule}`).toBeGreaterThanOrEqual(
        10,
      );
    }
  });

  it(`finds at least ${MIN_RECALL * 100} % of each rule's violations and flags at most ${MAX_FALSE_ALARM_RATE * 100} % of clean posts`, () => {
    const evaluation = evaluate();
    for (const score of evaluation.rules) {
      expect(
        score.recall,
        `rule ${score.rule} missed lines ${score.missed.map((post) => post.line).join(', ')}`,
      ).toBeGreaterThanOrEqual(MIN_RECALL);
    }
    expect(
      evaluation.falseAlarmRate,
      `false alarms on lines ${evaluation.falseAlarms.map(({ post }) => post.line).join(', ')}`,
    ).toBeLessThanOrEqual(MAX_FALSE_ALARM_RATE);
    expect(evaluation.meetsTargets).toBe(true);
  });
});

describe('parseCorpus', () => {
  it('reads labels, directives and comments, and names the first malformed line', () => {
    const parsed = parseCorpus(
      '# comentario\n#! dominios: iess.gob.ec gob.ec\n#! palabras: Quitumbe\n- | Texto limpio.\n2,10 | Texto malo.\n',
    );
    expect(parsed).toEqual({
      posts: [
        { line: 4, text: 'Texto limpio.', expected: [] },
        { line: 5, text: 'Texto malo.', expected: [2, 10] },
      ],
      institutionalDomains: ['iess.gob.ec', 'gob.ec'],
      institutionalLinks: [],
      knownWords: ['Quitumbe'],
    });
    expect(parseCorpus('- | Bien.\n12 | Regla que no se mide.\n')).toEqual({ badLine: 2 });
    expect(parseCorpus('sin etiquetas\n')).toEqual({ badLine: 1 });
  });
});
