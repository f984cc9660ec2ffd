import { eq, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { eventSteps, events, units } from '../schema.js';
import { recordAudit } from './audit.js';
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

export function listEventsWithUnits(db: Database, campaignId: number): { event: CampaignEvent; unit: Unit }[] {
  return db.orm
    .select({ event: events, unit: units })
    .from(events)
    .innerJoin(units, eq(events.unitId, units.id))
    .where(eq(events.campaignId, campaignId))
    .orderBy(events.startsAt)
    .all();
}

/** Bit `i` of a done mask is set when `stepIds[i]` is ticked; JavaScript's bit operators take 31 bits. */
const MAX_MASK_STEPS = 31;
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
  if (stepIds.length > MAX_MASK_STEPS) throw new Error(`A done mask holds ${MAX_MASK_STEPS} steps at most.`);
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
  const bits = stepIds.length
    ? sql.join(
        stepIds.map((stepId, i) => sql`WHEN ${stepId} THEN ${2 ** i}`),
        sql` `,
      )
    : sql`WHEN NULL THEN 0`;
  return db.orm
    .select({
      ...eventRows.columns,
      // Spelled out with an alias: in a one-table select drizzle writes columns without their table,
      // and the subquery's "id" would be its own.
      doneMask: sql<number>`(SELECT coalesce(sum(CASE ticks.step_id ${bits} ELSE 0 END), 0)
        FROM ${eventSteps} AS ticks WHERE ticks.event_id = "events"."id")`,
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
