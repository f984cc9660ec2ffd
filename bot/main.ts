import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../commands/core/clock.js';
import { createDateFormatter } from '../commands/core/format-date.js';
import { messagesFor } from '../commands/core/i18n/catalogue.js';
import type { Logger } from '../commands/core/logger.js';
import { loadSpanishSpeller } from '../commands/core/policy/spanish-speller.js';
import type { Locale, Platform } from '../commands/core/types.js';
import { createEngine, type Engine } from '../commands/engine.js';
import type { Database } from '../db/client.js';
import type { Campaign } from '../db/queries/campaign.js';
import { createSimulatedPublisher, createXPublisher } from '../integrations/x/x-publisher.js';
import { createBackgroundPass } from './background-pass.js';
import { startChats } from './chat-runtime.js';
import { type Config, loadConfig } from './config.js';
import { startHealthServer } from './health.js';
import { consoleLogPath, createLogger } from './logger.js';
import { userIdFromMention } from './platforms/registry.js';
import { prepareDatabase } from './prepare-database.js';
import { createSheetSync } from './sheet-sync.js';
import { StartupError } from './startup-error.js';
import { platformOfUser } from './user-platform.js';

/** How often a chat-connected bot runs its time-driven work and flushes the outbox. */
const SCHEDULED_WORK_INTERVAL_MS = 60_000;
const TWEET_INTERVAL_MS = 10_000;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { as: { type: 'string' } }, allowPositionals: false });
  // The only place that touches process.env besides loadConfig: a local .env file, if present.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  // In console mode the terminal is the chat: the logs go to a file beside the database, and also
  // to standard error only when LOG_LEVEL asks for them.
  const consoleMode = config.chats.length === 0;
  const logger = createLogger(config.logLevel ?? 'info', {
    readable: process.stderr.isTTY === true,
    file: consoleMode ? consoleLogPath(config.databasePath) : undefined,
    alsoToStream: config.logLevel !== undefined,
  });
  const { db, campaign, createdDemo } = prepareDatabase(config, systemClock);
  const locale = config.language ?? campaign.language;
  const engine = createEngine({
    db,
    clock: systemClock,
    admins: config.admins,
    defaultLocale: locale,
    platforms: chatPlatforms(config),
    platformOfUser: (userId) => platformOfUser(userId, chatPlatforms(config)),
    userIdFromMention,
    settings: config.settings,
    speller: await loadSpanishSpeller(),
    tweetMode: config.x ? 'live' : 'simulated',
    youtubeMode: config.youtube ? 'verify' : 'form-only',
    sheetConfigured: config.sheet !== undefined,
    agendaPublicUrl: config.agendaPublicUrl,
    logger,
  });
  const publisher = config.x ? createXPublisher(config.x) : createSimulatedPublisher();
  const platforms = chatPlatforms(config);
  const platform: Platform = platforms[0] ?? 'console';
  // Each client library loads only when its service is configured: discord.js alone holds about 23 MB,
  // Bolt about 35 MB (docs/benchmarks.md, memory).
  const youtube = config.youtube && {
    videos: (await import('../integrations/youtube/youtube-videos.js')).createYoutubeVideos(config.youtube),
    channelId: config.youtube.channelId,
    playlistId: config.youtube.playlistId,
  };
  const syncSheet =
    config.sheet &&
    createSheetSync({
      db,
      writer: (await import('../integrations/google-sheets/sheet-writer.js')).createSheetWriter(config.sheet),
      clock: systemClock,
      logger,
      locale,
    });
  const runBackgroundPass = createBackgroundPass({
    db,
    clock: systemClock,
    logger,
    locale,
    publisher,
    defaultPlatform: platform,
    platforms,
    ...(youtube ? { youtube } : {}),
    ...(syncSheet ? { syncSheet } : {}),
  });
  // Shutting down waits for the pass in progress, so a tweet being sent is recorded before the database closes.
  const backgroundSettled = () => runBackgroundPass.settled();
  const running = { config, engine, db, logger, locale, createdDemo, campaign, runBackgroundPass, backgroundSettled };
  if (config.chats.length) await runChat(running);
  else await runConsoleMode({ ...running, startAs: values.as });
}

