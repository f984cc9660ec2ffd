import { TZDate } from '@date-fns/tz';
import { type Day, format, type Month } from 'date-fns';
import { enUS, es } from 'date-fns/locale';
import type { LocalDate } from './parse-values.js';
import type { Locale } from './types.js';

/** Dates as people there write them (`mar 15 sep, 10:00`), in the campaign's time zone. */
export interface DateFormatter {
  dateTime(at: Date): string;
  date(at: Date): string;
  time(at: Date): string;
  localDate(date: LocalDate): string;
  /** The calendar date of an instant in the campaign's time zone, `YYYY-MM-DD`. */
  toLocalDate(at: Date): LocalDate;
  /** The instant of a local date and time in the campaign's time zone. */
  toInstant(date: LocalDate, hours: number, minutes: number): Date;
}

/** The wall clock of an instant in a time zone; `weekday` 0 is Sunday, `month` 1 is January. */
interface WallClock {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
/** One reader per time zone: building an `Intl.DateTimeFormat` costs far more than using it. */
const wallClocks = new Map<string, (at: Date) => WallClock>();

/**
 * Reads the wall clock in `timeZone` with the runtime's time-zone data, the data date-fns' TZDate
 * reads too; a status with twenty dates costs a tenth of formatting a TZDate with date-fns.
 */
function wallClockIn(timeZone: string): (at: Date) => WallClock {
  let read = wallClocks.get(timeZone);
  if (!read) {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    read = (at) => {
      const clock: WallClock = { year: 0, month: 0, day: 0, weekday: 0, hour: 0, minute: 0 };
      for (const part of parts.formatToParts(at)) {
        if (part.type === 'weekday') clock.weekday = WEEKDAYS[part.value] ?? 0;
        else if (part.type in clock) clock[part.type as keyof WallClock] = Number(part.value);
      }
      return clock;
    };
    wallClocks.set(timeZone, read);
  }
  return read;
}

const twoDigits = (value: number) => (value < 10 ? `0${value}` : String(value));

export function createDateFormatter(locale: Locale, timeZone: string): DateFormatter {
  const dateFnsLocale = locale === 'es' ? es : enUS;
  const dayPattern = locale === 'es' ? 'EEE d MMM' : 'EEE, MMM d';
  const wallClock = wallClockIn(timeZone);
  // Day and month names from date-fns' locale, exactly as `format` writes `EEE` and `MMM`.
  const day = (clock: WallClock) =>
    dateFnsLocale.localize.day(clock.weekday as Day, { width: 'abbreviated', context: 'formatting' });
  const month = (clock: WallClock) =>
    dateFnsLocale.localize.month((clock.month - 1) as Month, { width: 'abbreviated', context: 'formatting' });
  const dayText =
    locale === 'es'
      ? (clock: WallClock) => `${day(clock)} ${clock.day} ${month(clock)}`
      : (clock: WallClock) => `${day(clock)}, ${month(clock)} ${clock.day}`;
  const timeText = (clock: WallClock) => `${twoDigits(clock.hour)}:${twoDigits(clock.minute)}`;
  return {
    dateTime: (at) => {
      const clock = wallClock(at);
      return `${dayText(clock)}, ${timeText(clock)}`;
    },
    date: (at) => dayText(wallClock(at)),
    time: (at) => timeText(wallClock(at)),
    localDate: (date) => {
      const [year, month, day] = date.split('-').map(Number) as [number, number, number];
      return format(new TZDate(year, month - 1, day, 12, 0, timeZone), `${dayPattern} yyyy`, { locale: dateFnsLocale });
    },
    toLocalDate: (at) => {
      const clock = wallClock(at);
      return `${String(clock.year).padStart(4, '0')}-${twoDigits(clock.month)}-${twoDigits(clock.day)}`;
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
