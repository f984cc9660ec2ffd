import type { Messages } from '../../commands/core/i18n/catalogue.js';
import type { MeetingPlatform } from '../../commands/core/parse-values.js';
import { type AgendaData, type AgendaSession, isLive } from './agenda-model.js';

/** The schema's name and version: bumped only when a field changes meaning or goes away (docs/agenda-json.md). */
export const AGENDA_JSON_SCHEMA = 'rendicion-bot/agenda/1';

/** The sessions as open data; docs/agenda-json.md describes every field. */
export function renderAgendaJson(
  data: AgendaData,
  sessions: AgendaSession[],
  context: { t: Messages; now: Date; updatedAt: Date; province?: string },
): string {
  return JSON.stringify(
    {
      schema: AGENDA_JSON_SCHEMA,
      updatedAt: context.updatedAt.toISOString(),
      campaign: {
        name: data.campaign.name,
        timeZone: data.campaign.timeZone,
        windowStart: data.campaign.windowStart,
        windowEnd: data.campaign.windowEnd,
        hashtag: data.campaign.hashtag,
        website: data.campaign.websiteUrl,
      },
      province: context.province ?? null,
      provinces: data.provinces,
      sessions: sessions.map((session) => ({
        uid: session.uid,
        unit: { code: session.unitCode, name: session.unitName, province: session.province },
        start: session.startsAt.toISOString(),
        end: session.endsAt.toISOString(),
        platform: session.platform,
        platformName: context.t.platforms[session.platform as MeetingPlatform] ?? session.platform,
        room: session.room,
        joinUrl: session.joinUrl,
        questionsEmail: session.questionsEmail,
        recordingUrl: session.recordingUrl,
        presentationUrl: session.presentationUrl,
        live: isLive(session, context.now),
        sequence: session.revisions,
      })),
    },
    null,
    2,
  );
}
