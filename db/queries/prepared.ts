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
