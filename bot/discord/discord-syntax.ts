import type { CommandName } from '../../commands/core/i18n/catalogue.js';
import { parseInvocation } from '../../commands/core/parse-invocation.js';
import { normalizeWord } from '../../commands/core/text.js';
import { findCommand } from '../../commands/registry.js';
import { DISCORD_OPTIONS, type OptionSpec } from './discord-options.js';

/**
 * An example the engine writes as typed text (`/rendicion marcar PIC-DP invitacion`) in the form a
 * Discord user types it: `/rendicion marcar unidad:PIC-DP paso:invitacion`. Discord's client fills
 * the options when such a line is pasted. Undefined when the example does not map (a usage line
 * with `<placeholders>`, an unknown option): it is then shown as it is.
 */
export function exampleForDiscord(example: string, commandName = 'rendicion'): string | undefined {
  if (/[<[]/.test(example)) return undefined;
  const parsed = parseInvocation(example);
  if (!parsed.ok) return undefined;
  const command = findCommand(parsed.value.subcommand);
  if (!command) return undefined;
  const specs = DISCORD_OPTIONS[command.name as CommandName];
  const ordered = specs
    .filter((spec) => spec.placement.kind === 'positional' || spec.placement.kind === 'flag')
    .sort((a, b) => orderOf(a) - orderOf(b));
  const parts: string[] = [];
  let next = 0;
  for (const word of parsed.value.positionals) {
    let spec = ordered[next];
    // A flag or a choice not given is skipped: `alerta-cuenta "texto"` has no `resolver` before
    // the text, and `solicitud 12` no action before the number.
    while (spec && !fits(spec, word)) spec = ordered[++next];
    if (!spec) return undefined;
    parts.push(spec.placement.kind === 'flag' ? `${spec.name}:True` : `${spec.name}:${canonical(spec, word)}`);
    next += 1;
  }
  for (const [key, value] of parsed.value.options) {
    const spec = specs.find(
      (candidate) =>
        (candidate.placement.kind === 'option' || candidate.placement.kind === 'yesNo') &&
        (command.options?.[candidate.placement.key] ?? []).includes(key),
    );
    if (!spec) return undefined;
    const shown = spec.placement.kind === 'yesNo' ? (/^(s[ií]|yes|true)$/i.test(value) ? 'True' : 'False') : value;
    parts.push(`${spec.name}:${shown}`);
  }
  return [`/${commandName}`, command.name, ...parts].join(' ');
}

/** English words the engine also accepts where Discord offers the Spanish one. */
const ENGLISH_WORDS: Readonly<Record<string, string>> = {
  chart: 'grafico',
  remove: 'quitar',
  resolve: 'resolver',
  approve: 'aprobar',
  reject: 'rechazar',
  withdraw: 'retirar',
  photos: 'fotos',
  today: 'hoy',
  tomorrow: 'manana',
};

/** The word as Discord's option takes it: a flag or choice in Spanish, a command by its Spanish name. */
function canonical(spec: OptionSpec, word: string): string {
  const normal = normalizeWord(word);
  if (spec.name === 'comando') return findCommand(normal)?.name ?? word;
  return ENGLISH_WORDS[normal] ?? (spec.choices || spec.placement.kind === 'flag' ? normal : word);
}

function fits(spec: OptionSpec, word: string): boolean {
  if (spec.placement.kind === 'flag') return canonical(spec, word) === spec.placement.word;
  return !spec.choices || spec.choices.includes(canonical(spec, word));
}

function orderOf(spec: OptionSpec): number {
  return spec.placement.kind === 'positional' || spec.placement.kind === 'flag' ? spec.placement.order : 99;
}

/** Rewrites every `/rendicion …` code span of a line that maps to Discord's option form. */
export function withDiscordExamples(line: string): string {
  return line.replace(/`(\/rendici[oó]n [^`]+)`/gu, (span, example: string) => {
    const converted = exampleForDiscord(example);
    return converted ? `\`${converted}\`` : span;
  });
}
