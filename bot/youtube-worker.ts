import type { Clock } from '../commands/core/clock.js';
import { createDateFormatter } from '../commands/core/format-date.js';
import { messagesFor } from '../commands/core/i18n/catalogue.js';
import type { Logger } from '../commands/core/logger.js';
import type { Locale, Platform } from '../commands/core/types.js';
import { unitTimeZone } from '../commands/core/unit-time-zone.js';
import { type Database, inTransaction } from '../db/client.js';
import { type Campaign, getCampaign } from '../db/queries/campaign.js';
import { findEventWithUnit } from '../db/queries/events.js';
import { findTick, tickStep, untickStep } from '../db/queries/steps.js';
import {
  listLinksToVerify,
  listVerifiedLinksOutsidePlaylist,
  markAddedToPlaylist,
  settleLink,
} from '../db/queries/youtube-links.js';
import { GoogleApiError, type VideoFacts, type YoutubeVideos } from '../integrations/youtube/youtube-videos.js';
import { queueDirectMessage } from './direct-message.js';
import { platformOfUser } from './user-platform.js';

export type LinkProblem = 'not_found' | 'private' | 'processing' | 'other_channel' | 'too_old';

/** Why a video is not the recording of this session, or undefined when it is. */
export function problemWith(
  facts: VideoFacts | undefined,
  expected: { channelId: string | null; notBefore: Date },
): LinkProblem | undefined {
  if (!facts) return 'not_found';
  if (facts.privacyStatus === 'private') return 'private';
  if (facts.uploadStatus !== 'processed') return 'processing';
  if (expected.channelId && facts.channelId !== expected.channelId) return 'other_channel';
  // Last year's video is the usual mistake: the recording cannot predate the session's day.
  if (facts.recordedAt.getTime() < expected.notBefore.getTime()) return 'too_old';
  return undefined;
}

export interface YoutubeWorkerDeps {
  db: Database;
  videos: YoutubeVideos;
  clock: Clock;
  logger: Logger;
  locale: Locale;
  defaultPlatform: Platform;
  /** Every running platform: a person is written to on the one their id belongs to. */
  platforms?: readonly Platform[];
  /** YOUTUBE_CHANNEL_ID, when it overrides the campaign file's channel. */
  channelId?: string;
  /** YOUTUBE_PLAYLIST_ID, when it overrides the campaign file's playlist. */
  playlistId?: string;
}

/** Puts every verified video in the campaign playlist, once; a failure is retried on the next pass. */
export async function addVerifiedToPlaylist(deps: YoutubeWorkerDeps): Promise<number> {
  const playlistId = deps.playlistId ?? getCampaign(deps.db).youtubePlaylistId;
  const add = deps.videos.addToPlaylist;
  if (!playlistId || !add) return 0;
  let added = 0;
  for (const link of listVerifiedLinksOutsidePlaylist(deps.db)) {
    try {
      await add.call(deps.videos, playlistId, link.videoId);
    } catch (error) {
      const failure = error instanceof GoogleApiError ? error : new GoogleApiError(undefined, 'unknown');
      deps.logger.warn(
        { linkId: link.id, status: failure.status, reason: failure.reason },
        'playlist insert failed; will retry',
      );
      if (failure.reason === 'quotaExceeded' || failure.status === 429) break;
      continue;
    }
    markAddedToPlaylist(deps.db, link.id, deps.clock.now());
    added += 1;
  }
  return added;
}

/** Midnight of the session's day where the unit is: a recording uploaded that day is not older. */
function startOfSessionDay(
  locale: Locale,
  campaign: Campaign,
  found: { event: { startsAt: Date }; unit: { code: string; province: string } },
): Date {
  const dates = createDateFormatter(locale, unitTimeZone(campaign, found.unit));
  return dates.toInstant(dates.toLocalDate(found.event.startsAt), 0, 0);
}

/**
 * Checks the reported links still waiting for YouTube's answer, and the ones stored "sin verificar"
 * before a YouTube key was configured. A quota error or an outage leaves
 * the link waiting (it was stored first) and the next pass tries again.
 */
export async function verifyReportedLinks(deps: YoutubeWorkerDeps): Promise<number> {
  const campaign = getCampaign(deps.db);
  const t = messagesFor(deps.locale, { unitCode: '', date: '' });
  let settled = 0;
  for (const link of listLinksToVerify(deps.db)) {
    const found = findEventWithUnit(deps.db, link.eventId);
    if (!found) continue;
    let facts: VideoFacts | undefined;
    try {
      facts = await deps.videos.getVideo(link.videoId);
    } catch (error) {
      const failure = error instanceof GoogleApiError ? error : new GoogleApiError(undefined, 'unknown');
      deps.logger.warn(
        { linkId: link.id, status: failure.status, reason: failure.reason },
        'youtube check failed; will retry',
      );
      if (failure.reason === 'quotaExceeded' || failure.status === 429) break;
      continue;
    }
    const problem = problemWith(facts, {
      channelId: deps.channelId ?? campaign.youtubeChannelId,
      notBefore: startOfSessionDay(deps.locale, campaign, found),
    });
    const now = deps.clock.now();
    inTransaction(deps.db, () => {
      const done = settleLink(deps.db, {
        id: link.id,
        verification: problem ? 'refused' : 'verified',
        title: facts?.title ?? null,
        problem: problem ?? null,
        at: now,
      });
      if (!done) return;
      const change = {
        eventId: link.eventId,
        stepId: 'youtube',
        actor: link.reportedBy,
        at: now,
        unitCode: found.unit.code,
        source: 'evidence' as const,
      };
      let ticked = false;
      if (!problem) ticked = tickStep(deps.db, change).inserted;
      // A refused link is not the unit's link: a tick it or an earlier (replaced) link set stops
      // counting. A declaration by the Directorate stays; it never rested on a link.
      else if (findTick(deps.db, link.eventId, 'youtube')?.source !== 'declared') {
        untickStep(deps.db, { ...change, actor: 'youtube-worker' });
      }
      queueDirectMessage(
        deps.db,
        {
          platform: platformOfUser(link.reportedBy, deps.platforms ?? [deps.defaultPlatform]),
          userId: link.reportedBy,
        },
        problem
          ? t.youtube.refused(found.unit.code, link.url, t.youtube.problems[problem])
          : ticked
            ? t.youtube.verified(found.unit.code, facts?.title ?? '')
            : t.youtube.verifiedAlreadyDone(found.unit.code, facts?.title ?? ''),
        problem ? 'warning' : 'success',
        now,
      );
      settled += 1;
    });
  }
  return settled;
}
