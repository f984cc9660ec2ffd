import { tokenize } from '../../commands/core/parse-invocation.js';
import { type AbResult, compare } from './ab.js';

const QUOTE_PAIRS: Record<string, string> = { '"': '"', "'": "'", '“': '”', '”': '”', '«': '»', '‘': '’' };
const WHITESPACE = /\s/u;

/**
 * The tokenizer's former copy-once trick, kept here only to measure: a token is the text gathered
 * before `runStart` plus the run of characters since, copied once by slice when a quote or a space
 * ends it, instead of a new string per character.
 */
function tokenizeCopyOnce(input: string): { value: string; quoted: boolean }[] | null {
  const tokens: { value: string; quoted: boolean }[] = [];
  let current = '';
  let runStart = 0;
  let at = 0;
  let inToken = false;
  let quoted = false;
  let closing: string | null = null;
  for (const char of input) {
    const next = at + char.length;
    if (closing !== null) {
      if (char === closing || (closing === '”' && char === '"')) {
        current += input.slice(runStart, at);
        runStart = next;
        closing = null;
      }
      at = next;
      continue;
    }
    if (WHITESPACE.test(char)) {
      if (inToken) tokens.push({ value: current + input.slice(runStart, at), quoted });
      current = '';
      runStart = next;
      inToken = false;
      quoted = false;
      at = next;
      continue;
    }
    const close = QUOTE_PAIRS[char];
    if (close !== undefined && !(char === "'" && inToken)) {
      current += input.slice(runStart, at);
      runStart = next;
      closing = close;
      if (!inToken) quoted = true;
      inToken = true;
      at = next;
      continue;
    }
    inToken = true;
    at = next;
  }
  if (closing !== null) return null;
  if (inToken) tokens.push({ value: current + input.slice(runStart), quoted });
  return tokens;
}

const TYPICAL = 'registrar PIC-DP 15/09/2026 10:00 zoom sala="Auditorio principal" video=si asistentes=120';
const LONG = `tuit PIC-DP "${'Comienza la rendición de cuentas de la Dirección Provincial, en vivo. '.repeat(40)}"`;

/** The tokenizer as it is (a string per character) against the copy-once trick, on a typical command and a 2,800-character one. */
export function measureTokenizer(): AbResult[] {
  for (const input of [TYPICAL, LONG]) {
    const plain = tokenize(input);
    if (!plain.ok || JSON.stringify(plain.value) !== JSON.stringify(tokenizeCopyOnce(input))) {
      throw new Error('the two tokenizers disagree: the benchmark would compare different work');
    }
  }
  return [
    compare(
      `tokenizer: a typical command (${TYPICAL.length} characters)`,
      { label: 'plain', run: () => tokenize(TYPICAL) },
      { label: 'copy-once', run: () => tokenizeCopyOnce(TYPICAL) },
    ),
    compare(
      `tokenizer: a long tweet command (${LONG.length} characters)`,
      { label: 'plain', run: () => tokenize(LONG) },
      { label: 'copy-once', run: () => tokenizeCopyOnce(LONG) },
    ),
  ];
}
