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
 * The step ids grouped by length, each with its bit: SQLite compares a tick's step id with every
 * WHEN of a CASE in turn, so a CASE on the length first, then on the few ids of that length, costs
 * about a third fewer comparisons (at 100,000 events, a million ticks: about 30 ms of 200).
 */
function stepsByLength(stepIds: readonly string[]): { length: number; steps: { id: string; bit: number }[] }[] {
  checkWidth(stepIds);
  const groups = new Map<number, { id: string; bit: number }[]>();
  stepIds.forEach((id, i) => {
    // SQLite's length() counts characters, as the spread does (not UTF-16 units).
    const length = [...id].length;
    groups.set(length, [...(groups.get(length) ?? []), { id, bit: 2 ** i }]);
  });
  return [...groups].map(([length, steps]) => ({ length, steps }));
}

/**
 * The ticked steps of the event whose id is `eventId` (a column) as a bit mask over `stepIds`: a
 * subquery summing one bit per tick, so a campaign's million ticks never leave SQLite as rows.
 */
export function doneMaskSql(stepIds: readonly string[], eventId: SQL): SQL<number> {
  const groups = stepsByLength(stepIds).map(
    ({ length, steps }) =>
      sql`WHEN ${length} THEN CASE ticks.step_id ${sql.join(
        steps.map(({ id, bit }) => sql`WHEN ${id} THEN ${bit}`),
        sql` `,
      )} ELSE 0 END`,
  );
  const bits = groups.length ? sql`CASE length(ticks.step_id) ${sql.join(groups, sql` `)} ELSE 0 END` : sql`0`;
  return sql<number>`(SELECT coalesce(sum(${bits}), 0)
    FROM ${eventSteps} AS ticks WHERE ticks.event_id = ${eventId})`;
}

/** `doneMaskSql` as SQL text for `events.id`, with a `?` for each step id in `stepIds` order. */
function doneMaskText(stepIds: readonly string[]): { text: string; ids: string[] } {
  const ids: string[] = [];
  const groups = stepsByLength(stepIds).map(({ length, steps }) => {
    const whens = steps.map(({ id, bit }) => {
      ids.push(id);
      return `WHEN ? THEN ${bit}`;
    });
    return `WHEN ${length} THEN CASE ticks.step_id ${whens.join(' ')} ELSE 0 END`;
  });
  const bits = groups.length ? `CASE length(ticks.step_id) ${groups.join(' ')} ELSE 0 END` : '0';
  return {
    text: `(SELECT coalesce(sum(${bits}), 0) FROM event_steps AS ticks WHERE ticks.event_id = events.id)`,
    ids,
  };
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
  /** The province of each event's unit, when asked for (the chart counts by province). */
  provinces?: string[];
}

/** Above the 31 bits of a done mask, the flags: `flags × 2^31 + mask` is exact in a double. */
const FLAGS_FACTOR = 2 ** MAX_MASK_STEPS;

interface MaskStatements {
  ids: BetterSqlite3.Statement<unknown[]>;
  startsAt: BetterSqlite3.Statement<unknown[]>;
  flagsAndMasks: BetterSqlite3.Statement<unknown[]>;
  provinces: BetterSqlite3.Statement<unknown[]>;
  stepIds: string[];
}

/**
 * One-column queries, prepared once per connection for a list of steps, written for
 * better-sqlite3 directly to read each column as a plain array of numbers (`pluck`): at 100,000
 * events, an array or object per row cost about a third of SQLite's own work on the ticks.
 * Three are numbers and always read; the fourth, the unit's province, only for the chart. All
 * read the campaign's events in id order.
 */
const preparedMaskStatements = preparedOnce(() => new Map<string, MaskStatements>());

