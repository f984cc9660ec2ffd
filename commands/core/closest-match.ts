import { distance } from 'fastest-levenshtein';
import { normalizeWord } from './text.js';

/**
 * The candidate nearest to what the user typed, if it is near enough to be a typo:
 * at most a third of the word's length in edits (and at least one).
 */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  const typed = normalizeWord(input);
  if (!typed) return undefined;
  const limit = Math.max(1, Math.floor(typed.length / 3));
  let best: { candidate: string; score: number } | undefined;
  for (const candidate of candidates) {
    const normalized = normalizeWord(candidate);
    const score = normalized.startsWith(typed) && typed.length >= 3 ? 0.5 : distance(typed, normalized);
    if (score <= limit && (!best || score < best.score)) best = { candidate, score };
  }
  return best?.candidate;
}
