import { getTableColumns } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * The columns of `table` to select with `.values()` (raw rows, in this order) and the function that
 * turns such a row into the object drizzle's `select()` gives, with the same column decoders
 * (timestamps to Date, booleans, JSON). For lists as long as a campaign's units and events: drizzle's
 * generic row mapping costs as much as SQLite's own work there (100,000 rows: about a third of the time).
 */
export function tableRows<T extends SQLiteTable>(table: T) {
  const columns = getTableColumns(table);
  const entries = Object.entries(columns);
  return {
    columns,
    toObject(row: readonly unknown[]): T['$inferSelect'] {
      const object: Record<string, unknown> = {};
      for (let i = 0; i < entries.length; i += 1) {
        const [key, column] = entries[i] as (typeof entries)[number];
        const value = row[i];
        object[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
      }
      return object as T['$inferSelect'];
    },
  };
}
