import { and, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Database } from '../client.js';
import { events, units, youtubeLinks } from '../schema.js';
import { recordAudit } from './audit.js';
import { inlineLimit } from './prepared.js';

export type YoutubeLink = typeof youtubeLinks.$inferSelect;

/** The states in which a link is the unit's link; a refused one never is (nor a replaced one). */
const HELD_STATES = ['checking', 'unverified', 'verified'] as const;

/** States that count as the unit's delivered link in every total (`checking` waits for YouTube). */
export const COUNTING_STATES: readonly YoutubeLink['verification'][] = ['unverified', 'verified'];

/** The unit's link: the newest one neither replaced by a later report nor refused by YouTube. */
export function findCurrentLink(db: Database, eventId: number): YoutubeLink | undefined {
  return db.orm
    .select()
    .from(youtubeLinks)
    .where(and(eq(youtubeLinks.eventId, eventId), inArray(youtubeLinks.verification, [...HELD_STATES])))
    .orderBy(desc(youtubeLinks.id))
    .limit(inlineLimit(1))
    .get();
}

/** The unit of another event of the campaign that already holds this video, if one does. */
export function findUnitHoldingVideo(
  db: Database,
  campaignId: number,
  videoId: string,
  exceptEventId: number,
): { unitCode: string; url: string } | undefined {
  return db.orm
    .select({ unitCode: units.code, url: youtubeLinks.url })
    .from(youtubeLinks)
    .innerJoin(events, eq(youtubeLinks.eventId, events.id))
    .innerJoin(units, eq(events.unitId, units.id))
    .where(
      and(
        eq(events.campaignId, campaignId),
        eq(youtubeLinks.videoId, videoId),
        ne(youtubeLinks.eventId, exceptEventId),
        inArray(youtubeLinks.verification, [...HELD_STATES]),
      ),
    )
    .limit(inlineLimit(1))
    .get();
}

/** Each event's newest link not replaced: its link, or the refused one it must replace (shown with the reason). */
export function listCurrentLinks(db: Database, campaignId: number): Map<number, YoutubeLink> {
  const rows = db.orm
    .select({ link: youtubeLinks })
    .from(youtubeLinks)
    .innerJoin(events, eq(youtubeLinks.eventId, events.id))
    .where(and(eq(events.campaignId, campaignId), ne(youtubeLinks.verification, 'replaced')))
    .orderBy(youtubeLinks.id)
    .all();
  return new Map(rows.map(({ link }) => [link.eventId, link]));
}

export function addLink(
  db: Database,
  input: Pick<YoutubeLink, 'eventId' | 'url' | 'videoId' | 'verification' | 'reportedBy' | 'reportedAt'> & {
    unitCode: string;
    requestId?: string;
  },
): YoutubeLink {
  const { unitCode, requestId, ...values } = input;
  const link = db.orm.insert(youtubeLinks).values(values).returning().get();
  recordAudit(db, {
    at: input.reportedAt,
    actor: input.reportedBy,
    action: 'youtube.reported',
    entity: 'event',
    entityId: input.eventId,
    after: { unit: unitCode, url: link.url, videoId: link.videoId, verification: link.verification },
    requestId,
  });
  return link;
}

export function replaceLink(db: Database, id: number, actor: string, at: Date, requestId?: string): void {
  const replaced = db.orm
    .update(youtubeLinks)
    .set({ verification: 'replaced' })
    .where(eq(youtubeLinks.id, id))
    .returning()
    .get();
  if (replaced) {
    recordAudit(db, {
      at,
      actor,
      action: 'youtube.replaced',
      entity: 'event',
      entityId: replaced.eventId,
      before: { url: replaced.url, videoId: replaced.videoId },
      requestId,
    });
  }
}

/** Links waiting for YouTube's answer, and those stored "sin verificar" before a key existed. */
export function listLinksToVerify(db: Database): YoutubeLink[] {
  return db.orm
    .select()
    .from(youtubeLinks)
    .where(inArray(youtubeLinks.verification, ['checking', 'unverified']))
    .orderBy(youtubeLinks.id)
    .all();
}

/** Records YouTube's answer, once: only a link still `checking` moves. */
export function settleLink(
  db: Database,
  change: {
    id: number;
    verification: 'verified' | 'refused';
    title?: string | null;
    problem?: string | null;
    at: Date;
  },
): YoutubeLink | undefined {
  const settled = db.orm
    .update(youtubeLinks)
    .set({
      verification: change.verification,
      title: change.title ?? null,
      problem: change.problem ?? null,
      verifiedAt: change.at,
    })
    .where(and(eq(youtubeLinks.id, change.id), inArray(youtubeLinks.verification, ['checking', 'unverified'])))
    .returning()
    .get();
  if (settled) {
    recordAudit(db, {
      at: change.at,
      actor: 'youtube-worker',
      action: `youtube.${change.verification}`,
      entity: 'event',
      entityId: settled.eventId,
      after: { videoId: settled.videoId, title: settled.title, problem: settled.problem },
    });
  }
  return settled;
}

/** Verified videos not yet in the campaign playlist (a failed insert is tried again later). */
export function listVerifiedLinksOutsidePlaylist(db: Database): YoutubeLink[] {
  return db.orm
    .select()
    .from(youtubeLinks)
    .where(and(eq(youtubeLinks.verification, 'verified'), isNull(youtubeLinks.playlistAddedAt)))
    .orderBy(youtubeLinks.id)
    .all();
}

export function markAddedToPlaylist(db: Database, id: number, at: Date): void {
  db.orm.update(youtubeLinks).set({ playlistAddedAt: at }).where(eq(youtubeLinks.id, id)).run();
  recordAudit(db, {
    at,
    actor: 'youtube-worker',
    action: 'youtube.added_to_playlist',
    entity: 'youtube_link',
    entityId: id,
  });
}
