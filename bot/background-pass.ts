import type { Clock } from '../commands/core/clock.js';
import type { Logger } from '../commands/core/logger.js';
import type { Locale, Platform } from '../commands/core/types.js';
import type { Database } from '../db/client.js';
import type { XPublisher } from '../integrations/x/x-publisher.js';
import { oneAtATime } from './outbox-pass.js';
import { checkPresentationLinks } from './presentation-worker.js';
import { checkPinnedTweet, publishQueuedTweets } from './tweet-worker.js';
import { addVerifiedToPlaylist, verifyReportedLinks, type YoutubeWorkerDeps } from './youtube-worker.js';

/** X allows few reads of the account per 15 minutes: look for the pin every 5 minutes at most. */
const PIN_CHECK_INTERVAL_MS = 5 * 60_000;

export interface BackgroundPassDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  locale: Locale;
  publisher: XPublisher;
  /** Where requesters are told an outcome when nothing says otherwise (the first running platform). */
  defaultPlatform: Platform;
  platforms: readonly Platform[];
  /** Only when YouTube is configured (YOUTUBE_API_KEY). */
  youtube?: Pick<YoutubeWorkerDeps, 'videos' | 'channelId' | 'playlistId'>;
  /** Only when a Google Sheet is configured. */
  syncSheet?: () => Promise<unknown>;
}

export type BackgroundPass = (() => Promise<void>) & { settled: () => Promise<void> };

/**
 * The work that talks to services other than chat, in one pass that never overlaps itself: it runs
 * after each request that wrote, every few seconds for queued tweets, and at start-up (where tweets a
 * killed run left `sending` are looked up on X first). Each step reads its own queue in the database.
 */
export function createBackgroundPass(deps: BackgroundPassDeps): BackgroundPass {
  const { db, clock, logger, locale, defaultPlatform, platforms } = deps;
  const workers = { db, clock, logger, locale, defaultPlatform, platforms };
  let firstPass = true;
  let lastPinCheck = 0;

  const postQueuedTweets = (atStartUp: boolean) =>
    publishQueuedTweets({ ...workers, publisher: deps.publisher }, { atStartUp });
  const checkPinnedTweetNowAndThen = async () => {
    if (clock.now().getTime() - lastPinCheck < PIN_CHECK_INTERVAL_MS) return;
    lastPinCheck = clock.now().getTime();
    await checkPinnedTweet({ ...workers, publisher: deps.publisher });
  };
  const verifyRecordings = async () => {
    if (!deps.youtube) return;
    const youtube = { ...workers, ...deps.youtube };
    await verifyReportedLinks(youtube);
    await addVerifiedToPlaylist(youtube);
  };
  const checkPresentations = () => checkPresentationLinks(workers);
  const syncSheet = async () => {
    await deps.syncSheet?.();
  };

  return oneAtATime(
    async () => {
      const atStartUp = firstPass;
      firstPass = false;
      await postQueuedTweets(atStartUp);
      await checkPinnedTweetNowAndThen();
      await verifyRecordings();
      await checkPresentations();
      await syncSheet();
    },
    (error) =>
      logger.error({ error: error instanceof Error ? error.message : String(error) }, 'background pass failed'),
  );
}
