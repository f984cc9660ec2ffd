import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { es } from 'date-fns/locale/es';
import { createDateFormatter } from '../../commands/core/format-date.js';
import { type AbResult, compare } from './ab.js';

const ZONE = 'America/Guayaquil';
/** What the formatter wrote before its own writer: date-fns on a TZDate (the test compares the two). */
const withDateFns = (at: Date) => format(new TZDate(at.getTime(), ZONE), 'EEE d MMM, HH:mm', { locale: es });

/**
 * `dates.dateTime` (the offset asked of Intl once per hour, date-fns' day and month names, the
 * last 1,024 texts remembered) against date-fns' `format` on a `TZDate`: the 20 dates of an
 * `estado <unidad>` written again, as a burst of commands does; then instants never written before.
 */
export function measureDates(): AbResult[] {
  const dates = createDateFormatter('es', ZONE);
  const start = Date.parse('2026-09-15T15:00:00Z');
  const twenty = Array.from({ length: 20 }, (_, i) => new Date(start + i * 7 * 3_600_000));
  const fresh = Array.from({ length: 20_000 }, (_, i) => new Date(start + i * 61_000));
  let next = 0;
  const nextFresh = () => {
    next = (next + 1) % fresh.length;
    return fresh[next] as Date;
  };
  return [
    compare(
      'dates: the 20 dates of estado <unidad>, written again',
      { label: 'own writer', run: () => twenty.map((at) => dates.dateTime(at)) },
      { label: 'date-fns format', run: () => twenty.map(withDateFns) },
    ),
    compare(
      'dates: one instant never written before',
      { label: 'own writer', run: () => dates.dateTime(nextFresh()) },
      { label: 'date-fns format', run: () => withDateFns(nextFresh()) },
    ),
  ];
}
