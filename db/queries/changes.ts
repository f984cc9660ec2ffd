import type { Database } from '../client.js';
import { preparedOnce } from './prepared.js';

const totalChanges = preparedOnce((db) => db.sqlite.prepare('SELECT total_changes()').pluck());
const changesAndDataVersion = preparedOnce((db) =>
  db.sqlite.prepare('SELECT total_changes(), data_version FROM pragma_data_version()').raw(),
);

/**
 * Rows this connection has inserted, updated or deleted since it opened (SQLite's `total_changes()`,
 * read without touching a table): unchanged across a request means the request wrote nothing.
 */
export function countWrites(db: Database): number {
  return totalChanges(db).get() as number;
}

/**
 * A value that stays the same while nothing is committed to the database: this connection's
 * changes (`total_changes()`) and SQLite's `data_version`, which moves when another connection or
 * process (the roster CLI, a second bot) commits. What was read while it stayed the same still holds.
 */
export function databaseVersion(db: Database): string {
  const [changes, dataVersion] = changesAndDataVersion(db).get() as [number, number];
  return `${changes}:${dataVersion}`;
}
