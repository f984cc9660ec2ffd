import { describe, expect, it } from 'vitest';
import { CHECKLIST } from '../../../commands/core/checklist.js';
import {
  applicableMaskOf,
  countSteps,
  firstStepOf,
  pastDueMask,
  STEP_BITS,
  stepsOf,
} from '../../../commands/core/checklist-masks.js';
import { deriveChecklist } from '../../../commands/core/step-state.js';
import type { DoneStep } from '../../../db/queries/steps.js';

const STARTS_AT = new Date('2026-09-15T15:00:00Z');
const HOUR = 3_600_000;

const doneSteps = (mask: number): DoneStep[] =>
  stepsOf(mask).map((step) => ({ id: 1, eventId: 1, stepId: step.id, doneBy: 'x', doneAt: STARTS_AT, source: 'hand' }));
const maskOf = (stepIds: readonly string[]) =>
  STEP_BITS.filter(({ step }) => stepIds.includes(step.id)).reduce((mask, { bit }) => mask | bit, 0);

describe('the checklist as bit masks', () => {
  it('gives the same applicable, done and overdue steps as deriveChecklist, at and around every due moment', () => {
    const offsets = [...new Set(CHECKLIST.map((step) => step.dueOffsetHours * HOUR))];
    const moments = offsets.flatMap((offset) => [offset - 1, offset, offset + 1]);
    const doneMasks = [0, maskOf(['fecha', 'video', 'youtube']), maskOf(CHECKLIST.map((step) => step.id))];
    for (const showsVideo of [false, true]) {
      for (const hasCulturalSegment of [false, true]) {
        const event = { startsAt: STARTS_AT, showsVideo, showsPhotos: false, hasCulturalSegment };
        const applicable = applicableMaskOf(event);
        for (const ticked of doneMasks) {
          for (const moment of moments) {
            const now = new Date(STARTS_AT.getTime() + moment);
            const statuses = deriveChecklist(event, doneSteps(ticked), now);
            const idsIn = (state: string) => statuses.filter((s) => s.state === state).map((s) => s.step.id);
            const done = ticked & applicable;
            const overdue = applicable & ~done & pastDueMask(STARTS_AT.getTime(), now.getTime());
            expect(stepsOf(applicable).map((step) => step.id)).toEqual(
              statuses.filter((s) => s.state !== 'not_applicable').map((s) => s.step.id),
            );
            expect(stepsOf(done).map((step) => step.id)).toEqual(idsIn('done'));
            expect(stepsOf(overdue).map((step) => step.id)).toEqual(idsIn('overdue'));
            expect(countSteps(overdue)).toBe(idsIn('overdue').length);
            if (overdue) expect(firstStepOf(overdue).step.id).toBe(idsIn('overdue')[0]);
          }
        }
      }
    }
  });
});
