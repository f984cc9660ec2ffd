import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { type CommandName, messagesFor } from '../../commands/core/i18n/catalogue.js';
import { quoteValue } from '../../commands/core/parse-invocation.js';
import type { Locale } from '../../commands/core/types.js';
import { COMMANDS } from '../../commands/registry.js';
import { DISCORD_OPTIONS } from './discord-options.js';

const OPTION_TYPES = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
  user: ApplicationCommandOptionType.User,
} as const;

/** Discord allows 1 to 100 characters in a description. */
const describe = (text: string) => (text.length <= 100 ? text : `${text.slice(0, 99)}…`);

/**
 * The `/rendicion` application command that `npm run discord:register` puts on Discord: one
 * subcommand per engine command, in the language the bot speaks, the other one as a localisation.
 */
export function buildDiscordCommand(
  locale: Locale,
  name = 'rendicion',
): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const other: Locale = locale === 'es' ? 'en' : 'es';
  const t = messagesFor(locale, { unitCode: 'PIC-DP', date: '15/09/2026' });
  const otherT = messagesFor(other, { unitCode: 'PIC-DP', date: '15/09/2026' });
  const otherLocales = other === 'en' ? (['en-US', 'en-GB'] as const) : (['es-ES', 'es-419'] as const);
  const localised = (text: string) => Object.fromEntries(otherLocales.map((code) => [code, describe(text)]));
  return {
    type: ApplicationCommandType.ChatInput,
    name,
    description: locale === 'es' ? 'Campaña de rendición de cuentas' : 'Accountability campaign',
    description_localizations: localised(
      locale === 'es' ? 'Accountability campaign' : 'Campaña de rendición de cuentas',
    ),
    // Only in servers: the bot's channels, roles and approvals live in one server.
    contexts: [0],
    options: COMMANDS.map((command) => {
      const commandName = command.name as CommandName;
      const options = [...DISCORD_OPTIONS[commandName]].sort(
        (a, b) => Number(b.required ?? false) - Number(a.required ?? false),
      );
      return {
        type: ApplicationCommandOptionType.Subcommand as const,
        name: command.name,
        description: describe(t.commands[commandName].description),
        description_localizations: localised(otherT.commands[commandName].description),
        options: options.map((option) => ({
          type: OPTION_TYPES[option.type],
          name: option.name,
          description: describe(option.description[locale]),
          description_localizations: localised(option.description[other]),
          required: option.required ?? false,
          ...(option.choices ? { choices: option.choices.map((choice) => ({ name: choice, value: choice })) } : {}),
          ...(option.suggest ? { autocomplete: true } : {}),
          ...(option.maxLength ? { max_length: option.maxLength } : {}),
          ...(option.minValue !== undefined ? { min_value: option.minValue } : {}),
        })),
      };
    }) as RESTPostAPIChatInputApplicationCommandsJSONBody['options'],
  };
}

export type OptionValue = string | number | boolean;

/**
 * The command text for a subcommand and the options the user filled in, e.g.
 * `marcar PIC-DP invitacion no`. A `user` option arrives as the user's id and becomes a mention.
 */
export function commandText(subcommand: CommandName, values: ReadonlyMap<string, OptionValue>): string {
  const positionals: { order: number; word: string }[] = [];
  const options: string[] = [];
  for (const spec of DISCORD_OPTIONS[subcommand]) {
    const value = values.get(spec.name);
    if (value === undefined || value === '') continue;
    if (spec.onlyWhen && values.get(spec.onlyWhen.option) !== spec.onlyWhen.equals) continue;
    const placement = spec.placement;
    if (placement.kind === 'positional') {
      const word = spec.type === 'user' ? `<@${String(value)}>` : quoteValue(String(value));
      positionals.push({ order: placement.order, word });
    } else if (placement.kind === 'flag') {
      if (value === true) positionals.push({ order: placement.order, word: placement.word });
    } else if (placement.kind === 'yesNo') {
      options.push(`${placement.key}=${value === true ? 'si' : 'no'}`);
    } else {
      options.push(`${placement.key}=${quoteValue(String(value))}`);
    }
  }
  positionals.sort((a, b) => a.order - b.order);
  return [subcommand, ...positionals.map((positional) => positional.word), ...options].join(' ');
}
