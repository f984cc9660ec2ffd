import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { systemClock } from '../../commands/core/clock.js';
import { parseRoster } from '../../commands/core/roster/parse-roster.js';
import { openDatabase } from '../../db/client.js';
import { findCampaign } from '../../db/queries/campaign.js';
import { importRoster } from '../../db/roster/import-roster.js';
import { readCampaignFile } from '../campaign-file.js';
import { loadConfig } from '../config.js';
import { prepareDatabase } from '../prepare-database.js';
import { StartupError } from '../startup-error.js';
import { describeRosterProblem, rosterText } from './roster-messages.js';

const ACTOR = 'roster-cli';

/**
 * Whether the database holds the demo campaign: `true`, `false` for a real campaign, and
 * `'none'` when it has no campaign yet (or no file), which would get the demo. Nothing is created.
 */
function databaseHoldsDemo(path: string): boolean | 'none' {
  if (path !== ':memory:' && !existsSync(path)) return 'none';
  const db = openDatabase(path);
  try {
    const campaign = findCampaign(db);
    return campaign ? campaign.isDemo : 'none';
  } finally {
    db.close();
  }
}

/** `npm run roster -- import unidades.csv [--simular]` */
function main(): number {
  const { positionals, values } = parseArgs({
    options: { simular: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const text = rosterText(config.language ?? 'es');
  const [action, file] = positionals;
  if (action !== 'import' && action !== 'importar') {
    process.stderr.write(`${text.usage}\n`);
    return 2;
  }
  if (!file || !existsSync(file)) {
    process.stderr.write(`${text.fileMissing(file ?? '')}\n${text.usage}\n`);
    return 2;
  }
  // A real roster needs its campaign: without CAMPAIGN_FILE the database holds (or would get) the demo.
  if (!config.campaignFile && !(values.simular || values['dry-run'])) {
    const hasDemo = databaseHoldsDemo(config.databasePath);
    if (hasDemo !== false) {
      process.stderr.write(`${text.demoOrMissingCampaign(config.databasePath, hasDemo === true)}\n`);
      return 1;
    }
  }
  const provinces = config.campaignFile ? readCampaignFile(config.campaignFile).provincias : undefined;
  const { rows, problems } = parseRoster(readFileSync(file, 'utf8'), { provinces });
  if (problems.length) {
    process.stderr.write(`${text.problemsTitle(file, problems.length)}\n`);
    for (const problem of problems) process.stderr.write(`  ${describeRosterProblem(text, problem)}\n`);
    process.stderr.write(`${text.nothingImported}\n`);
    return 1;
  }
  // A dry run only validates the file: it must not even create the database or its campaign.
  if (values.simular || values['dry-run']) {
    process.stdout.write(`${text.dryRun(rows.length)}\n`);
    return 0;
  }
  const { db, campaign } = prepareDatabase(config, systemClock);
  try {
    const result = importRoster(db, { campaignId: campaign.id, rows, actor: ACTOR, at: systemClock.now() });
    process.stdout.write(
      `${text.summary(rows.length, result.created.length, result.updated.length, result.unchanged)}\n`,
    );
    if (result.updated.length) process.stdout.write(`${text.updatedList(result.updated.join(', '))}\n`);
    if (result.notInFile.length) {
      process.stdout.write(`${text.notInFile(result.notInFile.length, result.notInFile.slice(0, 20).join(', '))}\n`);
    }
    return 0;
  } finally {
    db.close();
  }
}

try {
  process.exitCode = main();
} catch (error) {
  if (error instanceof StartupError) {
    process.stderr.write(`${error.problems.map((problem) => `- ${problem}`).join('\n')}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
