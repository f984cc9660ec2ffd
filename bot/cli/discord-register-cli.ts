import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig, settingsOf } from '../config.js';
import { buildDiscordCommand } from '../discord/discord-commands.js';
import { discordPlatform } from '../discord/index.js';
import { inviteLink, registerDiscordCommands } from '../discord/register-commands.js';
import { StartupError } from '../startup-error.js';

/**
 * `npm run discord:register [-- --simular]`: registers `/rendicion` in the Discord server (or shows
 * the command it would register), and prints the invite link.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { simular: { type: 'boolean', default: false } } });
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const locale = config.language ?? 'es';
  if (values.simular) {
    process.stdout.write(
      `${JSON.stringify(buildDiscordCommand(locale, settingsOf(config, discordPlatform)?.commandName), null, 2)}\n`,
    );
    return;
  }
  const settings = settingsOf(config, discordPlatform);
  if (!settings) {
    throw new StartupError([
      'DISCORD_TOKEN y DISCORD_APPLICATION_ID: faltan. Cópielos del Developer Portal de Discord a su archivo .env (vea README, "Instalar en Discord").',
    ]);
  }
  const result = await registerDiscordCommands(settings, locale);
  process.stdout.write(
    [
      result.scope === 'guild'
        ? `Listo: /${settings.commandName} quedó registrado en el servidor ${settings.guildId} con ${result.subcommands} subcomandos. Ya aparece al escribir /.`
        : `Listo: /${settings.commandName} quedó registrado para todos los servidores del bot con ${result.subcommands} subcomandos (Discord puede tardar unos minutos en mostrarlo).`,
      'Si el bot aún no está en el servidor, invítelo con este enlace:',
      `  ${inviteLink(settings.applicationId, settings.guildId)}`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  const problems =
    error instanceof StartupError ? error.problems : [error instanceof Error ? error.message : String(error)];
  process.stderr.write(`No se pudo registrar el comando:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\n`);
  process.exitCode = 1;
});
