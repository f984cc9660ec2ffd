import { describe, expect, it } from 'vitest';
import { CHECKLIST } from '../../../commands/core/checklist.js';
import {
  deriveChecklist,
  isStepApplicable,
  type StepStatus,
  stepDueAt,
  summarizeByPhase,
} from '../../../commands/core/step-state.js';
import type { DoneStep } from '../../../db/queries/steps.js';

/** 15 September 2026, 10:00 in Guayaquil (UTC−5). */
const STARTS_AT = new Date('2026-09-15T15:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const plainEvent = { startsAt: STARTS_AT, showsVideo: false, showsPhotos: false, hasCulturalSegment: false };

function tick(stepId: string, doneAt = new Date('2026-09-10T12:00:00Z')): DoneStep {
  return { id: 1, eventId: 1, stepId, doneBy: 'oficial-pic', doneAt, source: 'hand' };
}

function statusOf(statuses: StepStatus[], stepId: string): StepStatus {
  const status = statuses.find((candidate) => candidate.step.id === stepId);
  if (!status) throw new Error(`no status for ${stepId}`);
  return status;
}

describe('stepDueAt', () => {
  it('puts the invitation due exactly 72 hours before the start', () => {
    const invitation = CHECKLIST.find((step) => step.id === 'invitacion');
    if (!invitation) throw new Error('no invitacion step');
    expect(stepDueAt(invitation, { startsAt: STARTS_AT })).toEqual(new Date('2026-09-12T15:00:00Z'));
  });

  it('puts the YouTube link due 48 hours after the start', () => {
    const youtube = CHECKLIST.find((step) => step.id === 'youtube');
    if (!youtube) throw new Error('no youtube step');
    expect(stepDueAt(youtube, { startsAt: STARTS_AT })).toEqual(new Date('2026-09-17T15:00:00Z'));
  });
});

describe('deriveChecklist', () => {
  it('returns one status per checklist step, in checklist order', () => {
    const statuses = deriveChecklist(plainEvent, [], new Date('2026-09-01T00:00:00Z'));
    expect(statuses.map((status) => status.step.id)).toEqual(CHECKLIST.map((step) => step.id));
  });

  it('reports the invitation due exactly 72 hours before the start', () => {
    const statuses = deriveChecklist(plainEvent, [], new Date('2026-09-01T00:00:00Z'));
    expect(statusOf(statuses, 'invitacion').dueAt.getTime()).toBe(STARTS_AT.getTime() - 72 * HOUR);
  });

  it('marks a step pending well before it is due', () => {
    const statuses = deriveChecklist(plainEvent, [], new Date('2026-09-01T00:00:00Z'));
    expect(statusOf(statuses, 'invitacion').state).toBe('pending');
  });

  it('still marks a step pending at the exact moment it is due', () => {
    const statuses = deriveChecklist(plainEvent, [], new Date('2026-09-12T15:00:00Z'));
    expect(statusOf(statuses, 'invitacion').state).toBe('pending');
  });

  it('marks a step overdue one minute after it is due', () => {
    const statuses = deriveChecklist(plainEvent, [], new Date('2026-09-12T15:01:00Z'));
    expect(statusOf(statuses, 'invitacion').state).toBe('overdue');
  });

  it('marks a ticked step done even after it is due, keeping the tick', () => {
    const done = tick('invitacion');
    const statuses = deriveChecklist(plainEvent, [done], new Date('2026-09-20T00:00:00Z'));
    expect(statusOf(statuses, 'invitacion')).toMatchObject({ state: 'done', done });
  });

  it('marks only the ticked step done', () => {
    const statuses = deriveChecklist(plainEvent, [tick('sala')], new Date('2026-09-01T00:00:00Z'));
    expect(statuses.filter((status) => status.state === 'done').map((status) => status.step.id)).toEqual(['sala']);
  });

  it('marks video not applicable when neither video nor photos are shown', () => {
    const statuses = deriveChecklist(plainEvent, [], new Date('2026-09-01T00:00:00Z'));
    expect(statusOf(statuses, 'video').state).toBe('not_applicable');
  });

  it('marks video applicable when only photos are shown', () => {
    const statuses = deriveChecklist({ ...plainEvent, showsPhotos: true }, [], new Date('2026-09-01T00:00:00Z'));
    expect(statusOf(statuses, 'video').state).toBe('pending');
  });

  it('marks video applicable when a video is shown', () => {
    const statuses = deriveChecklist({ ...plainEvent, showsVideo: true }, [], new Date('2026-09-01T00:00:00Z'));
    expect(statusOf(statuses, 'video').state).toBe('pending');
  });

  it('marks cultural not applicable when there is no cultural segment', () => {
    const statuses = deriveChecklist(plainEvent, [], new Date('2026-09-01T00:00:00Z'));
    expect(statusOf(statuses, 'cultural').state).toBe('not_applicable');
  });

  it('marks cultural applicable when there is a cultural segment', () => {
    const statuses = deriveChecklist({ ...plainEvent, hasCulturalSegment: true }, [], new Date('2026-09-01T00:00:00Z'));
    expect(statusOf(statuses, 'cultural').state).toBe('pending');
  });

  it('does not make cultural applicable because material is shown', () => {
    const statuses = deriveChecklist(
      { ...plainEvent, showsVideo: true, showsPhotos: true },
      [],
      new Date('2026-09-01T00:00:00Z'),
    );
    expect(statusOf(statuses, 'cultural').state).toBe('not_applicable');
  });

  it('marks every applicable step overdue a week and a day after the start when nothing is ticked', () => {
    const now = new Date(STARTS_AT.getTime() + 8 * 24 * HOUR);
    const states = new Set(deriveChecklist(plainEvent, [], now).map((status) => status.state));
    expect([...states].sort()).toEqual(['not_applicable', 'overdue']);
  });
});

describe('isStepApplicable', () => {
  it('applies unconditional steps to every event', () => {
    const unconditional = CHECKLIST.filter((step) => step.condition === undefined);
    expect(unconditional.every((step) => isStepApplicable(step, plainEvent))).toBe(true);
  });
});

describe('summarizeByPhase', () => {
  it('counts done, applicable and overdue steps for each phase', () => {
    // One minute after the 72-hour deadlines: invitacion is ticked, correo is not.
    const now = new Date('2026-09-12T15:01:00Z');
    const statuses = deriveChecklist(plainEvent, [tick('fecha'), tick('invitacion')], now);
    expect(summarizeByPhase(statuses)).toEqual([
      { phase: 'antes', done: 2, applicable: 10, overdue: 1 },
      { phase: 'durante', done: 0, applicable: 4, overdue: 0 },
      { phase: 'despues', done: 0, applicable: 4, overdue: 0 },
    ]);
  });

  it('counts the conditional steps as applicable when the event shows material and culture', () => {
    const event = { ...plainEvent, showsVideo: true, hasCulturalSegment: true };
    const statuses = deriveChecklist(event, [tick('video')], new Date('2026-09-01T00:00:00Z'));
    expect(summarizeByPhase(statuses)[0]).toEqual({ phase: 'antes', done: 1, applicable: 12, overdue: 0 });
  });

  it('counts everything overdue after the last deadline when nothing is ticked', () => {
    const now = new Date(STARTS_AT.getTime() + 7 * 24 * HOUR + MINUTE);
    expect(summarizeByPhase(deriveChecklist(plainEvent, [], now))).toEqual([
      { phase: 'antes', done: 0, applicable: 10, overdue: 10 },
      { phase: 'durante', done: 0, applicable: 4, overdue: 4 },
      { phase: 'despues', done: 0, applicable: 4, overdue: 4 },
    ]);
  });

  it('returns the three phases with zero counts for no statuses', () => {
    expect(summarizeByPhase([])).toEqual([
      { phase: 'antes', done: 0, applicable: 0, overdue: 0 },
      { phase: 'durante', done: 0, applicable: 0, overdue: 0 },
      { phase: 'despues', done: 0, applicable: 0, overdue: 0 },
    ]);
  });
});