/** The chat platforms this configuration connects to; none means the console. */
function chatPlatforms(config: Config): Platform[] {
  const platforms = config.chats.map((chat) => chat.descriptor.platform);
  return platforms.length ? platforms : ['console'];
}

interface Running {
  config: Config;
  engine: Engine;
  db: Database;
  logger: Logger;
  locale: Locale;
  createdDemo: boolean;
  campaign: Campaign;
  runBackgroundPass: () => Promise<void>;
  backgroundSettled: () => Promise<void>;
}

/** Every configured chat platform, in one process on one database; /healthz reports each adapter. */
async function runChat({
  config,
  engine,
  db,
  logger,
  locale,
  createdDemo,
  campaign,
  runBackgroundPass,
  backgroundSettled,
}: Running): Promise<void> {
  if (createdDemo) logger.info({ window: [campaign.windowStart, campaign.windowEnd] }, 'demo campaign created');
  const chats = await startChats({
    chats: config.chats,
    engine,
    db,
    clock: systemClock,
    logger,
    locale,
    port: config.port,
    agenda: await startAgenda(config, db, locale),
    runBackgroundPass,
  });
  const tick = () => {
    engine.runScheduledWork();
    void runBackgroundPass().then(chats.deliver);
  };
  tick();
  const timer = setInterval(tick, SCHEDULED_WORK_INTERVAL_MS);
  // Queued tweets (retries, approvals decided elsewhere) go out within seconds, not a minute.
  const tweetTimer = setInterval(() => void runBackgroundPass().then(chats.deliver), TWEET_INTERVAL_MS);
  const shutdown = async () => {
    clearInterval(timer);
    clearInterval(tweetTimer);
    logger.info({}, 'shutting down: finishing work in progress');
    await chats.stop(backgroundSettled);
    db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

/** The public agenda (loaded on demand: the console without PORT never needs it). */
async function startAgenda(config: Config, db: Database, locale: Locale) {
  const { createAgendaSite } = await import('./agenda/agenda-site.js');
  return createAgendaSite({ db, clock: systemClock, locale, publicUrl: config.agendaPublicUrl });
}

async function runConsoleMode(running: Running & { startAs?: string }): Promise<void> {
  const { config, engine, db, logger, locale, createdDemo, campaign } = running;
  // Registered before anything is logged: whoever waits for the first log line may stop the bot then.
  process.once('SIGTERM', () => {
    void running.backgroundSettled().then(() => {
      db.close();
      process.exit(0);
    });
  });
  const interactive = process.stdin.isTTY === true;
  let notice: string | undefined;
  if (createdDemo && !interactive) {
    logger.info(
      { databasePath: config.databasePath, window: [campaign.windowStart, campaign.windowEnd] },
      'demo campaign created',
    );
  }
  if (createdDemo && interactive) {
    const dates = createDateFormatter(locale, campaign.timeZone);
    notice = messagesFor(locale, { unitCode: '', date: '' }).console.demoCreated(
      dates.localDate(campaign.windowStart),
      dates.localDate(campaign.windowEnd),
      config.databasePath,
    );
  }
  // Tweets left queued or interrupted by the last run go out before anything else.
  await running.runBackgroundPass();
  // A terminal chat needs no port; with PORT set the console serves the public agenda too.
  const agendaServer = config.portGiven
    ? await startHealthServer(undefined, config.port, await startAgenda(config, db, locale))
    : undefined;
  if (agendaServer) logger.info({ url: `http://127.0.0.1:${config.port}/agenda` }, 'public agenda served');
  // No Slack or Discord credentials: the bot runs as a terminal chat on the local database.
  const { runConsole } = await import('./console/console-mode.js');
  await runConsole({
    engine,
    db,
    clock: systemClock,
    input: process.stdin,
    output: process.stdout,
    interactive,
    locale,
    campaignName: campaign.name,
    startAs: running.startAs,
    notice,
    exportsDirectory: resolve('exports'),
    afterEachLine: running.runBackgroundPass,
  });
  agendaServer?.close();
  db.close();
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) {
    process.stderr.write(
      `No se pudo iniciar el bot:\n${error.problems.map((problem) => `  - ${problem}`).join('\n')}\n`,
    );
  } else {
    process.stderr.write(
      `No se pudo iniciar el bot: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exitCode = 1;
});
