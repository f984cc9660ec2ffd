import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { enUS } from 'date-fns/locale/en-US';
import { es } from 'date-fns/locale/es';
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

export function createDateFormatter(locale: Locale, timeZone: string): DateFormatter {
  const dateFnsLocale = locale === 'es' ? es : enUS;
  const zoned = (at: Date) => new TZDate(at.getTime(), timeZone);
  const dayPattern = locale === 'es' ? 'EEE d MMM' : 'EEE, MMM d';
  return {
    dateTime: (at) => format(zoned(at), `${dayPattern}, HH:mm`, { locale: dateFnsLocale }),
    date: (at) => format(zoned(at), dayPattern, { locale: dateFnsLocale }),
    time: (at) => format(zoned(at), 'HH:mm'),
    localDate: (date) => {
      const [year, month, day] = date.split('-').map(Number) as [number, number, number];
      return format(new TZDate(year, month - 1, day, 12, 0, timeZone), `${dayPattern} yyyy`, { locale: dateFnsLocale });
    },
    toLocalDate: (at) => format(zoned(at), 'yyyy-MM-dd'),
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
