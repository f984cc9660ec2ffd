import { normalizeWord } from '../../commands/core/text.js';
import type { Database } from '../../db/client.js';
import type { Campaign } from '../../db/queries/campaign.js';
import { listProvinces, listPublicSessions, type PublicSession } from '../../db/queries/public-sessions.js';

/**
 * How long the agenda assumes a session lasts: the memo gives no end time, and the reference
 * campaign's sessions took about two hours. It decides the calendar's DTEND and when "En vivo" shows.
 */
export const SESSION_DURATION_MS = 2 * 60 * 60_000;

export interface AgendaSession extends PublicSession {
  endsAt: Date;
  /** The calendar UID: the same for the unit's session whatever its time, so a reschedule updates it. */
  uid: string;
}

/** What the agenda shows, read from the database once per change. */
export interface AgendaData {
  campaign: Pick<Campaign, 'id' | 'name' | 'timeZone' | 'windowStart' | 'windowEnd' | 'hashtag' | 'websiteUrl'>;
  institutionalDomains: readonly string[];
  sessions: AgendaSession[];
  provinces: string[];
}

export function loadAgenda(db: Database, campaign: Campaign): AgendaData {
  const domain = campaign.institutionalDomains[0] ?? 'rendicion-bot.invalid';
  const sessions = listPublicSessions(db, campaign.id).map((session) => ({
    ...session,
    endsAt: new Date(session.startsAt.getTime() + SESSION_DURATION_MS),
    uid: `rendicion-${campaign.id}-${session.eventId}@${domain}`,
  }));
  return {
    campaign: {
      id: campaign.id,
      name: campaign.name,
      timeZone: campaign.timeZone,
      windowStart: campaign.windowStart,
      windowEnd: campaign.windowEnd,
      hashtag: campaign.hashtag,
      websiteUrl: campaign.websiteUrl,
    },
    institutionalDomains: campaign.institutionalDomains,
    sessions,
    provinces: listProvinces(db, campaign.id),
  };
}

export function isLive(session: AgendaSession, now: Date): boolean {
  return session.startsAt.getTime() <= now.getTime() && now.getTime() < session.endsAt.getTime();
}

/** The next instant a session starts or ends: what the agenda shows changes then, with no write. */
export function nextBoundary(data: AgendaData, now: Date): number {
  let next = Number.POSITIVE_INFINITY;
  for (const session of data.sessions) {
    for (const at of [session.startsAt.getTime(), session.endsAt.getTime()]) {
      if (at > now.getTime() && at < next) next = at;
    }
  }
  return next;
}

/** The campaign's spelling of a province typed in any case, with or without accents. */
export function findProvince(data: AgendaData, input: string): string | undefined {
  const wanted = normalizeWord(input);
  return data.provinces.find((province) => normalizeWord(province) === wanted);
}

export interface AgendaFilter {
  province?: string;
  unitCode?: string;
}

export function filterSessions(data: AgendaData, filter: AgendaFilter): AgendaSession[] {
  return data.sessions.filter(
    (session) =>
      (filter.province === undefined || session.province === filter.province) &&
      (filter.unitCode === undefined || session.unitCode === filter.unitCode),
  );
}
