import { sql } from 'drizzle-orm';
import type { Database } from '../client.js';

/**
 * A query that drizzle writes and SQLite compiles once per connection, then runs with placeholders.
 * Written inline, a query is rebuilt and recompiled on every call, which on a campaign's small
 * tables costs more than running it; a slash command runs about twenty of them. For the queries
 * every command or every background pass runs.
 */
export function preparedOnce<Query>(build: (db: Database) => Query): (db: Database) => Query {
  const byConnection = new WeakMap<object, Query>();
  return (db) => {
    let query = byConnection.get(db.sqlite);
    if (query === undefined) {
      query = build(db);
      byConnection.set(db.sqlite, query);
    }
    return query;
  };
}

/**
 * For `.limit()`: the count written into the statement instead of bound. SQLite plans with the
 * value of a bound LIMIT, so it compiles the statement again whenever that parameter is bound, and
 * better-sqlite3 binds on every run: a query prepared once with `.limit(1)` was compiled on every call.
 */
export function inlineLimit(count: number): number {
  // drizzle writes an SQL chunk given to .limit() as it is; its types only admit a number or a placeholder.
  return sql.raw(String(Math.max(0, Math.trunc(count)))) as unknown as number;
}
