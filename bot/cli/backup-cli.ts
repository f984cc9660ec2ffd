import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { loadConfig } from '../config.js';
import { StartupError } from '../startup-error.js';

/**
 * `npm run backup [-- destino.db]`: a consistent copy of the live database through SQLite's online
 * backup API, safe while the bot runs (WAL readers are not blocked). Restore by stopping the bot
 * and copying the file back to DATABASE_PATH.
 */
async function main(): Promise<number> {
  const { positionals } = parseArgs({ allowPositionals: true });
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  if (!existsSync(config.databasePath)) {
    process.stderr.write(`DATABASE_PATH (${config.databasePath}): no existe; no hay nada que respaldar.\n`);
    return 1;
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = resolve(positionals[0] ?? join(dirname(config.databasePath), `respaldo-${stamp}.db`));
  if (existsSync(target)) {
    process.stderr.write(`${target} ya existe; elija otro nombre para no sobrescribir un respaldo.\n`);
    return 1;
  }
  const db = new BetterSqlite3(config.databasePath, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  const copy = new BetterSqlite3(target, { readonly: true });
  const integrity = copy.pragma('integrity_check', { simple: true });
  copy.close();
  if (integrity !== 'ok') {
    process.stderr.write(`El respaldo ${target} no pasó la verificación de integridad (${String(integrity)}).\n`);
    return 1;
  }
  process.stdout.write(`Respaldo consistente guardado en ${target}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(error instanceof StartupError ? `${error.problems.join('\n')}\n` : `${String(error)}\n`);
    process.exitCode = 1;
  },
);
