import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { events, units } from '../schema.js';
import { inlineLimit, preparedOnce } from './prepared.js';
import { tableRows } from './table-rows.js';

export type Unit = typeof units.$inferSelect;

const unitByCode = preparedOnce((db) =>
  db.orm
    .select()
    .from(units)
    .where(
      and(
        eq(units.campaignId, sql.placeholder('campaignId')),
        sql`${units.code} = ${sql.placeholder('code')} COLLATE NOCASE`,
      ),
    )
    .prepare(),
);

export function findUnitByCode(db: Database, campaignId: number, code: string): Unit | undefined {
  return unitByCode(db).get({ campaignId, code: code.trim() });
}

const unitRows = tableRows(units);

const unitsOfCampaign = preparedOnce((db) =>
  db.orm
    .select(unitRows.columns)
    .from(units)
    .where(eq(units.campaignId, sql.placeholder('campaignId')))
    .orderBy(asc(units.province), asc(units.code))
    .prepare(),
);

export function listUnits(db: Database, campaignId: number): Unit[] {
  return unitsOfCampaign(db).values({ campaignId }).map(unitRows.toObject);
}

export function countUnits(db: Database, campaignId: number): number {
  return db.orm.select({ total: count() }).from(units).where(eq(units.campaignId, campaignId)).get()?.total ?? 0;
}

const firstUnit = preparedOnce((db) =>
  db.orm
    .select()
    .from(units)
    .where(eq(units.campaignId, sql.placeholder('campaignId')))
    .orderBy(asc(units.province), asc(units.code))
    .limit(inlineLimit(1))
    .prepare(),
);

/** The unit that sorts first (by province, then code): help examples use its code. */
export function findFirstUnit(db: Database, campaignId: number): Unit | undefined {
  return firstUnit(db).get({ campaignId });
}

const firstRegisteredUnit = preparedOnce((db) =>
  db.orm
    .select({ unit: units })
    .from(units)
    .innerJoin(events, eq(events.unitId, units.id))
    .where(eq(units.campaignId, sql.placeholder('campaignId')))
    .orderBy(asc(units.province), asc(units.code))
    .limit(inlineLimit(1))
    .prepare(),
);

/** The first unit, in roster order, that has registered its session: examples that work as typed. */
export function findFirstRegisteredUnit(db: Database, campaignId: number): Unit | undefined {
  return firstRegisteredUnit(db).get({ campaignId })?.unit;
}

const unitsOfOfficer = preparedOnce((db) =>
  db.orm
    .select()
    .from(units)
    .where(
      and(
        eq(units.campaignId, sql.placeholder('campaignId')),
        // The identities as a JSON array: one statement for however many there are.
        sql`lower(${units.officer}) IN (SELECT value FROM json_each(${sql.placeholder('identities')}))`,
      ),
    )
    .orderBy(asc(units.code))
    .prepare(),
);

/** Units whose roster `responsable` is this user's id or e-mail (compared without case). */
export function listUnitsOfOfficer(db: Database, campaignId: number, identities: readonly string[]): Unit[] {
  const wanted = identities.filter(Boolean).map((identity) => identity.toLowerCase());
  if (wanted.length === 0) return [];
  return unitsOfOfficer(db).all({ campaignId, identities: JSON.stringify(wanted) });
}
