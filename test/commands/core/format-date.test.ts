import { TZDate } from '@date-fns/tz';
import { format, formatISO } from 'date-fns';
import { enUS, es } from 'date-fns/locale';
import { describe, expect, it } from 'vitest';
import { createDateFormatter } from '../../../commands/core/format-date.js';

/** What the formatter wrote before it read the wall clock through Intl: date-fns on a TZDate. */
function withDateFns(locale: 'es' | 'en', timeZone: string, at: Date) {
  const options = { locale: locale === 'es' ? es : enUS };
  const zoned = new TZDate(at.getTime(), timeZone);
  const day = locale === 'es' ? 'EEE d MMM' : 'EEE, MMM d';
  return {
    dateTime: format(zoned, `${day}, HH:mm`, options),
    date: format(zoned, day, options),
    time: format(zoned, 'HH:mm'),
    toLocalDate: format(zoned, 'yyyy-MM-dd'),
  };
}

/** Every 7 h 13 min over a year, and every 15 minutes (and a millisecond either side) through the weeks clocks change. */
function instants(): Date[] {
  const found: Date[] = [];
  for (let at = Date.parse('2026-01-01T00:00:00Z'); at < Date.parse('2027-01-01T00:00:00Z'); at += 433 * 60_000) {
    found.push(new Date(at));
  }
  for (const week of ['2026-03-06', '2026-03-27', '2026-04-03', '2026-10-02', '2026-10-23', '2026-10-30']) {
    const start = Date.parse(`${week}T00:00:00Z`);
    for (let at = start; at < start + 4 * 86_400_000; at += 15 * 60_000) {
      found.push(new Date(at), new Date(at - 1), new Date(at + 59_999));
    }
  }
  return found;
}

describe('createDateFormatter', () => {
  it('writes an instant or a day it wrote before the same, and again after writing more than it remembers', () => {
    const dates = createDateFormatter('es', 'America/Guayaquil');
    const at = new Date('2026-09-15T15:00:00Z');
    expect(dates.dateTime(at)).toBe('mar 15 sep, 10:00');
    expect(dates.dateTime(new Date(at.getTime()))).toBe('mar 15 sep, 10:00');
    for (let minute = 1; minute <= 3000; minute += 1) dates.dateTime(new Date(at.getTime() + minute * 60_000));
    expect(dates.dateTime(at)).toBe('mar 15 sep, 10:00');
    expect(dates.dateTime(new Date(at.getTime() + 3000 * 60_000))).toBe('jue 17 sep, 12:00');
    expect(dates.localDate('2026-09-15')).toBe('mar 15 sep 2026');
    for (let day = 1; day <= 3000; day += 1)
      dates.localDate(new Date(Date.UTC(2027, 0, day)).toISOString().slice(0, 10));
    expect(dates.localDate('2026-09-15')).toBe('mar 15 sep 2026');
  });

  it('writes dates, times and calendar days exactly as date-fns does, in zones with and without clock changes', () => {
    const zones = ['America/Guayaquil', 'America/New_York', 'Europe/Madrid', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
    const all = instants();
    for (const locale of ['es', 'en'] as const) {
      for (const zone of zones) {
        const dates = createDateFormatter(locale, zone);
        for (const at of all) {
          const written = {
            dateTime: dates.dateTime(at),
            date: dates.date(at),
            time: dates.time(at),
            toLocalDate: dates.toLocalDate(at),
          };
          if (JSON.stringify(written) !== JSON.stringify(withDateFns(locale, zone, at))) {
            expect({ locale, zone, at: at.toISOString(), ...written }).toEqual({
              locale,
              zone,
              at: at.toISOString(),
              ...withDateFns(locale, zone, at),
            });
          }
        }
      }
    }
  });

  it('writes a calendar day exactly as date-fns does at noon there, a day Samoa skipped included', () => {
    const days: string[] = [];
    for (const [from, to] of [
      ['2011-12-25', '2012-01-05'],
      ['2026-01-01', '2027-01-01'],
    ] as const) {
      for (let at = Date.parse(from); at < Date.parse(to); at += 86_400_000) {
        days.push(new Date(at).toISOString().slice(0, 10));
      }
    }
    for (const locale of ['es', 'en'] as const) {
      const options = { locale: locale === 'es' ? es : enUS };
      const pattern = locale === 'es' ? 'EEE d MMM yyyy' : 'EEE, MMM d yyyy';
      for (const zone of ['America/Guayaquil', 'Europe/Madrid', 'Pacific/Apia']) {
        const dates = createDateFormatter(locale, zone);
        for (const day of days) {
          const [year, month, date] = day.split('-').map(Number) as [number, number, number];
          expect(dates.localDate(day)).toBe(format(new TZDate(year, month - 1, date, 12, 0, zone), pattern, options));
        }
      }
    }
  });

  it('writes a session in Guayaquil as people there read it', () => {
    const at = new Date('2026-09-15T15:00:00Z');
    expect(createDateFormatter('es', 'America/Guayaquil').dateTime(at)).toBe('mar 15 sep, 10:00');
    expect(createDateFormatter('en', 'America/Guayaquil').dateTime(at)).toBe('Tue, Sep 15, 10:00');
    expect(createDateFormatter('es', 'America/Guayaquil').toLocalDate(new Date('2026-09-16T04:59:00Z'))).toBe(
      '2026-09-15',
    );
  });

  it('writes an instant as ISO 8601 with the offset there, as date-fns formatISO does, across clock changes', () => {
    expect(createDateFormatter('es', 'America/Guayaquil').iso(new Date('2026-09-15T15:00:00Z'))).toBe(
      '2026-09-15T10:00:00-05:00',
    );
    expect(createDateFormatter('es', 'Pacific/Galapagos').iso(new Date('2026-09-15T16:00:00Z'))).toBe(
      '2026-09-15T10:00:00-06:00',
    );
    for (const timeZone of ['Europe/Madrid', 'Asia/Kolkata', 'America/El_Salvador', 'UTC']) {
      const dates = createDateFormatter('es', timeZone);
      for (const at of instants().filter((_, index) => index % 7 === 0)) {
        const expected = formatISO(new TZDate(at.getTime(), timeZone)).replace(/Z$/, '+00:00');
        expect(dates.iso(at)).toBe(expected);
      }
    }
  });
});
