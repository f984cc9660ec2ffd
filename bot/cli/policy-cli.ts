import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { systemClock } from '../../commands/core/clock.js';
import { createDateFormatter } from '../../commands/core/format-date.js';
import { messagesFor } from '../../commands/core/i18n/catalogue.js';
import { campaignPolicyFacts } from '../../commands/core/policy/campaign-policy.js';
import { describeFinding, severityMark } from '../../commands/core/policy/describe-finding.js';
import { checkPolicy } from '../../commands/core/policy/policy-checker.js';
import { loadSpanishSpeller } from '../../commands/core/policy/spanish-speller.js';
import { openDatabase } from '../../db/client.js';
import { findCampaign } from '../../db/queries/campaign.js';
import { listUnits } from '../../db/queries/units.js';
import { loadCampaignFile } from '../campaign-file.js';
import { loadConfig } from '../config.js';
import { demoCampaignSettings } from '../demo-campaign.js';
import { StartupError } from '../startup-error.js';
import { evaluationReport } from './policy-evaluation.js';

/**
 * `npm run politica -- archivo.txt [--dominios a,b] [--json]`: the chat's policy checker for people
 * who draft elsewhere. One text per line; exits 1 when any text has a finding that blocks.
 * `npm run politica -- --evaluar corpus.txt` measures the checker instead (policy-evaluation.ts).
 */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    options: {
      dominios: { type: 'string' },
      json: { type: 'boolean', default: false },
      evaluar: { type: 'string' },
      ayuda: { type: 'boolean' },
    },
    allowPositionals: true,
  });
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const locale = config.language ?? 'es';
  const t = messagesFor(locale, { unitCode: '', date: '' });
  const [file] = positionals;
  const corpus = values.evaluar;
  if (
    values.ayuda ||
    positionals.length > 1 ||
    (file && file !== '-' && !existsSync(file)) ||
    (corpus !== undefined && (file !== undefined || !existsSync(corpus)))
  ) {
    process.stderr.write(`${t.policy.cliUsage}\n`);
    return 2;
  }
  if (corpus !== undefined) {
    const { lines, code } = evaluationReport(t, locale, corpus, await loadSpanishSpeller());
    process.stdout.write(`${lines.join('\n')}\n`);
    return code;
  }
  const input = file && file !== '-' ? readFileSync(file, 'utf8') : readFileSync(0, 'utf8');
  const { domains, knownWords, institutionalLinks, timeZone } = campaignFacts(config);
  const institutionalDomains = values.dominios
    ? values.dominios
        .split(',')
        .map((domain) => domain.trim())
        .filter(Boolean)
    : domains;
  const speller = await loadSpanishSpeller();
  const dates = createDateFormatter(locale, timeZone);
  let blocked = false;
  for (const text of input.split(/\r?\n/).filter((line) => line.trim() !== '')) {
    const { findings } = checkPolicy({ text, institutionalDomains, institutionalLinks, knownWords }, speller);
    blocked ||= findings.some((finding) => finding.severity === 'block');
    const described = findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      message: describeFinding(t, dates, finding),
    }));
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ text, findings: described })}\n`);
    } else {
      process.stdout.write(`${text}\n`);
      const lines = described.length
        ? findings.map((finding, index) => `  ${severityMark(finding)} ${described[index]?.message ?? ''}`)
        : [`  ✓ ${t.policy.clean}`];
      process.stdout.write(`${lines.join('\n')}\n\n`);
    }
  }
  return blocked ? 1 : 0;
}

/** Institutional domains and roster words: from CAMPAIGN_FILE, or the database if it exists, or the demo. */
function campaignFacts(config: ReturnType<typeof loadConfig>) {
  const fromFile = config.campaignFile ? loadCampaignFile(config.campaignFile) : undefined;
  if (!existsSync(config.databasePath)) {
    const settings = fromFile ?? demoCampaignSettings(systemClock.now().toISOString().slice(0, 10));
    return {
      domains: settings.institutionalDomains,
      ...campaignPolicyFacts(settings, []),
      timeZone: settings.timeZone,
    };
  }
  const db = openDatabase(config.databasePath);
  try {
    const campaign = findCampaign(db);
    const units = campaign ? listUnits(db, campaign.id) : [];
    const settings = fromFile ?? campaign;
    return {
      domains: settings?.institutionalDomains ?? [],
      ...(settings
        ? campaignPolicyFacts(settings, units)
        : { knownWords: new Set<string>(), institutionalLinks: [] as string[] }),
      timeZone: campaign?.timeZone ?? 'America/Guayaquil',
    };
  } finally {
    db.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      error instanceof StartupError
        ? `${error.problems.join('\n')}\n`
        : `${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
