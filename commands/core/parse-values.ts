import { type Parsed, parsed, parseError } from './errors.js';
import { normalizeWord } from './text.js';

/** A calendar date in the campaign's time zone, `YYYY-MM-DD`. */
export type LocalDate = string;

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

const DAY_MS = 86_400_000;

/** Days after today that a word names: `hoy`, `mañana`, `pasado mañana` (and English). */
const RELATIVE_DAYS: Readonly<Record<string, number>> = {
  hoy: 0,
  today: 0,
  manana: 1,
  tomorrow: 1,
  'pasado manana': 2,
  'pasado-manana': 2,
  pasadomanana: 2,
};

/** Weekday names, Sunday first (as `getUTCDay`), in Spanish and English. */
const WEEKDAYS: readonly (readonly string[])[] = [
  ['domingo', 'sunday'],
  ['lunes', 'monday'],
  ['martes', 'tuesday'],
  ['miercoles', 'wednesday'],
  ['jueves', 'thursday'],
  ['viernes', 'friday'],
  ['sabado', 'saturday'],
];

/** `today` plus `days`, as a calendar date. */
function addDays(today: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${today}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A day named relative to `today`: `hoy`, `mañana`, `pasado mañana`, or a weekday (`lunes`, `el
 * jueves`: the next one after today, as people mean it; today is `hoy`). Undefined for anything else.
 */
function relativeDate(input: string, today: LocalDate): LocalDate | undefined {
  const word = normalizeWord(input)
    .replace(/\s+/g, ' ')
    .replace(/^(el|this|next|proximo) /, '');
  const days = RELATIVE_DAYS[word];
  if (days !== undefined) return addDays(today, days);
  const weekday = WEEKDAYS.findIndex((names) => names.includes(word));
  if (weekday < 0) return undefined;
  const todayWeekday = new Date(`${today}T12:00:00Z`).getUTCDay();
  return addDays(today, ((weekday - todayWeekday + 6) % 7) + 1);
}

/**
 * Dates as people write them there: `15/09/2026`, `15-09-2026`, `2026-09-15`, or `15/09`
 * (the year of the campaign window is then assumed); with `today`, also `hoy`, `mañana`,
 * `pasado mañana` and weekday names.
 */
export function parseLocalDate(input: string, defaultYear: number, today?: LocalDate): Parsed<LocalDate> {
  const value = input.trim();
  const relative = today === undefined ? undefined : relativeDate(value, today);
  if (relative !== undefined) return parsed(relative);
  let year: number;
  let month: number;
  let day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const local = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}))?$/.exec(value);
  if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
  } else if (local) {
    day = Number(local[1]);
    month = Number(local[2]);
    year = local[3] ? Number(local[3]) : defaultYear;
  } else {
    return parseError('invalid_date', { input });
  }
  if (!isRealDate(year, month, day)) return parseError('invalid_date', { input });
  return parsed(`${pad(year, 4)}-${pad(month)}-${pad(day)}`);
}

export interface LocalTime {
  hours: number;
  minutes: number;
}

/** `10:00`, `9:30` or the Ecuadorian `10h00` and `10h` (people write both); 24-hour clock. */
export function parseLocalTime(input: string): Parsed<LocalTime> {
  const match = /^(\d{1,2})(?::(\d{2})|h(\d{2})?)$/i.exec(input.trim());
  if (!match) return parseError('invalid_time', { input });
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? match[3] ?? 0);
  if (hours > 23 || minutes > 59) return parseError('invalid_time', { input });
  return parsed({ hours, minutes });
}

const YES = new Set(['si', 'yes', 'true', '1', 's', 'y']);
const NO = new Set(['no', 'false', '0', 'n']);

export function parseYesNo(option: string, input: string): Parsed<boolean> {
  const word = normalizeWord(input);
  if (YES.has(word)) return parsed(true);
  if (NO.has(word)) return parsed(false);
  return parseError('invalid_option_value', { option, input, expected: 'yes_no' });
}

export function parseCount(option: string, input: string): Parsed<number> {
  const value = input.trim();
  if (!/^\d{1,7}$/.test(value)) return parseError('invalid_option_value', { option, input, expected: 'number' });
  return parsed(Number(value));
}

// A deliberately plain check: one @, a dot in the domain, no spaces. The memo only needs an
// address people can write to, and stricter patterns refuse real institutional addresses.
const EMAIL_PATTERN = /^[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[a-z]{2,}$/i;

export function parseEmail(input: string): Parsed<string> {
  const value = input.trim().replace(/^mailto:/i, '');
  if (value.length > 254 || !EMAIL_PATTERN.test(value)) return parseError('invalid_email', { input });
  return parsed(value.toLowerCase());
}

/** The media the memo names. Facebook is allowed but warned about (too many questions). */
export const PLATFORMS = ['zoom', 'teams', 'meet', 'youtube', 'webex', 'facebook'] as const;
export type MeetingPlatform = (typeof PLATFORMS)[number];

const PLATFORM_ALIASES: Record<string, MeetingPlatform> = {
  zoom: 'zoom',
  teams: 'teams',
  'ms-teams': 'teams',
  'microsoft-teams': 'teams',
  meet: 'meet',
  'google-meet': 'meet',
  youtube: 'youtube',
  'youtube-live': 'youtube',
  webex: 'webex',
  facebook: 'facebook',
  'facebook-live': 'facebook',
  fb: 'facebook',
};

export function parsePlatform(input: string): Parsed<MeetingPlatform> {
  const platform = PLATFORM_ALIASES[normalizeWord(input).replace(/\s+/g, '-')];
  if (!platform) return parseError('invalid_platform', { input, allowed: [...PLATFORMS] });
  return parsed(platform);
}

/**
 * A mention in the syntax of a running platform (each adapter's descriptor knows its own:
 * Slack `<@U123|ana>`, Discord `<@123>`), or a bare id / e-mail.
 */
export function parseUserReference(
  input: string,
  userIdFromMention: (text: string) => string | undefined = () => undefined,
): Parsed<string> {
  const value = input.trim();
  const mentioned = userIdFromMention(value);
  if (mentioned) return parsed(mentioned);
  const bare = value.replace(/^@/, '');
  if (/^[A-Za-z0-9._+-]{1,64}(@[A-Za-z0-9.-]+\.[a-z]{2,})?$/i.test(bare)) return parsed(bare);
  return parseError('invalid_user', { input });
}
