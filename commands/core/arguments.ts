import { findUnitByCode, listUnits, type Unit } from '../../db/queries/units.js';
import { closestMatch } from './closest-match.js';
import { fail } from './errors.js';
import type { ParsedArguments } from './parse-invocation.js';
import { normalizeWord } from './text.js';
import type { CommandContext, CommandDefinition } from './types.js';

/** Maps the typed `clave=valor` options to their canonical names, refusing unknown ones. */
export function readOptions(command: CommandDefinition, args: ParsedArguments): Map<string, string> {
  const spellings = command.options ?? {};
  const result = new Map<string, string>();
  for (const [typed, value] of args.options) {
    const canonical = Object.keys(spellings).find((name) => spellings[name]?.includes(typed));
    if (!canonical) fail('unknown_option', { command: command.name, option: typed, allowed: Object.keys(spellings) });
    result.set(canonical, value);
  }
  return result;
}

export function requirePositional(
  command: CommandDefinition,
  ctx: CommandContext,
  args: ParsedArguments,
  index: number,
  argument: string,
): string {
  const value = args.positionals[index];
  if (value === undefined || value.trim() === '') {
    fail('missing_argument', { command: command.name, argument: ctx.t.arguments[argument] ?? argument });
  }
  return value;
}

export function refuseExtraPositionals(command: CommandDefinition, args: ParsedArguments, allowed: number): void {
  const extra = args.positionals[allowed];
  if (extra !== undefined) fail('too_many_arguments', { command: command.name, extra });
}

export function findUnitOrFail(ctx: CommandContext, input: string): Unit {
  const unit = findUnitByCode(ctx.deps.db, ctx.campaign.id, input);
  if (unit) return unit;
  const codes = listUnits(ctx.deps.db, ctx.campaign.id).map((candidate) => candidate.code);
  fail('unit_not_found', { input, suggestion: closestMatch(input, codes) });
}

export function isOneOf(input: string, words: readonly string[]): boolean {
  return words.includes(normalizeWord(input));
}
