import { describe, expect, it } from 'vitest';
import { parseInvocation, quoteValue, tokenize } from '../../../commands/core/parse-invocation.js';
import { TYPED_CHARACTERS } from '../../helpers/typed-characters.js';

function invocation(text: string) {
  const result = parseInvocation(text);
  if (!result.ok) throw new Error(`expected "${text}" to parse, got ${result.error.code}`);
  return result.value;
}

function tokens(text: string) {
  const result = tokenize(text);
  if (!result.ok) throw new Error(`expected "${text}" to tokenize, got ${result.error.code}`);
  return result.value;
}

describe('tokenize', () => {
  it('splits on any run of whitespace', () => {
    expect(tokens('  uno \t dos\n tres  ')).toEqual([
      { value: 'uno', quoted: false },
      { value: 'dos', quoted: false },
      { value: 'tres', quoted: false },
    ]);
  });

  it('keeps the words between straight double quotes in one quoted token', () => {
    expect(tokens('nota "Auditorio 1"')).toEqual([
      { value: 'nota', quoted: false },
      { value: 'Auditorio 1', quoted: true },
    ]);
  });

  it('keeps the words between single quotes in one quoted token', () => {
    expect(tokens("'Sala Mayor'")).toEqual([{ value: 'Sala Mayor', quoted: true }]);
  });

  it('accepts curly double quotes as typed by phones', () => {
    expect(tokens('“Sala de actos”')).toEqual([{ value: 'Sala de actos', quoted: true }]);
  });

  it('accepts Spanish angle quotes', () => {
    expect(tokens('«Sala de actos»')).toEqual([{ value: 'Sala de actos', quoted: true }]);
  });

  it('closes an opening curly quote with a straight one', () => {
    expect(tokens('“Sala de actos"')).toEqual([{ value: 'Sala de actos', quoted: true }]);
  });

  it('treats an apostrophe inside a word as a letter', () => {
    expect(tokens("método d'Hondt")).toEqual([
      { value: 'método', quoted: false },
      { value: "d'Hondt", quoted: false },
    ]);
  });

  it('keeps an empty quoted string as an empty token', () => {
    expect(tokens('""')).toEqual([{ value: '', quoted: true }]);
  });

  it('marks a token that only becomes quoted after a key as unquoted', () => {
    expect(tokens('sala="Auditorio 1"')).toEqual([{ value: 'sala=Auditorio 1', quoted: false }]);
  });

  it('reports unclosed_quote when a quote is never closed', () => {
    const result = tokenize('nota "sin cerrar');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('unclosed_quote');
  });

  it('returns no tokens for an empty string', () => {
    expect(tokens('')).toEqual([]);
  });
});

