import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { events, units } from '../schema.js';
import { tableRows } from './table-rows.js';

export type Unit = typeof units.$inferSelect;

export function findUnitByCode(db: Database, campaignId: number, code: string): Unit | undefined {
  return db.orm
    .select()
    .from(units)
    .where(and(eq(units.campaignId, campaignId), sql`${units.code} = ${code.trim()} COLLATE NOCASE`))
    .get();
}

const unitRows = tableRows(units);

export function listUnits(db: Database, campaignId: number): Unit[] {
  return db.orm
    .select(unitRows.columns)
    .from(units)
    .where(eq(units.campaignId, campaignId))
    .orderBy(asc(units.province), asc(units.code))
    .values()
    .map(unitRows.toObject);
}

export function countUnits(db: Database, campaignId: number): number {
  return db.orm.select({ total: count() }).from(units).where(eq(units.campaignId, campaignId)).get()?.total ?? 0;
}

/** The unit that sorts first (by province, then code): help examples use its code. */
export function findFirstUnit(db: Database, campaignId: number): Unit | undefined {
  return db.orm
    .select()
    .from(units)
    .where(eq(units.campaignId, campaignId))
    .orderBy(asc(units.province), asc(units.code))
    .limit(1)
    .get();
}

/** The first unit, in roster order, that has registered its session: examples that work as typed. */
export function findFirstRegisteredUnit(db: Database, campaignId: number): Unit | undefined {
  return db.orm
    .select({ unit: units })
    .from(units)
    .innerJoin(events, eq(events.unitId, units.id))
    .where(eq(units.campaignId, campaignId))
    .orderBy(asc(units.province), asc(units.code))
    .limit(1)
    .get()?.unit;
}

/** Units whose roster `responsable` is this user's id or e-mail (compared without case). */
export function listUnitsOfOfficer(db: Database, campaignId: number, identities: readonly string[]): Unit[] {
  const wanted = identities.filter(Boolean).map((identity) => identity.toLowerCase());
  if (wanted.length === 0) return [];
  return db.orm
    .select()
    .from(units)
    .where(and(eq(units.campaignId, campaignId), inArray(sql`lower(${units.officer})`, wanted)))
    .orderBy(asc(units.code))
    .all();
}
