import { checkPolicy, knownWordsOf, type PolicyRule, type RatedFinding, type Speller } from './policy-checker.js';

/** The rules a corpus of single posts can measure (rule 12 needs the account's history). */
export const EVALUATED_RULES = [2, 4, 10, 11, 'longitud'] as const satisfies readonly PolicyRule[];
export type EvaluatedRule = (typeof EVALUATED_RULES)[number];

/** The targets of issue #16: at least 95 % of each rule's violations found, at most 2 % of clean posts flagged. */
export const MIN_RECALL = 0.95;
export const MAX_FALSE_ALARM_RATE = 0.02;

export interface LabelledPost {
  line: number;
  text: string;
  expected: EvaluatedRule[];
}

export interface Corpus {
  posts: LabelledPost[];
  institutionalDomains: string[];
  institutionalLinks: string[];
  knownWords: string[];
}

const RULE_LABELS: Record<string, EvaluatedRule> = { '2': 2, '4': 4, '10': 10, '11': 11, longitud: 'longitud' };

/**
 * Reads a labelled corpus: one post per line, «labels | text», labels being the rules it breaks
 * separated by commas or «-» when clean; «#» starts a comment, «#! dominios:», «#! enlaces:» and
 * «#! palabras:» say what the bot knows of the campaign. Returns the corpus or the line that is wrong.
 */
export function parseCorpus(source: string): Corpus | { badLine: number } {
  const corpus: Corpus = { posts: [], institutionalDomains: [], institutionalLinks: [], knownWords: [] };
  const lines = source.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const directive = /^#!\s*(dominios|enlaces|palabras):(.*)$/u.exec(line);
    if (directive) {
      const values = (directive[2] ?? '').split(/[\s,]+/).filter(Boolean);
      const key = directive[1];
      if (key === 'dominios') corpus.institutionalDomains.push(...values);
      else if (key === 'enlaces') corpus.institutionalLinks.push(...values);
      else corpus.knownWords.push(...values);
      continue;
    }
    if (line.trim() === '' || line.startsWith('#')) continue;
    const separator = line.indexOf(' | ');
    if (separator < 0) return { badLine: index + 1 };
    const labels = line.slice(0, separator).trim();
    const text = line.slice(separator + 3).trim();
    const expected = labels === '-' ? [] : labels.split(',').map((label) => RULE_LABELS[label.trim()]);
    if (text === '' || expected.some((rule) => rule === undefined)) return { badLine: index + 1 };
    corpus.posts.push({ line: index + 1, text, expected: expected as EvaluatedRule[] });
  }
  return corpus;
}

export interface RuleScore {
  rule: EvaluatedRule;
  expected: number;
  found: number;
  recall: number;
  missed: LabelledPost[];
}

export interface Evaluation {
  total: number;
  clean: number;
  rules: RuleScore[];
  falseAlarms: { post: LabelledPost; findings: RatedFinding[] }[];
  falseAlarmRate: number;
  meetsTargets: boolean;
}

/** Runs the checker over every post: recall per rule, and how many clean posts got any finding. */
export function evaluateCorpus(corpus: Corpus, check: (text: string) => RatedFinding[]): Evaluation {
  const results = corpus.posts.map((post) => ({ post, findings: check(post.text) }));
  const rules = EVALUATED_RULES.map((rule): RuleScore => {
    const labelled = results.filter(({ post }) => post.expected.includes(rule));
    const missed = labelled.filter(({ findings }) => !findings.some((finding) => finding.rule === rule));
    const found = labelled.length - missed.length;
    return {
      rule,
      expected: labelled.length,
      found,
      recall: labelled.length === 0 ? 1 : found / labelled.length,
      missed: missed.map(({ post }) => post),
    };
  });
  const clean = results.filter(({ post }) => post.expected.length === 0);
  const falseAlarms = clean.filter(({ findings }) => findings.length > 0);
  const falseAlarmRate = clean.length === 0 ? 0 : falseAlarms.length / clean.length;
  return {
    total: results.length,
    clean: clean.length,
    rules,
    falseAlarms,
    falseAlarmRate,
    meetsTargets:
      rules.every((score) => score.expected > 0 && score.recall >= MIN_RECALL) &&
      falseAlarmRate <= MAX_FALSE_ALARM_RATE,
  };
}

/** Runs the policy checker over every post of the corpus, with the corpus's own word and link lists. */
export function checkCorpus(corpus: Corpus, speller: Speller): Evaluation {
  const knownWords = knownWordsOf(corpus.knownWords);
  return evaluateCorpus(
    corpus,
    (text) =>
      checkPolicy(
        {
          text,
          institutionalDomains: corpus.institutionalDomains,
          institutionalLinks: corpus.institutionalLinks,
          knownWords,
        },
        speller,
      ).findings,
  );
}
