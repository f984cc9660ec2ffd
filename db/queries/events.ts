import { and, asc, count, eq, gt, gte, lt, ne, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { events, units } from '../schema.js';
import { recordAudit } from './audit.js';
import { doneMaskSql } from './event-masks.js';
import { preparedOnce } from './prepared.js';
import { tableRows } from './table-rows.js';
import type { Unit } from './units.js';

export type CampaignEvent = typeof events.$inferSelect;
export type EventDetails = Pick<
  CampaignEvent,
  | 'startsAt'
  | 'platform'
  | 'room'
  | 'questionsEmail'
  | 'joinUrl'
  | 'expectedAttendance'
  | 'showsVideo'
  | 'showsPhotos'
  | 'hasCulturalSegment'
>;

const eventOfUnit = preparedOnce((db) =>
  db.orm
    .select()
    .from(events)
    .where(eq(events.unitId, sql.placeholder('unitId')))
    .prepare(),
);

export function findEventByUnit(db: Database, unitId: number): CampaignEvent | undefined {
  return eventOfUnit(db).get({ unitId });
}

export function findEventWithUnit(db: Database, eventId: number): { event: CampaignEvent; unit: Unit } | undefined {
  return db.orm
    .select({ event: events, unit: units })
    .from(events)
    .innerJoin(units, eq(events.unitId, units.id))
    .where(eq(events.id, eventId))
    .get();
}

/** A session as the summary lists it. */
export interface SessionLine {
  unitCode: string;
  unitName: string;
  province: string;
  startsAt: Date;
  platform: string;
}

const inRange = () =>
  and(
    eq(events.campaignId, sql.placeholder('campaignId')),
    gte(events.startsAt, sql.placeholder('from')),
    lt(events.startsAt, sql.placeholder('until')),
  );

const sessionsInRange = preparedOnce((db) =>
  db.orm
    .select({
      unitCode: units.code,
      unitName: units.name,
      province: units.province,
      startsAt: events.startsAt,
      platform: events.platform,
    })
    .from(events)
    .innerJoin(units, eq(events.unitId, units.id))
    .where(inRange())
    // After the time, the roster's order: the summary listed sessions in that order before.
    .orderBy(asc(events.startsAt), asc(units.province), asc(units.code))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare(),
);

const sessionCountInRange = preparedOnce((db) =>
  db.orm.select({ total: count() }).from(events).where(inRange()).prepare(),
);

/**
 * The sessions starting from `from` until (not including) `until`, in time order: `limit` of them
 * after the first `offset` (all of them without a limit), and how many there are in all.
 */
export function listSessionsBetween(
  db: Database,
  range: { campaignId: number; from: Date; until: Date },
  page: { limit?: number; offset?: number } = {},
): { sessions: SessionLine[]; total: number } {
  const bounds = { campaignId: range.campaignId, from: range.from.getTime(), until: range.until.getTime() };
  const sessions = sessionsInRange(db).all({ ...bounds, limit: page.limit ?? -1, offset: page.offset ?? 0 });
  const total =
    page.limit === undefined && !page.offset ? sessions.length : (sessionCountInRange(db).get(bounds)?.total ?? 0);
  return { sessions, total };
}

export function listEventsWithUnits(db: Database, campaignId: number): { event: CampaignEvent; unit: Unit }[] {
  return db.orm
    .select({ event: events, unit: units })
    .from(events)
    .innerJoin(units, eq(events.unitId, units.id))
    .where(eq(events.campaignId, campaignId))
    .orderBy(events.startsAt)
    .all();
}

/** The other sessions of the campaign that start less than `withinMs` before or after `at`. */
export function listSessionsNear(
  db: Database,
  input: { campaignId: number; at: Date; withinMs: number; exceptEventId: number },
): { event: CampaignEvent; unit: Unit }[] {
  return db.orm
    .select({ event: events, unit: units })
    .from(events)
    .innerJoin(units, eq(events.unitId, units.id))
    .where(
      and(
        eq(events.campaignId, input.campaignId),
        ne(events.id, input.exceptEventId),
        gt(events.startsAt, new Date(input.at.getTime() - input.withinMs)),
        lt(events.startsAt, new Date(input.at.getTime() + input.withinMs)),
      ),
    )
    .orderBy(events.startsAt, units.code)
    .all();
}

/**
 * Whether some session of the campaign has a moment `startsAt + offset` (one of `offsetsMs`) in
 * [`from`, `until`): a checklist step fell due then, so its state changed with the clock alone.
 * One indexed range read per offset.
 */
export function hasDueMomentBetween(
  db: Database,
  input: { campaignId: number; from: Date; until: Date; offsetsMs: readonly number[] },
): boolean {
  return input.offsetsMs.some(
    (offset) =>
      db.orm
        .select({ id: events.id })
        .from(events)
        .where(
          and(
            eq(events.campaignId, input.campaignId),
            gte(events.startsAt, new Date(input.from.getTime() - offset)),
            lt(events.startsAt, new Date(input.until.getTime() - offset)),
          ),
        )
        .limit(1)
        .get() !== undefined,
  );
}

const eventRows = tableRows(events);

/**
 * Every event of the campaign with its ticked steps as a bit mask over `stepIds`: one query, one
 * row per event, instead of a row per tick (a campaign of 100,000 events has over a million ticks).
 */
export function listEventsWithDoneMasks(
  db: Database,
  campaignId: number,
  stepIds: readonly string[],
): { event: CampaignEvent; doneMask: number }[] {
  const width = Object.keys(eventRows.columns).length;
  return eventsWithDoneMasks(db, stepIds)
    .values({ campaignId })
    .map((row) => ({ event: eventRows.toObject(row), doneMask: Number(row[width]) }));
}

/** The query for one list of steps, prepared once per connection (the list is the checklist's). */
const preparedMaskQueries = preparedOnce(() => new Map<string, ReturnType<typeof prepareMaskQuery>>());

function eventsWithDoneMasks(db: Database, stepIds: readonly string[]) {
  const queries = preparedMaskQueries(db);
  const key = JSON.stringify(stepIds);
  let query = queries.get(key);
  if (!query) {
    query = prepareMaskQuery(db, stepIds);
    queries.set(key, query);
  }
  return query;
}

function prepareMaskQuery(db: Database, stepIds: readonly string[]) {
  return db.orm
    .select({
      ...eventRows.columns,
      // Spelled out with its table: in a one-table select drizzle writes columns without their
      // table, and inside the subquery "id" would be the tick's own.
      doneMask: doneMaskSql(stepIds, sql`"events"."id"`),
    })
    .from(events)
    .where(eq(events.campaignId, sql.placeholder('campaignId')))
    .prepare();
}

export function eventDetailsOf(event: CampaignEvent): EventDetails {
  return {
    startsAt: event.startsAt,
    platform: event.platform,
    room: event.room,
    questionsEmail: event.questionsEmail,
    joinUrl: event.joinUrl,
    expectedAttendance: event.expectedAttendance,
    showsVideo: event.showsVideo,
    showsPhotos: event.showsPhotos,
    hasCulturalSegment: event.hasCulturalSegment,
  };
}

function sameDetails(a: EventDetails, b: EventDetails): boolean {
  return (
    a.startsAt.getTime() === b.startsAt.getTime() &&
    a.platform === b.platform &&
    a.room === b.room &&
    a.questionsEmail === b.questionsEmail &&
    a.joinUrl === b.joinUrl &&
    a.expectedAttendance === b.expectedAttendance &&
    a.showsVideo === b.showsVideo &&
    a.showsPhotos === b.showsPhotos &&
    a.hasCulturalSegment === b.hasCulturalSegment
  );
}

export type SaveEventOutcome = 'created' | 'updated' | 'unchanged';

/** Registers the unit's session or reschedules it; a repeat with the same details changes nothing. */
export function saveEvent(
  db: Database,
  input: { campaignId: number; unit: Unit; details: EventDetails; actor: string; at: Date; requestId?: string },
): { event: CampaignEvent; outcome: SaveEventOutcome; previous?: EventDetails } {
  const existing = findEventByUnit(db, input.unit.id);
  if (!existing) {
    const event = db.orm
      .insert(events)
      .values({
        campaignId: input.campaignId,
        unitId: input.unit.id,
        ...input.details,
        registeredBy: input.actor,
        createdAt: input.at,
        updatedAt: input.at,
      })
      .returning()
      .get();
    recordAudit(db, {
      at: input.at,
      actor: input.actor,
      action: 'event.registered',
      entity: 'event',
      entityId: event.id,
      after: { unit: input.unit.code, ...input.details },
      requestId: input.requestId,
    });
    return { event, outcome: 'created' };
  }
  const previous = eventDetailsOf(existing);
  if (sameDetails(previous, input.details)) return { event: existing, outcome: 'unchanged', previous };
  const event = db.orm
    .update(events)
    .set({ ...input.details, updatedAt: input.at })
    .where(eq(events.id, existing.id))
    .returning()
    .get();
  recordAudit(db, {
    at: input.at,
    actor: input.actor,
    action: 'event.updated',
    entity: 'event',
    entityId: event.id,
    before: { unit: input.unit.code, ...previous },
    after: { unit: input.unit.code, ...input.details },
    requestId: input.requestId,
  });
  return { event, outcome: 'updated', previous };
}
