import { findEventByUnit } from '../db/queries/events.js';
import { findTick, tickStep, untickStep } from '../db/queries/steps.js';
import { findUnitOrFail, isOneOf, refuseExtraPositionals, requirePositional } from './core/arguments.js';
import { findStep } from './core/checklist.js';
import { fail } from './core/errors.js';
import { normalizeWord } from './core/text.js';
import type { CommandDefinition, CommandReply } from './core/types.js';

/**
 * The Directorate records that a unit delivered its recording or its presentation another way
 * (by e-mail, on a drive): the step is done "declarado sin enlace", and every total counts it
 * apart from the links the bot saw. Only the steps proved by evidence can be declared.
 */
export const declarar: CommandDefinition = {
  name: 'declarar',
  aliases: ['declare'],
  role: 'directorate',
  writes: true,
  run(ctx, args): CommandReply {
    const { t } = ctx;
    refuseExtraPositionals(declarar, args, 3);
    const unit = findUnitOrFail(ctx, requirePositional(declarar, ctx, args, 0, 'unit'));
    const stepInput = requirePositional(declarar, ctx, args, 1, 'declarableStep');
    const undo = args.positionals[2];
    if (undo !== undefined && !isOneOf(undo, ['no', 'quitar', 'undo', 'remove'])) {
      fail('too_many_arguments', { command: declarar.name, extra: undo });
    }
    const step = findStep(normalizeWord(stepInput));
    if (!step?.provedBy) fail('step_not_declarable', { input: stepInput });
    const event = findEventByUnit(ctx.deps.db, unit.id);
    if (!event) fail('event_not_registered', { unitCode: unit.code });
    const label = t.steps[step.id] ?? step.id;
    const tick = findTick(ctx.deps.db, event.id, step.id);
    const change = {
      eventId: event.id,
      stepId: step.id,
      actor: ctx.user.id,
      at: ctx.now,
      requestId: ctx.requestId,
      unitCode: unit.code,
    };
    if (tick && tick.source !== 'declared') fail('step_has_evidence', { stepId: step.id, unitCode: unit.code });
    if (undo !== undefined) {
      if (!tick) {
        return {
          visibility: 'private',
          tone: 'info',
          blocks: [{ type: 'text', text: t.declare.notDeclared(unit.code, label) }],
        };
      }
      untickStep(ctx.deps.db, change);
      return {
        visibility: 'private',
        tone: 'success',
        title: t.declare.undoneTitle(unit.code, label),
        blocks: [{ type: 'text', text: t.declare.undoneText(step.id) }],
      };
    }
    if (tick) {
      return {
        visibility: 'private',
        tone: 'info',
        blocks: [
          {
            type: 'text',
            text: t.declare.alreadyDeclared(unit.code, label, tick.doneBy, ctx.dates.dateTime(tick.doneAt)),
          },
        ],
      };
    }
    tickStep(ctx.deps.db, { ...change, source: 'declared' });
    return {
      visibility: 'private',
      tone: 'success',
      title: t.declare.doneTitle(unit.code, label),
      blocks: [{ type: 'text', text: t.declare.doneText(step.id) }],
    };
  },
};
