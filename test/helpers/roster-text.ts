import { parseRoster, type RosterRow } from '../../commands/core/roster/parse-roster.js';

/** The roster file's header, as the campaign's template writes it. */
export const ROSTER_HEADER = 'codigo,nombre,provincia,tipo,responsable';

/** A roster file with these lines under the header. */
export function roster(...lines: string[]): string {
  return `${[ROSTER_HEADER, ...lines].join('\n')}\n`;
}

/** The rows of a roster that must read without problems. */
export function rowsOf(text: string): RosterRow[] {
  const { rows, problems } = parseRoster(text);
  if (problems.length) throw new Error(`unexpected problems: ${JSON.stringify(problems)}`);
  return rows;
}
