import type { CampaignEvent } from '../../db/queries/events.js';
import type { Unit } from '../../db/queries/units.js';
import type { MeetingPlatform } from '../core/parse-values.js';
import type { CommandContext } from '../core/types.js';
import { unitDates } from '../core/unit-time-zone.js';

export function platformLabel(ctx: CommandContext, platform: string): string {
  return ctx.t.platforms[platform as MeetingPlatform] ?? platform;
}

/** The facts of one registered session, as label/value pairs. */
export function eventFields(ctx: CommandContext, unit: Unit, event: CampaignEvent): { label: string; value: string }[] {
  const { t } = ctx;
  const labels = t.register.fields;
  const material = [event.showsVideo ? t.register.video : '', event.showsPhotos ? t.register.photos : '']
    .filter(Boolean)
    .join(', ');
  return [
    { label: labels.unit, value: `${unit.code} · ${unit.name}` },
    { label: labels.province, value: unit.province },
    { label: labels.when, value: unitDates(ctx, unit).dateTime(event.startsAt) },
    { label: labels.platform, value: platformLabel(ctx, event.platform) },
    { label: labels.room, value: event.room ?? t.none },
    { label: labels.questionsEmail, value: event.questionsEmail ?? t.none },
    { label: labels.joinUrl, value: event.joinUrl ?? t.none },
    { label: labels.attendance, value: event.expectedAttendance === null ? t.none : String(event.expectedAttendance) },
    { label: labels.material, value: material || t.no },
    { label: labels.cultural, value: event.hasCulturalSegment ? t.yes : t.no },
  ];
}
