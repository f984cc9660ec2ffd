import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { systemClock } from '../commands/core/clock.js';
import { createDateFormatter } from '../commands/core/format-date.js';
import { messagesFor } from '../commands/core/i18n/catalogue.js';
import { createEngine } from '../commands/engine.js';
import { loadConfig } from './config.js';
import { runConsole } from './console/console-mode.js';
import { createLogger } from './logger.js';
import { prepareDatabase } from './prepare-database.js';
import { StartupError } from './startup-error.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { as: { type: 'string' } }, allowPositionals: false });
  // The only place that touches process.env besides loadConfig: a local .env file, if present.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel, { readable: process.stderr.isTTY === true });
  const { db, campaign, createdDemo } = prepareDatabase(config, systemClock);
  const locale = config.language ?? campaign.language;
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
  const engine = createEngine({
    db,
    clock: systemClock,
    admins: config.admins,
    defaultLocale: locale,
    platforms: ['console'],
    settings: config.settings,
    logger,
  });
  const close = () => db.close();
  process.once('SIGTERM', () => {
    close();
    process.exit(0);
  });
  // No Slack or Discord credentials yet: the bot runs as a terminal chat on the local database.
  await runConsole({
    engine,
    db,
    clock: systemClock,
    input: process.stdin,
    output: process.stdout,
    interactive,
    locale,
    campaignName: campaign.name,
    startAs: values.as,
    notice,
  });
  close();
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
