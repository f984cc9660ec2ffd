import type { Database } from '../client.js';

/**
 * One registered session as the public agenda shows it: only public facts. No officer, no
 * registering user, no request, approval or note ever leaves through this query, so nothing
 * downstream can leak them by mistake.
 */
export interface PublicSession {
  eventId: number;
  unitCode: string;
  unitName: string;
  province: string;
  startsAt: Date;
  platform: string;
  /** Where the session is held, as the unit typed it (`sala=`): the public can attend in person. */
  room: string | null;
  joinUrl: string | null;
  questionsEmail: string | null;
  /** The unit's current YouTube link, once reported and unless YouTube's check refused it. */
  recordingUrl: string | null;
  /** Where the presentation is published, once the page answered. */
  presentationUrl: string | null;
  /** How many times the public facts changed since registration (the calendar's SEQUENCE). */
  revisions: number;
}

// Every audit entry about an event except its checklist ticks and its first registration changes
// what the agenda shows (time, platform, link, recording, presentation): the count only grows.
const SESSIONS_SQL = `
  SELECT e.id AS eventId, u.code AS unitCode, u.name AS unitName, u.province AS province,
         e.starts_at AS startsAt, e.platform AS platform, e.room AS room, e.join_url AS joinUrl,
         e.questions_email AS questionsEmail,
         (SELECT y.url FROM youtube_links y
           WHERE y.event_id = e.id AND y.verification NOT IN ('replaced', 'refused')
             AND NOT EXISTS (SELECT 1 FROM youtube_links newer
                             WHERE newer.event_id = e.id AND newer.id > y.id AND newer.verification <> 'replaced')
           ORDER BY y.id DESC LIMIT 1) AS recordingUrl,
         (SELECT p.url FROM presentation_links p
           WHERE p.event_id = e.id AND p.state = 'published' ORDER BY p.id DESC LIMIT 1) AS presentationUrl,
         (SELECT count(*) FROM audit_log a
           WHERE a.entity = 'event' AND a.entity_id = CAST(e.id AS TEXT)
             AND a.action NOT LIKE 'step.%' AND a.action <> 'event.registered') AS revisions
  FROM events e JOIN units u ON u.id = e.unit_id
  WHERE e.campaign_id = ?
  ORDER BY e.starts_at, u.province, u.code`;

export function listPublicSessions(db: Database, campaignId: number): PublicSession[] {
  const rows = db.sqlite.prepare(SESSIONS_SQL).all(campaignId) as (Omit<PublicSession, 'startsAt'> & {
    startsAt: number;
  })[];
  return rows.map((row) => ({ ...row, startsAt: new Date(row.startsAt) }));
}

/** The provinces of the campaign's units, in alphabetical order (the agenda's filter list). */
export function listProvinces(db: Database, campaignId: number): string[] {
  const rows = db.sqlite
    .prepare('SELECT DISTINCT province FROM units WHERE campaign_id = ? ORDER BY province')
    .pluck()
    .all(campaignId) as string[];
  return rows.sort((a, b) => a.localeCompare(b, 'es'));
}
