import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { systemClock } from '../../commands/core/clock.js';
import { importRoster } from '../../db/roster/import-roster.js';
import { parseRoster } from '../../db/roster/parse-roster.js';
import { loadConfig } from '../config.js';
import { prepareDatabase } from '../prepare-database.js';
import { StartupError } from '../startup-error.js';
import { describeRosterProblem, rosterText } from './roster-messages.js';

const ACTOR = 'roster-cli';

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
  const { rows, problems } = parseRoster(readFileSync(file, 'utf8'));
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
