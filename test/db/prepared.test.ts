import { asc, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client.js';
import { inlineLimit } from '../../db/queries/prepared.js';
import { units } from '../../db/schema.js';

let db: Database | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

// inlineLimit relies on drizzle writing an SQL chunk given to .limit() into the statement as it is
// (its types admit only a number or a placeholder). If an upgrade binds it, or refuses it, the
// LIMIT goes back to a parameter and SQLite compiles those statements on every run again
// (docs/benchmarks.md, "Plain unless measured": about 1.7 µs per run of a lookup).
describe('inlineLimit', () => {
  const query = (limit: number) =>
    (db as Database).orm
      .select({ code: units.code })
      .from(units)
      .where(eq(units.campaignId, sql.placeholder('campaignId')))
      .orderBy(asc(units.code))
      .limit(limit);

  it('writes the count into the SQL, where drizzle binds a plain .limit(n)', () => {
    db = openDatabase(':memory:');
    const inlined = query(inlineLimit(3)).toSQL();
    expect(inlined.sql).toMatch(/ limit 3$/);
    expect(inlined.params).toEqual([expect.objectContaining({ name: 'campaignId' })]);
    const bound = query(3).toSQL();
    expect(bound.sql).toMatch(/ limit \?$/);
    expect(bound.params).toContain(3);
  });

  it('writes only a whole, non-negative count', () => {
    db = openDatabase(':memory:');
    expect(query(inlineLimit(2.7)).toSQL().sql).toMatch(/ limit 2$/);
    expect(query(inlineLimit(-5)).toSQL().sql).toMatch(/ limit 0$/);
  });
});
