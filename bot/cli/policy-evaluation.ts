import { readFileSync } from 'node:fs';
import type { Messages } from '../../commands/core/i18n/catalogue.js';
import {
  checkCorpus,
  MAX_FALSE_ALARM_RATE,
  MIN_RECALL,
  parseCorpus,
} from '../../commands/core/policy/evaluate-corpus.js';
import type { Speller } from '../../commands/core/policy/policy-checker.js';

/**
 * `npm run politica -- --evaluar corpus.txt`: the checker's recall per rule and its false alarms on
 * a labelled corpus, with what the campaign knows taken from the corpus itself (its «#!» lines), so
 * the numbers do not depend on the local database. Returns the lines to print and the exit code:
 * 0 when the targets are met, 1 when not, 2 when the corpus is malformed.
 */
export function evaluationReport(
  t: Messages,
  locale: string,
  file: string,
  speller: Speller,
): { lines: string[]; code: number } {
  const corpus = parseCorpus(readFileSync(file, 'utf8'));
  const words = t.policy.evaluation;
  if ('badLine' in corpus) return { lines: [words.badCorpus(file, corpus.badLine)], code: 2 };
  const evaluation = checkCorpus(corpus, speller);
  // Intl's percent style puts a no-break space before %, which grep and the tests do not expect.
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percent = { format: (share: number) => `${decimal.format(share * 100)} %` };
  const lines = [words.summary(evaluation.total, evaluation.clean)];
  for (const score of evaluation.rules) {
    lines.push(
      words.recall(words.ruleName(String(score.rule)), score.found, score.expected, percent.format(score.recall)),
    );
    lines.push(...score.missed.map((post) => words.missed(post.line, post.text)));
  }
  lines.push(
    words.falseAlarms(evaluation.falseAlarms.length, evaluation.clean, percent.format(evaluation.falseAlarmRate)),
  );
  for (const { post, findings } of evaluation.falseAlarms) {
    const rules = [...new Set(findings.map((finding) => words.ruleName(String(finding.rule))))].join(', ');
    lines.push(words.falseAlarm(post.line, post.text, rules));
  }
  lines.push(words.targets(percent.format(MIN_RECALL), percent.format(MAX_FALSE_ALARM_RATE), evaluation.meetsTargets));
  return { lines, code: evaluation.meetsTargets ? 0 : 1 };
}
