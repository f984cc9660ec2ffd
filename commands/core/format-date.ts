import { TZDate } from '@date-fns/tz';
import type { Day, Month } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import { es } from 'date-fns/locale/es';
import type { LocalDate } from './parse-values.js';
import type { Locale } from './types.js';

/**
 * Dates as people there write them (`mar 15 sep, 10:00`), in one time zone: the campaign's, or a
 * unit's own (Galápagos); a formatter that names its zone writes `10:00 (hora de Galápagos)`.
 */
export interface DateFormatter {
  readonly locale: Locale;
  readonly timeZone: string;
  /** Whether date-times and times name the zone (`10:00 (hora de Galápagos)`). */
  readonly namesZone: boolean;
  dateTime(at: Date): string;
  date(at: Date): string;
  time(at: Date): string;
  localDate(date: LocalDate): string;
  /** The calendar date of an instant in the campaign's time zone, `YYYY-MM-DD`. */
  toLocalDate(at: Date): LocalDate;
  /** The instant of a local date and time in the campaign's time zone. */
  toInstant(date: LocalDate, hours: number, minutes: number): Date;
  /** ISO 8601 with the zone's offset, `2026-09-15T10:00:00-05:00`: sortable, and exact anywhere. */
  iso(at: Date): string;
}

const HOUR_MS = 3_600_000;
/** Hours whose offset a zone remembers: a campaign's dates fall in a few hundred. */
const MAX_REMEMBERED_HOURS = 4096;
/** One reader per time zone: building an `Intl.DateTimeFormat` costs far more than using it. */
const offsetReaders = new Map<string, (at: number) => number>();

/**
 * The offset of `timeZone` from UTC at an instant, in ms, from the runtime's time-zone data (the
 * data date-fns' TZDate reads too). Intl is asked once per hour of time: when the offset is the
 * same at both ends of an hour, no clock change falls inside it, and every instant of that hour
 * has that offset; an hour with a change in it is asked about each instant.
 */
function offsetReaderOf(timeZone: string): (at: number) => number {
  const known = offsetReaders.get(timeZone);
  if (known) return known;
  const wallClock = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const exactly = (at: number) => {
    const fields: Record<string, number> = {};
    for (const part of wallClock.formatToParts(at)) fields[part.type] = Number(part.value);
    const wall = new Date(0);
    wall.setUTCFullYear(fields.year ?? 0, (fields.month ?? 1) - 1, fields.day ?? 1);
    wall.setUTCHours(fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0, 0);
    return wall.getTime() - Math.floor(at / 1000) * 1000;
  };
  /** Per hour since 1970: its offset, or undefined when the offset changes within it. */
  const byHour = new Map<number, number | undefined>();
  const offsetAt = (at: number) => {
    const hour = Math.floor(at / HOUR_MS);
    if (!byHour.has(hour)) {
      const start = exactly(hour * HOUR_MS);
      const end = exactly(hour * HOUR_MS + HOUR_MS - 1000);
      if (byHour.size >= MAX_REMEMBERED_HOURS) byHour.delete(byHour.keys().next().value as number);
      byHour.set(hour, start === end ? start : undefined);
    }
    return byHour.get(hour) ?? exactly(at);
  };
  offsetReaders.set(timeZone, offsetAt);
  return offsetAt;
}

const twoDigits = (value: number) => (value < 10 ? `0${value}` : String(value));

/** Texts each remembering writer of a formatter keeps (about 100 KB at most); past it, the oldest go. */
const MAX_REMEMBERED_TEXTS = 1024;

/** `write`, remembering what it wrote for the last MAX_REMEMBERED_TEXTS keys. */
function remembering<Key>(write: (key: Key) => string): (key: Key) => string {
  const texts = new Map<Key, string>();
  return (key) => {
    let text = texts.get(key);
    if (text === undefined) {
      text = write(key);
      if (texts.size >= MAX_REMEMBERED_TEXTS) texts.delete(texts.keys().next().value as Key);
      texts.set(key, text);
    }
    return text;
  };
}

/** One formatter per language and zone: it holds nothing else, and every request asks for one. */
const formatters = new Map<string, DateFormatter>();

/**
 * The formatter of a language and zone; with `nameZone`, its date-times and times name the zone
 * (for a unit whose zone is not the campaign's, so nobody reads Galápagos' 10:00 as Quito's).
 */
