import type { Database } from '../../db/client.js';
import type { CampaignEvent } from '../../db/queries/events.js';
import { listEventsWithUnits } from '../../db/queries/events.js';
import { listDoneStepsByEvent } from '../../db/queries/steps.js';
import { listUnits, type Unit } from '../../db/queries/units.js';
import { deriveChecklist, type PhaseProgress, type StepStatus, summarizeByPhase } from './step-state.js';

export interface UnitProgress {
  unit: Unit;
  event?: CampaignEvent;
  statuses: StepStatus[];
  done: number;
  applicable: number;
  overdue: StepStatus[];
}

export interface CampaignOverview {
  units: UnitProgress[];
  registered: number;
  held: number;
  withYoutube: number;
  withPresentation: number;
  phases: PhaseProgress[];
}

/** Every unit with its derived checklist: three queries whatever the campaign's size. */
export function buildCampaignOverview(db: Database, campaignId: number, now: Date): CampaignOverview {
  const eventsByUnit = new Map(listEventsWithUnits(db, campaignId).map(({ event }) => [event.unitId, event]));
  const doneByEvent = listDoneStepsByEvent(db, campaignId);
  const allStatuses: StepStatus[] = [];
  const units = listUnits(db, campaignId).map((unit): UnitProgress => {
    const event = eventsByUnit.get(unit.id);
    if (!event) return { unit, statuses: [], done: 0, applicable: 0, overdue: [] };
    const statuses = deriveChecklist(event, doneByEvent.get(event.id) ?? [], now);
    allStatuses.push(...statuses);
    const applicable = statuses.filter((status) => status.state !== 'not_applicable');
    return {
      unit,
      event,
      statuses,
      done: applicable.filter((status) => status.state === 'done').length,
      applicable: applicable.length,
      overdue: statuses.filter((status) => status.state === 'overdue'),
    };
  });
  const isDone = (progress: UnitProgress, stepId: string) =>
    progress.statuses.some((status) => status.step.id === stepId && status.state === 'done');
  return {
    units,
    registered: units.filter((progress) => progress.event).length,
    held: units.filter((progress) => progress.event && progress.event.startsAt.getTime() <= now.getTime()).length,
    withYoutube: units.filter((progress) => isDone(progress, 'youtube')).length,
    withPresentation: units.filter((progress) => isDone(progress, 'presentacion')).length,
    phases: summarizeByPhase(allStatuses),
  };
}

/** Units with overdue steps, the worst first (most overdue steps, then the oldest due date). */
export function rankOverdueUnits(overview: CampaignOverview): UnitProgress[] {
  return overview.units
    .filter((progress) => progress.overdue.length > 0)
    .sort(
      (a, b) =>
        b.overdue.length - a.overdue.length ||
        (a.overdue[0]?.dueAt.getTime() ?? 0) - (b.overdue[0]?.dueAt.getTime() ?? 0) ||
        a.unit.code.localeCompare(b.unit.code),
    );
}
