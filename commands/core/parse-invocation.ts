import { type Parsed, parsed, parseError } from './errors.js';
import { normalizeWord } from './text.js';

export interface ParsedArguments {
  positionals: string[];
  /** Option keys as typed, normalised (lower case, no accents); values as typed. */
  options: Map<string, string>;
}

export interface ParsedInvocation extends ParsedArguments {
  /** The subcommand as typed, normalised; '' when the user typed only `/rendicion`. */
  subcommand: string;
}

interface Token {
  value: string;
  /** A quoted token is always a value, never `clave=valor`. */
  quoted: boolean;
}

// Phones and word processors turn straight quotes into curly ones; accept both.
const QUOTE_PAIRS: Record<string, string> = { '"': '"', "'": "'", '“': '”', '”': '”', '«': '»', '‘': '’' };
const OPTION_PATTERN = /^([\p{L}_-]+)=([\s\S]*)$/u;

const WHITESPACE = /\s/u;

export function tokenize(input: string): Parsed<Token[]> {
  const tokens: Token[] = [];
  let current = '';
  let inToken = false;
  let quoted = false;
  let closing: string | null = null;

  for (const char of input) {
    if (closing !== null) {
      if (char === closing || (closing === '”' && char === '"')) closing = null;
      else current += char;
      continue;
    }
    if (WHITESPACE.test(char)) {
      if (inToken) tokens.push({ value: current, quoted });
      current = '';
      inToken = false;
      quoted = false;
      continue;
    }
    const close = QUOTE_PAIRS[char];
    // An apostrophe inside a word (d'Hondt) is a letter, not a quote.
    if (close !== undefined && !(char === "'" && inToken)) {
      closing = close;
      // `sala="Auditorio 1"` is still an option; a token that starts quoted is a value.
      if (!inToken) quoted = true;
      inToken = true;
      continue;
    }
    current += char;
    inToken = true;
  }
  if (closing !== null) return parseError('unclosed_quote', {});
  if (inToken) tokens.push({ value: current, quoted });
  return parsed(tokens);
}

/** `registrar PICH-DP 15/09/2026 10:00 zoom sala="Auditorio 1"` → subcommand, positionals, options. */
export function parseInvocation(text: string): Parsed<ParsedInvocation> {
  const stripped = text.trim().replace(/^\/(rendicion|rendición)\b/iu, '');
  const tokens = tokenize(stripped);
  if (!tokens.ok) return tokens;
  const [first, ...rest] = tokens.value;
  const positionals: string[] = [];
  const options = new Map<string, string>();
  for (const token of rest) {
    const option = token.quoted ? null : OPTION_PATTERN.exec(token.value);
    if (option?.[1] !== undefined && option[2] !== undefined) options.set(normalizeWord(option[1]), option[2]);
    else positionals.push(token.value);
  }
  return parsed({ subcommand: first ? normalizeWord(first.value) : '', positionals, options });
}

const NEEDS_QUOTES = /[\s"'“”«»‘’=]/u;

/**
 * A value as one word the tokenizer reads back exactly as given: quotes of every kind, backslashes,
 * `=`, line breaks and runs of spaces included (the forms of both chat platforms build their command
 * text with it). Inside `"…"` only `"` ends the quote and inside `«…»` only `»` does, so the value
 * is cut into runs quoted with whichever of the two the run does not contain; runs written back to
 * back make one word (`"dijo "«"hola"»` is `dijo "hola"`). A word that starts quoted is never read
 * as `clave=valor`, so a value holding `=` stays a value.
 */
export function quoteValue(value: string): string {
  if (value !== '' && !NEEDS_QUOTES.test(value)) return value;
  let out = '';
  let open: '"' | '«' | null = null;
  for (const char of value) {
    const fits = open === '"' ? char !== '"' : open === '«' ? char !== '»' : false;
    if (!fits) {
      if (open) out += open === '"' ? '"' : '»';
      open = char === '"' ? '«' : '"';
      out += open;
    }
    out += char;
  }
  return open ? `${out}${open === '"' ? '"' : '»'}` : '""';
}
