import type { CampaignEvent } from '../../db/queries/events.js';
import type { DoneStep } from '../../db/queries/steps.js';
import { CHECKLIST, type ChecklistStep, PHASES, type Phase } from './checklist.js';

export type StepState = 'done' | 'pending' | 'overdue' | 'not_applicable';

export interface StepStatus {
  step: ChecklistStep;
  state: StepState;
  dueAt: Date;
  done?: DoneStep;
}

const MS_PER_HOUR = 3_600_000;

type EventFlags = Pick<CampaignEvent, 'startsAt' | 'showsVideo' | 'showsPhotos' | 'hasCulturalSegment'>;

export function isStepApplicable(step: ChecklistStep, event: EventFlags): boolean {
  switch (step.condition) {
    case undefined:
      return true;
    case 'showsMaterial':
      return event.showsVideo || event.showsPhotos;
    case 'hasCulturalSegment':
      return event.hasCulturalSegment;
  }
}

export function stepDueAt(step: ChecklistStep, event: Pick<CampaignEvent, 'startsAt'>): Date {
  return new Date(event.startsAt.getTime() + step.dueOffsetHours * MS_PER_HOUR);
}

/** Each step's state, derived from the event, its ticks and the clock; nothing is stored. */
export function deriveChecklist(event: EventFlags, doneSteps: readonly DoneStep[], now: Date): StepStatus[] {
  const doneById = new Map(doneSteps.map((done) => [done.stepId, done]));
  return CHECKLIST.map((step) => {
    const dueAt = stepDueAt(step, event);
    if (!isStepApplicable(step, event)) return { step, state: 'not_applicable', dueAt };
    const done = doneById.get(step.id);
    if (done) return { step, state: 'done', dueAt, done };
    return { step, state: now.getTime() > dueAt.getTime() ? 'overdue' : 'pending', dueAt };
  });
}

export interface PhaseProgress {
  phase: Phase;
  done: number;
  applicable: number;
  overdue: number;
}

export function summarizeByPhase(statuses: readonly StepStatus[]): PhaseProgress[] {
  return PHASES.map((phase) => {
    const inPhase = statuses.filter((status) => status.step.phase === phase && status.state !== 'not_applicable');
    return {
      phase,
      done: inPhase.filter((status) => status.state === 'done').length,
      applicable: inPhase.length,
      overdue: inPhase.filter((status) => status.state === 'overdue').length,
    };
  });
}
