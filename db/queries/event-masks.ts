import type BetterSqlite3 from 'better-sqlite3';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { eventSteps } from '../schema.js';
import { preparedOnce } from './prepared.js';

/** Bit `i` of a done mask is set when `stepIds[i]` is ticked; JavaScript's bit operators take 31 bits. */
export const MAX_MASK_STEPS = 31;

function checkWidth(stepIds: readonly string[]): void {
  if (stepIds.length > MAX_MASK_STEPS) throw new Error(`A done mask holds ${MAX_MASK_STEPS} steps at most.`);
}

/**
 * The ticked steps of the event whose id is `eventId` (a column) as a bit mask over `stepIds`: a
 * subquery summing one bit per tick, so a campaign's million ticks never leave SQLite as rows.
 */
export function doneMaskSql(stepIds: readonly string[], eventId: SQL): SQL<number> {
  checkWidth(stepIds);
  const bits = stepIds.length
    ? sql.join(
        stepIds.map((stepId, i) => sql`WHEN ${stepId} THEN ${2 ** i}`),
        sql` `,
      )
    : sql`WHEN NULL THEN 0`;
  return sql<number>`(SELECT coalesce(sum(CASE ticks.step_id ${bits} ELSE 0 END), 0)
    FROM ${eventSteps} AS ticks WHERE ticks.event_id = ${eventId})`;
}

/** Every event of a campaign as columns of numbers, in one order: the `i`-th of each is one event. */
export interface EventMasks {
  eventIds: number[];
  /** Milliseconds since the epoch. */
  startsAt: number[];
  /** `1` if the session shows a video or photos, plus `2` if it has a cultural segment. */
  flags: number[];
  /** The ticked steps, as `doneMaskSql` gives them. */
  doneMasks: number[];
}

/**
 * The same query for one list of steps, prepared once per connection. Written for better-sqlite3
 * directly, to read raw rows one at a time (`iterate`): at 100,000 events, an object per row
 * (drizzle's mapping or better-sqlite3's own) cost more than SQLite's work on the ticks.
 */
const preparedMaskStatements = preparedOnce(() => new Map<string, BetterSqlite3.Statement<unknown[]>>());

function maskStatement(db: Database, stepIds: readonly string[]): BetterSqlite3.Statement<unknown[]> {
  checkWidth(stepIds);
  const statements = preparedMaskStatements(db);
  const key = JSON.stringify(stepIds);
  let statement = statements.get(key);
  if (!statement) {
    const bits = stepIds.map((_, i) => `WHEN ? THEN ${2 ** i}`).join(' ') || 'WHEN NULL THEN 0';
    statement = db.sqlite
      .prepare<unknown[]>(
        `SELECT events.id, events.starts_at,
           (events.shows_video OR events.shows_photos) + 2 * events.has_cultural_segment,
           (SELECT coalesce(sum(CASE ticks.step_id ${bits} ELSE 0 END), 0)
              FROM event_steps AS ticks WHERE ticks.event_id = events.id)
         FROM events WHERE events.campaign_id = ?`,
      )
      .raw();
    statements.set(key, statement);
  }
  return statement;
}

/** Every event of the campaign with its flags and ticked steps, as numbers: one row per event, no object per row. */
export function readEventMasks(db: Database, campaignId: number, stepIds: readonly string[]): EventMasks {
  const masks: EventMasks = { eventIds: [], startsAt: [], flags: [], doneMasks: [] };
  for (const row of maskStatement(db, stepIds).iterate(...stepIds, campaignId) as Iterable<number[]>) {
    masks.eventIds.push(row[0] as number);
    masks.startsAt.push(row[1] as number);
    masks.flags.push(row[2] as number);
    masks.doneMasks.push(row[3] as number);
  }
  return masks;
}
