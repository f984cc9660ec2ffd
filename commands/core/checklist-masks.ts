import { CHECKLIST, type ChecklistStep, PHASES } from './checklist.js';
import { isStepApplicable } from './step-state.js';

/**
 * The checklist as bit masks, for counting over a whole campaign without an object per step: bit
 * `i` is `CHECKLIST[i]`, an event's ticked steps are one number (`db/queries/event-masks.ts`) and
 * the rules of `deriveChecklist` (which steps apply, when each is due) become masks to combine.
 */
export const STEP_IDS: readonly string[] = CHECKLIST.map((step) => step.id);

const MS_PER_HOUR = 3_600_000;

/** Each step with its bit, the index of its phase in `PHASES` and its due offset from the start. */
export const STEP_BITS = CHECKLIST.map((step, i) => ({
  step,
  bit: 1 << i,
  phase: PHASES.indexOf(step.phase),
  dueOffsetMs: step.dueOffsetHours * MS_PER_HOUR,
}));

const bitOf = (stepId: string) => STEP_BITS.find(({ step }) => step.id === stepId)?.bit ?? 0;
export const YOUTUBE_BIT = bitOf('youtube');
export const PRESENTATION_BIT = bitOf('presentacion');

/** The steps of each phase, in the order of `PHASES`. */
export const PHASE_MASKS: readonly number[] = PHASES.map((_, phase) =>
  STEP_BITS.reduce((mask, step) => (step.phase === phase ? mask | step.bit : mask), 0),
);

/**
 * The steps that apply to an event (`isStepApplicable`), by the two facts the conditions read:
 * index `material + 2 × cultural` (0 or 1 each), as `db/queries/event-masks.ts` reads them.
 */
export const APPLICABLE_MASKS: readonly number[] = [0, 1, 2, 3].map((flags) => {
  const event = {
    startsAt: new Date(0),
    showsVideo: (flags & 1) === 1,
    showsPhotos: false,
    hasCulturalSegment: (flags & 2) === 2,
  };
  return STEP_BITS.reduce((mask, { step, bit }) => (isStepApplicable(step, event) ? mask | bit : mask), 0);
});

export function applicableMaskOf(event: { showsVideo: boolean; showsPhotos: boolean; hasCulturalSegment: boolean }) {
  return APPLICABLE_MASKS[(event.showsVideo || event.showsPhotos ? 1 : 0) + (event.hasCulturalSegment ? 2 : 0)] ?? 0;
}

/** The distinct due offsets, earliest first, each with the mask of the steps due by then. */
const DUE_THRESHOLDS = [...new Set(STEP_BITS.map((step) => step.dueOffsetMs))]
  .sort((a, b) => a - b)
  .map((offsetMs) => ({
    offsetMs,
    mask: STEP_BITS.reduce((mask, step) => (step.dueOffsetMs <= offsetMs ? mask | step.bit : mask), 0),
  }));

/** The steps whose due moment has passed at `nowMs` for a session starting at `startsAtMs` (at it, a step is still pending). */
export function pastDueMask(startsAtMs: number, nowMs: number): number {
  const elapsedMs = nowMs - startsAtMs;
  let mask = 0;
  for (const threshold of DUE_THRESHOLDS) {
    if (elapsedMs <= threshold.offsetMs) break;
    mask = threshold.mask;
  }
  return mask;
}

/** How many steps a mask holds. */
export function countSteps(mask: number): number {
  let rest = mask - ((mask >>> 1) & 0x55555555);
  rest = (rest & 0x33333333) + ((rest >>> 2) & 0x33333333);
  return (((rest + (rest >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The first step of a mask in checklist order (the mask must not be empty). */
export function firstStepOf(mask: number): (typeof STEP_BITS)[number] {
  return STEP_BITS[31 - Math.clz32(mask & -mask)] as (typeof STEP_BITS)[number];
}

/** The steps of a mask, in checklist order. */
export function stepsOf(mask: number): ChecklistStep[] {
  return STEP_BITS.filter(({ bit }) => mask & bit).map(({ step }) => step);
}
