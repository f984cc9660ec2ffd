import { findEventByUnit } from '../db/queries/events.js';
import { listDoneSteps, tickStep, untickStep } from '../db/queries/steps.js';
import { actsForDirectorate, canChangeUnit } from './core/access.js';
import { findUnitOrFail, isOneOf, refuseExtraPositionals, requirePositional } from './core/arguments.js';
import { CHECKLIST, findStep, isManuallyTickable } from './core/checklist.js';
import { closestMatch } from './core/closest-match.js';
import { fail } from './core/errors.js';
import { deriveChecklist, isStepApplicable } from './core/step-state.js';
import { normalizeWord } from './core/text.js';
import type { CommandContext, CommandDefinition, CommandReply, ReplyBlock, ReplyButton } from './core/types.js';

const TICK_ACTION = 'marcar.tick';

export function markButton(ctx: CommandContext, unitCode: string, stepId: string): ReplyButton {
  return {
    label: ctx.t.status.tickButton(stepId),
    actionId: TICK_ACTION,
    payload: JSON.stringify({ unit: unitCode, step: stepId }),
    style: 'primary',
  };
}

export const marcar: CommandDefinition = {
  name: 'marcar',
  aliases: ['check', 'tick'],
  role: 'officer',
  writes: true,
  run(ctx, args) {
    refuseExtraPositionals(marcar, args, 3);
    const unitInput = requirePositional(marcar, ctx, args, 0, 'unit');
    const stepInput = requirePositional(marcar, ctx, args, 1, 'step');
    const undo = args.positionals[2];
    if (undo !== undefined && !isOneOf(undo, ['no', 'quitar', 'undo', 'remove'])) {
      fail('too_many_arguments', { command: marcar.name, extra: undo });
    }
    return markStep(ctx, unitInput, stepInput, undo !== undefined);
  },
  actions: {
    [TICK_ACTION]: (ctx, payload) => {
      const { unit, step } = parsePayload(payload);
      return markStep(ctx, unit, step, false);
    },
  },
};

function parsePayload(payload: string): { unit: string; step: string } {
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value === 'object' && value !== null && 'unit' in value && 'step' in value) {
      const { unit, step } = value as Record<string, unknown>;
      if (typeof unit === 'string' && typeof step === 'string') return { unit, step };
    }
  } catch {
    // Falls through to the same answer as any other malformed button.
  }
  fail('unknown_action', { actionId: TICK_ACTION });
}

function markStep(ctx: CommandContext, unitInput: string, stepInput: string, undo: boolean): CommandReply {
  const { t } = ctx;
  const unit = findUnitOrFail(ctx, unitInput);
  const step = findStep(normalizeWord(stepInput));
  if (!step) {
    fail('step_not_found', {
      input: stepInput,
      suggestion: closestMatch(
        stepInput,
        CHECKLIST.map((candidate) => candidate.id),
      ),
    });
  }
  if (!canChangeUnit(ctx.access, unit)) fail('forbidden_unit', { unitCode: unit.code });
  const event = findEventByUnit(ctx.deps.db, unit.id);
  if (!event) fail('event_not_registered', { unitCode: unit.code });
  if (!isStepApplicable(step, event)) fail('step_not_applicable', { stepId: step.id, unitCode: unit.code });
  if (!isManuallyTickable(step)) fail('step_set_by_registration', { stepId: step.id, unitCode: unit.code });
  // What the bot proves from evidence is set only by that evidence, so the counts never claim a link nobody sent.
  if (step.provedBy) {
    fail('step_needs_evidence', {
      stepId: step.id,
      unitCode: unit.code,
      canDeclare: actsForDirectorate(ctx.access),
    });
  }
  // An approval given outside the bot may be recorded by the Directorate; an officer asks for it.
  if (step.approvedByDirectorate && !actsForDirectorate(ctx.access)) {
    fail('step_needs_approval', { stepId: step.id, unitCode: unit.code });
  }

  const change = {
    eventId: event.id,
    stepId: step.id,
    actor: ctx.user.id,
    at: ctx.now,
    requestId: ctx.requestId,
    unitCode: unit.code,
  };
  const blocks: ReplyBlock[] = [];
  let title: string;
  if (undo) {
    const removed = untickStep(ctx.deps.db, change);
    title = t.mark.undoneTitle(t.steps[step.id] ?? step.id);
    if (!removed) blocks.push({ type: 'text', text: t.mark.notDone });
  } else {
    const { step: done, changed } = tickStep(ctx.deps.db, change);
    // "Marcado" only of a step this press marked; one already done says so instead.
    title = changed
      ? t.mark.doneTitle(t.steps[step.id] ?? step.id)
      : t.mark.alreadyDoneTitle(t.steps[step.id] ?? step.id);
    if (!changed) blocks.push({ type: 'text', text: t.mark.alreadyDone(done.doneBy, ctx.dates.dateTime(done.doneAt)) });
  }
  const applicable = deriveChecklist(event, listDoneSteps(ctx.deps.db, event.id), ctx.now).filter(
    (status) => status.state !== 'not_applicable',
  );
  const done = applicable.filter((status) => status.state === 'done').length;
  blocks.push({ type: 'progress', label: `${unit.code} · ${unit.name}`, done, total: applicable.length });
  return { visibility: 'private', tone: blocks.length > 1 ? 'info' : 'success', title, blocks };
}