describe('parseInvocation', () => {
  it('returns the subcommand, positionals and options of a full registration', () => {
    const parsed = invocation('registrar PICH-DP 15/09/2026 10:00 zoom sala="Auditorio 1"');
    expect(parsed.subcommand).toBe('registrar');
    expect(parsed.positionals).toEqual(['PICH-DP', '15/09/2026', '10:00', 'zoom']);
    expect([...parsed.options]).toEqual([['sala', 'Auditorio 1']]);
  });

  it('normalises the subcommand to lower case without accents', () => {
    expect(invocation('SESIÓN').subcommand).toBe('sesion');
  });

  it('normalises a decomposed accent in the subcommand as well', () => {
    expect(invocation('Sesio\u0301n').subcommand).toBe('sesion');
  });

  it('keeps positionals exactly as typed', () => {
    expect(invocation('marcar Pich-DP Invitación').positionals).toEqual(['Pich-DP', 'Invitación']);
  });

  it('reads an unquoted clave=valor as an option', () => {
    const parsed = invocation('registrar PICH-DP asistentes=120');
    expect(parsed.options.get('asistentes')).toBe('120');
    expect(parsed.positionals).toEqual(['PICH-DP']);
  });

  it('normalises option keys but keeps option values as typed', () => {
    const parsed = invocation('registrar Vídeo=Sí');
    expect([...parsed.options]).toEqual([['video', 'Sí']]);
  });

  it('accepts an option whose value is quoted with spaces', () => {
    expect(invocation('registrar sala="Auditorio 1"').options.get('sala')).toBe('Auditorio 1');
  });

  it('accepts an option whose value is in curly quotes', () => {
    expect(invocation('registrar sala=“Sala de actos”').options.get('sala')).toBe('Sala de actos');
  });

  it('accepts an option whose value is in angle quotes', () => {
    expect(invocation('registrar sala=«Sala de actos»').options.get('sala')).toBe('Sala de actos');
  });

  it('accepts an option with an empty value', () => {
    expect(invocation('registrar sala=').options.get('sala')).toBe('');
  });

  it('never turns a token that starts with a quote into an option', () => {
    const parsed = invocation('nota "a=b"');
    expect(parsed.positionals).toEqual(['a=b']);
    expect(parsed.options.size).toBe(0);
  });

  it('keeps a token with digits before the equals sign as a positional', () => {
    const parsed = invocation('nota 1=2');
    expect(parsed.positionals).toEqual(['1=2']);
    expect(parsed.options.size).toBe(0);
  });

  it('keeps a word with an inner apostrophe as a single positional', () => {
    expect(invocation("nota d'Hondt").positionals).toEqual(["d'Hondt"]);
  });

  it('lets the last of two repeated options win', () => {
    expect(invocation('registrar sala=A sala=B').options.get('sala')).toBe('B');
  });

  it('strips a leading /rendicion', () => {
    const parsed = invocation('/rendicion estado PICH-DP');
    expect(parsed.subcommand).toBe('estado');
    expect(parsed.positionals).toEqual(['PICH-DP']);
  });

  it('strips a leading /rendición with accent and capitals', () => {
    const parsed = invocation('  /Rendición estado PICH-DP');
    expect(parsed.subcommand).toBe('estado');
    expect(parsed.positionals).toEqual(['PICH-DP']);
  });

  it('returns an empty subcommand for /rendicion alone', () => {
    expect(invocation('/rendicion')).toEqual({ subcommand: '', positionals: [], options: new Map() });
  });

  it('returns an empty subcommand, no positionals and no options for empty input', () => {
    expect(invocation('')).toEqual({ subcommand: '', positionals: [], options: new Map() });
  });

  it('returns an empty subcommand for input made only of spaces', () => {
    expect(invocation('   ')).toEqual({ subcommand: '', positionals: [], options: new Map() });
  });

  it('reports unclosed_quote for an option value that is never closed', () => {
    const result = parseInvocation('registrar PICH-DP sala="Auditorio 1');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('unclosed_quote');
      expect(result.error.details).toEqual({});
    }
  });

  it('reports unclosed_quote for an unclosed angle quote', () => {
    const result = parseInvocation('nota «Sala de actos');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('unclosed_quote');
  });
});

describe('quoteValue', () => {
  const values = [
    '',
    'simple',
    'dos palabras',
    TYPED_CHARACTERS,
    '"',
    '»',
    '"»"»',
    '«"»',
    "d'Hondt",
    'a=b',
    '  espacios   dobles  \n y salto ',
    '\\"\\',
    '”',
    '“sola',
  ];
  for (const value of values) {
    it(`reads back ${JSON.stringify(value)} as one positional, unchanged`, () => {
      const result = parseInvocation(`solicitar ${quoteValue(value)} ${quoteValue(value)}`);
      expect(result.ok && result.value.positionals).toEqual([value, value]);
      expect(result.ok && result.value.options.size).toBe(0);
    });
    it(`reads back ${JSON.stringify(value)} as an option value, unchanged`, () => {
      const result = parseInvocation(`registrar sala=${quoteValue(value)} correo=x`);
      expect(result.ok && result.value.options.get('sala')).toBe(value);
    });
  }
});
