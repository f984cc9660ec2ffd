import type { Database } from '../client.js';
import { preparedOnce } from './prepared.js';

const totalChanges = preparedOnce((db) => db.sqlite.prepare('SELECT total_changes()').pluck());

/**
 * Rows this connection has inserted, updated or deleted since it opened (SQLite's `total_changes()`,
 * read without touching a table): unchanged across a request means the request wrote nothing.
 */
export function countWrites(db: Database): number {
  return totalChanges(db).get() as number;
}
