import { OAuth2Scopes, PermissionFlagsBits, REST, Routes } from 'discord.js';
import type { Locale } from '../../commands/core/types.js';
import { StartupError } from '../startup-error.js';
import type { DiscordSettings } from './discord-adapter.js';
import { describeDiscordError, discordFailureText } from './discord-api-error.js';
import { buildDiscordCommand } from './discord-commands.js';

/**
 * What the bot needs in a server and nothing more: see channels, send messages with embeds and
 * files (the chart, the CSV). Editing its own cards needs no extra permission.
 */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles;

/** The link a server admin opens to add the bot with the `bot` and `applications.commands` scopes. */
export function inviteLink(applicationId: string, guildId?: string): string {
  const url = new URL('https://discord.com/oauth2/authorize');
  url.searchParams.set('client_id', applicationId);
  url.searchParams.set('scope', [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(' '));
  url.searchParams.set('permissions', BOT_PERMISSIONS.toString());
  if (guildId) {
    url.searchParams.set('guild_id', guildId);
    url.searchParams.set('disable_guild_select', 'true');
  }
  return url.href;
}

export interface RegisterResult {
  scope: 'guild' | 'global';
  subcommands: number;
}

/**
 * Puts `/rendicion` on Discord, replacing what was there (a bulk overwrite, so running it again is
 * safe): in the server of DISCORD_GUILD_ID, where it shows at once, or globally without it.
 */
export async function registerDiscordCommands(settings: DiscordSettings, locale: Locale): Promise<RegisterResult> {
  const command = buildDiscordCommand(locale, settings.commandName);
  const rest = new REST({ api: settings.apiUrl, retries: 1 }).setToken(settings.token);
  const route = settings.guildId
    ? Routes.applicationGuildCommands(settings.applicationId, settings.guildId)
    : Routes.applicationCommands(settings.applicationId);
  try {
    await rest.put(route, { body: [command] });
  } catch (error) {
    throw registrationProblem(error, settings);
  }
  return { scope: settings.guildId ? 'guild' : 'global', subcommands: command.options?.length ?? 0 };
}

/** Why Discord did not take the command, naming the setting to fix (Discord's codes 50001 Missing Access, 10004 Unknown Guild). */
function registrationProblem(error: unknown, settings: DiscordSettings): StartupError {
  const failure = describeDiscordError(error);
  if (failure.kind === 'refused' && failure.status === 401) {
    return new StartupError([
      'DISCORD_TOKEN: Discord rechazó el token. Copie de nuevo el token del bot (Bot → Reset Token).',
    ]);
  }
  if (failure.kind === 'refused' && (failure.status === 403 || failure.code === '50001')) {
    return new StartupError([
      `DISCORD_GUILD_ID: el bot no tiene acceso al servidor ${settings.guildId ?? ''}. Invítelo con el enlace que muestra este comando (permiso applications.commands) y vuelva a intentarlo.`,
    ]);
  }
  if (failure.kind === 'refused' && (failure.status === 404 || failure.code === '10004')) {
    return new StartupError([
      `DISCORD_GUILD_ID: Discord no conoce el servidor ${settings.guildId ?? ''}. Revise el id.`,
    ]);
  }
  if (failure.kind === 'refused' && failure.status === 400) {
    return new StartupError([`Discord rechazó la definición del comando: ${failure.message}`]);
  }
  return new StartupError([
    `DISCORD_API_URL (${settings.apiUrl}): no se pudo conectar con Discord (${discordFailureText(error)}).`,
  ]);
}
