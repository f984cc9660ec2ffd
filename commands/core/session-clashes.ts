import type { CampaignEvent } from '../../db/queries/events.js';
import { listSessionsNear } from '../../db/queries/events.js';
import type { Unit } from '../../db/queries/units.js';
import { normalizeWord } from './text.js';
import type { CommandContext } from './types.js';

/**
 * How long a session is taken to last when telling whether two overlap. The memo gives no length;
 * the sessions of the reference campaign ran about two hours (greeting, report, questions).
 */
export const SESSION_LENGTH_MS = 2 * 3_600_000;

export interface SessionClash {
  kind: 'officer' | 'room';
  unitCode: string;
  startsAt: Date;
  /** The officer both units share, or the room both sessions use. */
  shared: string;
}

/** A room as typed, compared without case, accents or extra spaces. */
function roomKey(room: string | null): string {
  return room ? normalizeWord(room).replace(/\s+/g, ' ').trim() : '';
}

/**
 * Other sessions that overlap this one and need the same person (the unit's officer in the roster)
 * or the same room (a room of the same name in the same province). Registering is not refused:
 * one officer may cover two units with help, and a shared auditorium may be split; they are warned.
 */
export function findSessionClashes(ctx: CommandContext, unit: Unit, event: CampaignEvent): SessionClash[] {
  const officer = unit.officer?.trim().toLowerCase() ?? '';
  const room = roomKey(event.room);
  const clashes: SessionClash[] = [];
  for (const other of listSessionsNear(ctx.deps.db, {
    campaignId: ctx.campaign.id,
    at: event.startsAt,
    withinMs: SESSION_LENGTH_MS,
    exceptEventId: event.id,
  })) {
    if (officer && other.unit.officer?.trim().toLowerCase() === officer) {
      clashes.push({
        kind: 'officer',
        unitCode: other.unit.code,
        startsAt: other.event.startsAt,
        shared: unit.officer ?? '',
      });
    }
    if (room && other.unit.province === unit.province && roomKey(other.event.room) === room) {
      clashes.push({
        kind: 'room',
        unitCode: other.unit.code,
        startsAt: other.event.startsAt,
        shared: event.room ?? '',
      });
    }
  }
  return clashes;
}