function maskStatements(db: Database, stepIds: readonly string[]): MaskStatements {
  const statements = preparedMaskStatements(db);
  const key = JSON.stringify(stepIds);
  let prepared = statements.get(key);
  if (!prepared) {
    const mask = doneMaskText(stepIds);
    const column = (expression: string, join = '') =>
      db.sqlite
        .prepare<unknown[]>(`SELECT ${expression} FROM events ${join} WHERE events.campaign_id = ? ORDER BY events.id`)
        .pluck();
    prepared = {
      ids: column('events.id'),
      startsAt: column('events.starts_at'),
      flagsAndMasks: column(
        `((events.shows_video OR events.shows_photos) + 2 * events.has_cultural_segment) * ${FLAGS_FACTOR} + ${mask.text}`,
      ),
      // A left join keeps one row per event, so this column lines up with the others.
      provinces: column('units.province', 'LEFT JOIN units ON units.id = events.unit_id'),
      stepIds: mask.ids,
    };
    statements.set(key, prepared);
  }
  return prepared;
}

/**
 * Every event of the campaign with its flags and ticked steps, as numbers: no array or object per
 * event. With `withProvinces`, also each event's province (a fourth column, about 25 ms at 100,000 events).
 */
export function readEventMasks(
  db: Database,
  campaignId: number,
  stepIds: readonly string[],
  options: { withProvinces?: boolean } = {},
): EventMasks {
  const statements = maskStatements(db, stepIds);
  // One read transaction: the columns see the same events.
  return db.sqlite.transaction(() => {
    const eventIds = statements.ids.all(campaignId) as number[];
    const startsAt = statements.startsAt.all(campaignId) as number[];
    const packed = statements.flagsAndMasks.all(...statements.stepIds, campaignId) as number[];
    const flags = packed.map((value) => Math.floor(value / FLAGS_FACTOR));
    const doneMasks = packed.map((value) => value % FLAGS_FACTOR);
    const provinces = options.withProvinces
      ? (statements.provinces.all(campaignId) as (string | null)[]).map((province) => province ?? '')
      : undefined;
    return { eventIds, startsAt, flags, doneMasks, provinces };
  })();
}

/** A unit with its session's start, flags and ticked steps (as in `EventMasks`); no session: nulls and 0. */
export interface UnitMasks {
  code: string;
  name: string;
  province: string;
  startsAt: number | null;
  flags: number | null;
  doneMask: number;
}

/** A province's units, or the units with these ids. */
export type UnitSelection = { province: string } | { unitIds: readonly number[] };

const preparedUnitMaskStatements = preparedOnce(
  () =>
    new Map<
      string,
      { byProvince: BetterSqlite3.Statement<unknown[]>; byIds: BetterSqlite3.Statement<unknown[]>; stepIds: string[] }
    >(),
);

function unitMaskStatements(db: Database, stepIds: readonly string[]) {
  const statements = preparedUnitMaskStatements(db);
  const key = JSON.stringify(stepIds);
  let prepared = statements.get(key);
  if (!prepared) {
    const mask = doneMaskText(stepIds);
    const select = (filter: string) =>
      db.sqlite.prepare<unknown[]>(
        `SELECT units.code AS code, units.name AS name, units.province AS province, events.starts_at AS startsAt,
             (events.shows_video OR events.shows_photos) + 2 * events.has_cultural_segment AS flags,
             CASE WHEN events.id IS NULL THEN 0 ELSE ${mask.text} END AS doneMask
           FROM units LEFT JOIN events ON events.unit_id = units.id
           WHERE units.campaign_id = ? AND ${filter}
           ORDER BY units.province, units.code`,
      );
    prepared = {
      byProvince: select('units.province = ?'),
      // The ids as a JSON array: one statement for however many there are.
      byIds: select('units.id IN (SELECT value FROM json_each(?))'),
      stepIds: mask.ids,
    };
    statements.set(key, prepared);
  }
  return prepared;
}

/**
 * The selected units in the roster's order (province, then code, as `listUnits`), each with its
 * session's numbers: one row per unit, its ticks summed into a mask by SQLite.
 */
export function listUnitMasks(
  db: Database,
  campaignId: number,
  selection: UnitSelection,
  stepIds: readonly string[],
): UnitMasks[] {
  const statements = unitMaskStatements(db, stepIds);
  if ('province' in selection) {
    return statements.byProvince.all(...statements.stepIds, campaignId, selection.province) as UnitMasks[];
  }
  if (selection.unitIds.length === 0) return [];
  return statements.byIds.all(...statements.stepIds, campaignId, JSON.stringify(selection.unitIds)) as UnitMasks[];
}
