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

const unitCount = preparedOnce((db) =>
  db.orm
    .select({ total: count() })
    .from(units)
    .where(eq(units.campaignId, sql.placeholder('campaignId')))
    .prepare(),
);

export function countUnits(db: Database, campaignId: number): number {
  return unitCount(db).get({ campaignId })?.total ?? 0;
}

const unitsByProvince = preparedOnce((db) =>
  db.orm
    .select({ province: units.province, units: count() })
    .from(units)
    .where(eq(units.campaignId, sql.placeholder('campaignId')))
    .groupBy(units.province)
    .orderBy(asc(units.province))
    .prepare(),
);

/** Each province of the campaign with how many units it has, in the roster's order (`listUnits`). */
export function countUnitsByProvince(db: Database, campaignId: number): { province: string; units: number }[] {
  return unitsByProvince(db).all({ campaignId });
}

const unitsOfEvents = preparedOnce((db) =>
  db.orm
    .select({ eventId: events.id, code: units.code, province: units.province })
    .from(events)
    .innerJoin(units, eq(events.unitId, units.id))
    // The ids as a JSON array: one statement for however many there are.
    .where(sql`${events.id} IN (SELECT value FROM json_each(${sql.placeholder('eventIds')}))`)
    .prepare(),
);

/** The code and province of the unit of each of these events, by event id. */
export function listUnitsOfEvents(
  db: Database,
  eventIds: readonly number[],
): Map<number, { code: string; province: string }> {
  if (eventIds.length === 0) return new Map();
  const rows = unitsOfEvents(db).all({ eventIds: JSON.stringify(eventIds) });
  return new Map(rows.map(({ eventId, code, province }) => [eventId, { code, province }]));
}

const unitsOfEventsInOrder = preparedOnce((db) =>
  db.orm
    .select({
      eventId: events.id,
      code: units.code,
      name: units.name,
      province: units.province,
      officer: units.officer,
    })
    .from(events)
    .innerJoin(units, eq(events.unitId, units.id))
    .where(sql`${events.id} IN (SELECT value FROM json_each(${sql.placeholder('eventIds')}))`)
    .orderBy(asc(units.province), asc(units.code))
    .prepare(),
);

/** The unit of each of these events, in the roster's order (province, then code, as `listUnits`). */
export function listUnitsOfEventsInOrder(
  db: Database,
  eventIds: readonly number[],
): { eventId: number; code: string; name: string; province: string; officer: string | null }[] {
  if (eventIds.length === 0) return [];
  return unitsOfEventsInOrder(db).all({ eventIds: JSON.stringify(eventIds) });
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
