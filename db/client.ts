import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface Database {
  sqlite: BetterSqlite3.Database;
  orm: Orm;
  close(): void;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

// Another process (the roster CLI, a second bot) may hold the write lock for a moment.
const BUSY_TIMEOUT_MS = 5_000;

/** Opens (creating if needed) the SQLite file, turns on WAL and applies pending migrations. */
export function openDatabase(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    sqlite.pragma('foreign_keys = ON');
    const orm = drizzle(sqlite, { schema });
    migrate(orm, { migrationsFolder: MIGRATIONS_FOLDER });
    return { sqlite, orm, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * Runs `work` in one immediate (write-locking) transaction: everything it writes, the audit
 * rows included, commits together or not at all. A thrown error rolls it all back.
 */
export function inTransaction<T>(db: Database, work: () => T): T {
  return db.sqlite.transaction(work).immediate();
}
