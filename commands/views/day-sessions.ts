import { listSessionsBetween, type SessionLine } from '../../db/queries/events.js';
import { linesAfter, type Page } from '../core/paging.js';
import type { CommandContext } from '../core/types.js';
import { unitDates } from '../core/unit-time-zone.js';
import { platformLabel } from './event-fields.js';

const MS_PER_DAY = 86_400_000;

/** The days the summary lists sessions for. */
export type SummaryDay = 'today' | 'tomorrow';

export function summaryDate(ctx: CommandContext, day: SummaryDay): Date {
  return day === 'today' ? ctx.now : new Date(ctx.now.getTime() + MS_PER_DAY);
}

/** `Hoy, sáb 19 sep` or `Mañana, dom 20 sep`. */
export function summaryDayHeading(ctx: CommandContext, day: SummaryDay): string {
  const date = ctx.dates.date(summaryDate(ctx, day));
  return day === 'today' ? ctx.t.summary.todayHeading(date) : ctx.t.summary.tomorrowHeading(date);
}

/**
 * One page of the sessions of the day, in time order, as list lines. When more follow, a last
 * line says how many and the command for the next page; a day without sessions says so.
 */
export function daySessionLines(
  ctx: CommandContext,
  day: SummaryDay,
  page: Page,
): { lines: string[]; shown: number; total: number } {
  const { sessions, total } = listSessionsOnDay(ctx, summaryDate(ctx, day), page);
  // Sessions start at a few times of day: each is formatted once, not once per session. A unit
  // in another zone (Galápagos) reads its own time, named.
  const times = new Map<string, string>();
  const timeOf = (session: SessionLine) => {
    const dates = unitDates(ctx, { code: session.unitCode, province: session.province });
    const key = `${dates.timeZone}\n${session.startsAt.getTime()}`;
    const known = times.get(key);
    if (known !== undefined) return known;
    const formatted = dates.time(session.startsAt);
    times.set(key, formatted);
    return formatted;
  };
  const lines = sessions.map((session) =>
    ctx.t.summary.sessionLine(
      timeOf(session),
      session.unitCode,
      session.unitName,
      platformLabel(ctx, session.platform),
    ),
  );
  const more = linesAfter(page, total);
  if (more > 0) lines.push(ctx.t.summary.moreSessions(more, ctx.t.summary.sessionsCommand(day, page.number + 1)));
  return { lines: total === 0 ? [ctx.t.summary.noSessions] : lines, shown: sessions.length, total };
}

/**
 * The sessions on the local day of `day`, in time order. The local day is an interval of instants,
 * so SQL finds them on the index of start times, once its bounds are checked to be that day's first
 * instant and the next day's; where they are not (a time change at midnight) the sessions of the
 * days around it are read and each date is formatted.
 */
function listSessionsOnDay(
  ctx: CommandContext,
  day: Date,
  page: { limit: number; offset: number },
): { sessions: SessionLine[]; total: number } {
  const localDay = ctx.dates.toLocalDate(day);
  const nextDay = new Date(Date.parse(`${localDay}T00:00:00Z`) + MS_PER_DAY).toISOString().slice(0, 10);
  const from = ctx.dates.toInstant(localDay, 0, 0);
  const until = ctx.dates.toInstant(nextDay, 0, 0);
  const startsDay = (instant: Date, date: string) =>
    ctx.dates.toLocalDate(instant) === date && ctx.dates.toLocalDate(new Date(instant.getTime() - 1)) !== date;
  const campaignId = ctx.campaign.id;
  if (startsDay(from, localDay) && startsDay(until, nextDay)) {
    return listSessionsBetween(ctx.deps.db, { campaignId, from, until }, page);
  }
  const around = listSessionsBetween(ctx.deps.db, {
    campaignId,
    from: new Date(from.getTime() - MS_PER_DAY),
    until: new Date(until.getTime() + MS_PER_DAY),
  }).sessions.filter((session) => ctx.dates.toLocalDate(session.startsAt) === localDay);
  return { sessions: around.slice(page.offset, page.offset + page.limit), total: around.length };
}
