import { CronExpressionParser } from 'cron-parser';
import { findLatestCardMessage } from '../../db/queries/chat-outbox.js';
import { claimScheduledSlot } from '../../db/queries/schedule.js';
import { buildSummary } from '../resumen.js';
import { notify } from './notify.js';
import type { CommandContext, CommandReply } from './types.js';

const MS_PER_DAY = 86_400_000;

function previousRun(cron: string, now: Date, timeZone: string): Date {
  return CronExpressionParser.parse(cron, { currentDate: now, tz: timeZone }).prev().toDate();
}

/**
 * The latest summary slot that is due: the most recent run of any schedule (window-only ones
 * count only on the campaign's days), if it came in the last day and after the database knew the
 * campaign. After downtime this is one slot, however many were missed: the summary catches up once.
 */
export function latestDueSummarySlot(ctx: CommandContext): Date | undefined {
  const { settings } = ctx.deps;
  const { campaign, now } = ctx;
  const candidates = settings.summarySchedule.map((cron) => previousRun(cron, now, campaign.timeZone));
  for (const cron of settings.summaryScheduleDuringWindow) {
    const slot = previousRun(cron, now, campaign.timeZone);
    const day = ctx.dates.toLocalDate(slot);
    if (day >= campaign.windowStart && day <= campaign.windowEnd) candidates.push(slot);
  }
  const latest = candidates.sort((a, b) => b.getTime() - a.getTime())[0];
  if (!latest) return undefined;
  if (now.getTime() - latest.getTime() > MS_PER_DAY) return undefined;
  if (latest.getTime() < campaign.createdAt.getTime()) return undefined;
  return latest;
}

/** Between two scheduled posts the summary in the channel is refreshed in place at most this often. */
const REFRESH_EVERY_MS = 15 * 60_000;

/**
 * Edits the last posted summary in place when the campaign moved since (a session registered, a
 * step ticked): less noise than a new message, and the channel never shows stale numbers for long.
 */
export function refreshPostedSummary(ctx: CommandContext): boolean {
  const slot = latestDueSummarySlot(ctx);
  if (!slot) return false;
  const cardKey = `summary:${slot.toISOString()}`;
  const shown = findLatestCardMessage(ctx.deps.db, cardKey);
  if (!shown) return false;
  // The text decides: the chart's own timestamp changes every minute, the figures do not.
  const summary = buildSummary(ctx);
  const { title, blocks } = shown.message as CommandReply;
  if (JSON.stringify({ title: summary.title, blocks: summary.blocks }) === JSON.stringify({ title, blocks })) {
    return false;
  }
  const period = Math.floor(ctx.now.getTime() / REFRESH_EVERY_MS);
  if (!claimScheduledSlot(ctx.deps.db, 'summary-refresh', `${slot.toISOString()}#${period}`, ctx.now)) return false;
  notify(ctx, {
    target: { type: 'channel', channel: 'summary' },
    message: summary,
    card: { key: cardKey, action: 'update' },
  });
  return true;
}

/** Posts the campaign summary to the summary channel for the due slot, if nobody has yet. */
export function postScheduledSummary(ctx: CommandContext): boolean {
  const slot = latestDueSummarySlot(ctx);
  if (!slot) return false;
  if (!claimScheduledSlot(ctx.deps.db, 'summary', slot.toISOString(), ctx.now)) return false;
  notify(ctx, {
    target: { type: 'channel', channel: 'summary' },
    message: buildSummary(ctx, { withChart: true }),
    card: { key: `summary:${slot.toISOString()}`, action: 'post' },
  });
  return true;
}
