import { createDiscordAdapter, type DiscordAdapter, type DiscordSettings } from '../bot/discord/discord-adapter.js';
import { type Logger, silentLogger } from '../commands/core/logger.js';
import {
  DISCORD_APP_ID,
  DISCORD_GUILD_ID,
  DISCORD_TEST_TOKEN,
  type FakeDiscord,
  startFakeDiscord,
} from './fake-discord.js';
import { createTestBot, type TestBot } from './test-bot.js';

/** Discord ids of the people in the Discord tests. */
export const DISCORD_ADMIN = '500000000000000001';
export const DISCORD_OFFICER = '500000000000000002';
export const DISCORD_DIRECTOR = '500000000000000003';
export const DISCORD_DIRECTOR_2 = '500000000000000004';
export const DISCORD_STRANGER = '500000000000000009';
export const ROLE_DIRECTORATE = '600000000000000001';
export const ROLE_COMMUNICATION = '600000000000000002';
export const APPROVALS_CHANNEL = '310000000000000001';
export const SUMMARY_CHANNEL = '310000000000000002';

/** The roster of the Discord tests: PIC-DP's officer is a Discord user id. */
export const DISCORD_ROSTER = `codigo,nombre,provincia,tipo,responsable
PIC-DP,Dirección Provincial de Pichincha,Pichincha,direccion-provincial,${DISCORD_OFFICER}
PIC-H1,Hospital General Quito Sur,Pichincha,hospital,${DISCORD_OFFICER}
GUA-DP,Dirección Provincial del Guayas,Guayas,direccion-provincial,
MAN-DP,Dirección Provincial de Manabí,Manabí,direccion-provincial,
`;

export interface DiscordHarness {
  bot: TestBot;
  discord: FakeDiscord;
  adapter: DiscordAdapter;
  close(): Promise<void>;
}

/** The real discord.js client logged in to a fake Discord, on a test bot whose campaign window is open. */
export async function startDiscordHarness(
  options: { settings?: Partial<DiscordSettings>; logger?: Logger; roster?: string } = {},
): Promise<DiscordHarness> {
  const discord = await startFakeDiscord();
  const bot = createTestBot({
    now: new Date().toISOString(),
    platforms: ['discord'],
    admins: [DISCORD_ADMIN],
    roster: options.roster ?? DISCORD_ROSTER,
    logger: options.logger,
  });
  bot.db.sqlite.prepare("UPDATE campaigns SET window_start = '2020-01-01', window_end = '2099-12-31'").run();
  const adapter = createDiscordAdapter({
    settings: {
      token: DISCORD_TEST_TOKEN,
      applicationId: DISCORD_APP_ID,
      guildId: DISCORD_GUILD_ID,
      apiUrl: discord.apiUrl,
      channels: { approvals: APPROVALS_CHANNEL, summary: SUMMARY_CHANNEL },
      roles: { directorate: ROLE_DIRECTORATE, communication: ROLE_COMMUNICATION },
      commandName: 'rendicion',
      ...options.settings,
    },
    engine: bot.engine,
    db: bot.db,
    clock: bot.clock,
    logger: options.logger ?? silentLogger,
    locale: 'es',
  });
  await adapter.start();
  return {
    bot,
    discord,
    adapter,
    async close() {
      await adapter.deliverOutbox().catch(() => undefined);
      await adapter.stop().catch(() => undefined);
      await discord.close();
      if (bot.db.sqlite.open) bot.close();
    },
  };
}
