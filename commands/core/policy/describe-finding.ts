import type { DateFormatter } from '../format-date.js';
import type { Messages } from '../i18n/catalogue.js';
import type { RatedFinding } from './policy-checker.js';

/** One finding as a sentence that names its rule, says why and how to fix it. */
export function describeFinding(t: Messages, dates: DateFormatter, finding: RatedFinding): string {
  switch (finding.code) {
    case 'profanity':
      return t.policy.profanity(finding.words.map((word) => `«${word}»`).join(', '));
    case 'external_link':
      return t.policy.externalLink(finding.hosts.join(', '));
    case 'spelling':
      return t.policy.spelling(
        finding.words.map((entry) => t.policy.suggestion(entry.word, entry.suggestions.join(', '))).join(', '),
      );
    case 'all_caps':
      return t.policy.allCaps;
    case 'duplicate':
      return t.policy.duplicate(dates.dateTime(finding.previousAt));
    case 'too_many':
      return t.policy.tooMany(finding.count, finding.minutes);
    case 'too_long':
      return t.policy.tooLong(finding.weightedLength);
  }
}

export function severityMark(finding: RatedFinding): string {
  return finding.severity === 'block' ? '⛔' : '⚠️';
}
