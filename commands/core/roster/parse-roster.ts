import { parse } from 'csv-parse/sync';
import { closestMatch } from '../closest-match.js';
import { normalizeWord } from '../text.js';
import { canonicalProvince, collapseSpaces, ECUADOR_PROVINCES } from './provinces.js';

export const ROSTER_HEADER = ['codigo', 'nombre', 'provincia', 'tipo', 'responsable'] as const;

export interface RosterRow {
  line: number;
  code: string;
  name: string;
  province: string;
  kind: string;
  officer: string | null;
}

export type RosterProblem =
  | { line: number; problem: 'header'; found: string }
  | { line: number; problem: 'columns'; count: number }
  | { line: number; problem: 'code'; value: string }
  | { line: number; problem: 'empty'; column: (typeof ROSTER_HEADER)[number] }
  | { line: number; problem: 'too_long'; column: (typeof ROSTER_HEADER)[number]; max: number }
  | { line: number; problem: 'officer'; value: string }
  | { line: number; problem: 'province'; value: string; suggestion?: string }
  | { line: number; problem: 'duplicate'; code: string; firstLine: number }
  | { line: number; problem: 'csv'; detail: string }
  | { line: number; problem: 'no_rows' };

const CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{0,19}$/;
const OFFICER_PATTERN = /^([A-Za-z0-9._-]{2,64}|[^\s@]+@[^\s@]+\.[a-z]{2,})$/i;
const MAX_LENGTH = { nombre: 120, provincia: 60, tipo: 40 } as const;

/**
 * Parses a roster CSV (`codigo,nombre,provincia,tipo,responsable`). Lines starting with `#`
 * are comments. Every field is trimmed and its inner spaces collapsed; each province becomes the
 * one spelling of `provinces` it matches (Ecuador's 24 unless the campaign gives its own), so
 * `pichincha`, ` PICHINCHA ` and `Los rios` land as `Pichincha` and `Los Ríos`. Returns the valid
 * rows and every problem, each with its line number; callers import nothing from a file with any problem.
 */
export function parseRoster(
  text: string,
  options: { provinces?: readonly string[] } = {},
): { rows: RosterRow[]; problems: RosterProblem[] } {
  const provinces = options.provinces?.length ? options.provinces : ECUADOR_PROVINCES;
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      comment: '#',
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    return { rows: [], problems: [{ line, problem: 'csv', detail: (error as Error).message }] };
  }
  const [header, ...body] = records;
  if (!header || header.record.map(normalizeWord).join(',') !== ROSTER_HEADER.join(',')) {
    return {
      rows: [],
      problems: [{ line: header?.info.lines ?? 1, problem: 'header', found: header?.record.join(',') ?? '' }],
    };
  }
  if (body.length === 0) return { rows: [], problems: [{ line: header.info.lines, problem: 'no_rows' }] };

  const rows: RosterRow[] = [];
  const problems: RosterProblem[] = [];
  const firstLineOfCode = new Map<string, number>();
  for (const { record, info } of body) {
    const line = info.lines;
    if (record.length !== ROSTER_HEADER.length) {
      problems.push({ line, problem: 'columns', count: record.length });
      continue;
    }
    const [rawCode, name, typedProvince, kind, officer] = (record as string[]).map(collapseSpaces) as [
      string,
      string,
      string,
      string,
      string,
    ];
    const province = typedProvince ? (canonicalProvince(typedProvince, provinces) ?? typedProvince) : '';
    const code = rawCode.toUpperCase();
    const rowProblems: RosterProblem[] = [];
    if (!code) rowProblems.push({ line, problem: 'empty', column: 'codigo' });
    else if (!CODE_PATTERN.test(code)) rowProblems.push({ line, problem: 'code', value: rawCode });
    for (const [column, value] of [
      ['nombre', name],
      ['provincia', province],
      ['tipo', kind],
    ] as const) {
      if (!value) rowProblems.push({ line, problem: 'empty', column });
      else if (value.length > MAX_LENGTH[column]) {
        rowProblems.push({ line, problem: 'too_long', column, max: MAX_LENGTH[column] });
      }
    }
    if (typedProvince && !canonicalProvince(typedProvince, provinces)) {
      rowProblems.push({
        line,
        problem: 'province',
        value: typedProvince,
        suggestion: closestMatch(typedProvince, provinces),
      });
    }
    if (officer && !OFFICER_PATTERN.test(officer)) rowProblems.push({ line, problem: 'officer', value: officer });
    const firstLine = firstLineOfCode.get(code);
    if (code && firstLine !== undefined) rowProblems.push({ line, problem: 'duplicate', code, firstLine });
    else if (code) firstLineOfCode.set(code, line);
    if (rowProblems.length) problems.push(...rowProblems);
    else rows.push({ line, code, name, province, kind, officer: officer || null });
  }
  return { rows, problems };
}
