import ical from 'ical-generator';
import type { Messages } from '../../commands/core/i18n/catalogue.js';
import type { AgendaData, AgendaSession } from './agenda-model.js';

/**
 * The sessions as an RFC 5545 calendar (ical-generator writes and folds it). Times are exact UTC
 * instants, so every calendar shows them right in its own zone; the UID is the unit's session's,
 * so a reschedule moves the event people already added, and SEQUENCE counts the changes.
 */
export function renderAgendaCalendar(
  data: AgendaData,
  sessions: AgendaSession[],
  context: { t: Messages; stamp: Date; publicUrl?: string },
): string {
  const a = context.t.agenda;
  const calendar = ical({
    name: a.calendarName(data.campaign.name),
    prodId: { company: 'rendicion-bot', product: 'agenda', language: context.t.locale.toUpperCase() },
    ...(context.publicUrl ? { url: context.publicUrl } : {}),
    ttl: 60 * 60,
  });
  for (const session of sessions) {
    const lines = [
      ...(session.room ? [a.eventRoom(session.room)] : []),
      session.joinUrl ? a.eventJoin(session.joinUrl) : a.joinLater,
      ...(session.questionsEmail ? [a.eventQuestions(session.questionsEmail)] : []),
      ...(session.recordingUrl ? [a.eventRecording(session.recordingUrl)] : []),
      ...(session.presentationUrl ? [a.eventPresentation(session.presentationUrl)] : []),
    ];
    calendar.createEvent({
      id: session.uid,
      start: session.startsAt,
      end: session.endsAt,
      stamp: context.stamp,
      sequence: session.revisions,
      summary: `${a.eventSummary(session.unitName)} (${session.province})`,
      description: lines.join('\n'),
      ...(session.joinUrl ? { url: session.joinUrl, location: session.joinUrl } : {}),
    });
  }
  return calendar.toString();
}