export function createDateFormatter(
  locale: Locale,
  timeZone: string,
  options: { nameZone?: boolean } = {},
): DateFormatter {
  const key = `${locale}\n${timeZone}\n${options.nameZone === true}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = Object.freeze(buildDateFormatter(locale, timeZone, options.nameZone === true));
    formatters.set(key, formatter);
  }
  return formatter;
}

const zoneNameReaders = new Map<string, Intl.DateTimeFormat>();

/**
 * The zone's long name in the language at an instant, from the runtime's data: `hora de Galápagos`,
 * `Galapagos Time` (at the instant, because a name changes with summer time and with history:
 * Galápagos kept Ecuador's hour until 1986).
 */
export function zoneNameOf(locale: Locale, timeZone: string, at: Date): string {
  const key = `${locale}\n${timeZone}`;
  let reader = zoneNameReaders.get(key);
  if (!reader) {
    reader = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' });
    zoneNameReaders.set(key, reader);
  }
  return reader.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

function buildDateFormatter(locale: Locale, timeZone: string, nameZone: boolean): DateFormatter {
  const dateFnsLocale = locale === 'es' ? es : enUS;
  const offsetAt = offsetReaderOf(timeZone);
  /** The wall clock there, read from a Date shifted by the offset (its UTC fields are the local ones). */
  const wallClock = (at: Date) => new Date(at.getTime() + offsetAt(at.getTime()));
  // Day and month names from date-fns' locale, exactly as `format` writes `EEE` and `MMM`.
  const day = (clock: Date) =>
    dateFnsLocale.localize.day(clock.getUTCDay() as Day, { width: 'abbreviated', context: 'formatting' });
  const month = (clock: Date) =>
    dateFnsLocale.localize.month(clock.getUTCMonth() as Month, { width: 'abbreviated', context: 'formatting' });
  const dayText =
    locale === 'es'
      ? (clock: Date) => `${day(clock)} ${clock.getUTCDate()} ${month(clock)}`
      : (clock: Date) => `${day(clock)}, ${month(clock)} ${clock.getUTCDate()}`;
  const timeText = (clock: Date) => `${twoDigits(clock.getUTCHours())}:${twoDigits(clock.getUTCMinutes())}`;
  // Replies name the same few instants and days again and again (an event's steps fall due at a
  // handful of hours), and writing one anew costs a Date (a TZDate for a day) and several strings.
  const zoneSuffix = nameZone ? (at: Date) => ` (${zoneNameOf(locale, timeZone, at)})` : () => '';
  const dateTimeAt = remembering((instant: number) => {
    const clock = wallClock(new Date(instant));
    return `${dayText(clock)}, ${timeText(clock)}${zoneSuffix(new Date(instant))}`;
  });
  return {
    locale,
    timeZone,
    namesZone: nameZone,
    dateTime: (at) => dateTimeAt(at.getTime()),
    date: (at) => dayText(wallClock(at)),
    time: (at) => `${timeText(wallClock(at))}${zoneSuffix(at)}`,
    localDate: remembering((date: LocalDate) => {
      const [year, month, day] = date.split('-').map(Number) as [number, number, number];
      // Noon there on that day, as TZDate puts it, written as the other dates are.
      const clock = wallClock(new Date(new TZDate(year, month - 1, day, 12, 0, timeZone).getTime()));
      return `${dayText(clock)} ${String(clock.getUTCFullYear()).padStart(4, '0')}`;
    }),
    toLocalDate: (at) => {
      const clock = wallClock(at);
      return `${String(clock.getUTCFullYear()).padStart(4, '0')}-${twoDigits(clock.getUTCMonth() + 1)}-${twoDigits(clock.getUTCDate())}`;
    },
    iso: (at) => {
      const offsetMinutes = Math.round(offsetAt(at.getTime()) / 60_000);
      const clock = wallClock(at);
      const sign = offsetMinutes < 0 ? '-' : '+';
      const offset = `${sign}${twoDigits(Math.floor(Math.abs(offsetMinutes) / 60))}:${twoDigits(Math.abs(offsetMinutes) % 60)}`;
      return `${clock.toISOString().slice(0, 19)}${offset}`;
    },
    toInstant: (date, hours, minutes) => {
      const [year, month, day] = date.split('-').map(Number) as [number, number, number];
      return new Date(new TZDate(year, month - 1, day, hours, minutes, timeZone).getTime());
    },
  };
}

/** Whole hours or days between two instants, for ages such as "hace 3 h" / "hace 2 d". */
export function elapsedParts(from: Date, to: Date): { days: number; hours: number } {
  const totalHours = Math.max(0, Math.floor((to.getTime() - from.getTime()) / 3_600_000));
  return { days: Math.floor(totalHours / 24), hours: totalHours % 24 };
}
