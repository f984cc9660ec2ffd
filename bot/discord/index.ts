import { z } from 'zod';
import { defineChatPlatform } from '../platforms/chat-platform.js';
import { StartupError } from '../startup-error.js';
import type { DiscordSettings } from './discord-adapter.js';

/** Discord ids ("snowflakes") are 17 to 20 digits. */
const SNOWFLAKE = /^\d{17,20}$/;
const snowflake = (what: string) => z.string().regex(SNOWFLAKE, { error: `debe ser ${what}: solo dígitos` });

/** Discord: the descriptor the registry lists. discord.js (about 23 MB) loads only in `create`. */
export const discordPlatform = defineChatPlatform({
  platform: 'discord',
  env: {
    DISCORD_TOKEN: z
      .string()
      .min(20, { error: 'debe ser el token del bot de Discord (Developer Portal → Bot)' })
      .optional(),
    DISCORD_APPLICATION_ID: snowflake('el Application ID de la aplicación (General Information)').optional(),
    DISCORD_GUILD_ID: snowflake('el id del servidor (clic derecho en el servidor → Copiar ID)').optional(),
    DISCORD_API_URL: z
      .url({ error: 'debe ser una URL, por ejemplo https://discord.com/api' })
      .default('https://discord.com/api'),
    DISCORD_APPROVALS_CHANNEL: snowflake('el id del canal de aprobaciones').optional(),
    DISCORD_SUMMARY_CHANNEL: snowflake('el id del canal de resúmenes').optional(),
    DISCORD_ROLE_DIRECTORATE: snowflake('el id de un rol del servidor').optional(),
    DISCORD_ROLE_COMMUNICATION: snowflake('el id de un rol del servidor').optional(),
    DISCORD_ROLE_ADMIN: snowflake('el id de un rol del servidor').optional(),
    DISCORD_COMMAND: z
      .string()
      .regex(/^[a-z0-9_-]{1,32}$/, { error: 'debe ser un nombre de comando en minúsculas, como rendicion' })
      .default('rendicion'),
  },
  readSettings(values): DiscordSettings | undefined {
    const { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: applicationId } = values;
    if (!token && !applicationId) return undefined;
    if (!token)
      throw new StartupError([
        'DISCORD_TOKEN: falta; sin él el bot no puede entrar a Discord (Developer Portal → Bot → Reset Token)',
      ]);
    if (!applicationId) {
      throw new StartupError([
        'DISCORD_APPLICATION_ID: falta; cópielo de Developer Portal → General Information → Application ID',
      ]);
    }
    return {
      token,
      applicationId,
      guildId: values.DISCORD_GUILD_ID,
      apiUrl: values.DISCORD_API_URL.replace(/\/+$/, ''),
      channels: { approvals: values.DISCORD_APPROVALS_CHANNEL, summary: values.DISCORD_SUMMARY_CHANNEL },
      roles: {
        directorate: values.DISCORD_ROLE_DIRECTORATE,
        communication: values.DISCORD_ROLE_COMMUNICATION,
        admin: values.DISCORD_ROLE_ADMIN,
      },
      commandName: values.DISCORD_COMMAND,
    };
  },
  isUserId: (userId) => SNOWFLAKE.test(userId),
  userIdFromMention: (text) => /^<@!?(\d+)>$/.exec(text.trim())?.[1],
  async create(settings, common) {
    const { createDiscordAdapter } = await import('./discord-adapter.js');
    const discord = createDiscordAdapter({ ...common, settings });
    return {
      start: discord.start,
      // The gateway connection also carries the outbox's REST calls: it closes after the last delivery.
      stopTakingRequests: async () => undefined,
      close: discord.stop,
      state: discord.state,
      deliverOutbox: discord.deliverOutbox,
      servesHttp: false,
      startedLog: { guild: settings.guildId },
    };
  },
});
