import { hasCommandRole } from './core/access.js';
import { refuseExtraPositionals } from './core/arguments.js';
import { CHECKLIST, type ChecklistStep, isManuallyTickable } from './core/checklist.js';
import { closestMatch } from './core/closest-match.js';
import { fail } from './core/errors.js';
import type { CommandName } from './core/i18n/catalogue.js';
import { normalizeWord } from './core/text.js';
import type { CommandContext, CommandDefinition, CommandReply, ReplyBlock } from './core/types.js';

/** `ayuda` lists the other commands, so it is built with a way to reach them. */
export function createHelpCommand(listCommands: () => readonly CommandDefinition[]): CommandDefinition {
  const help: CommandDefinition = {
    name: 'ayuda',
    aliases: ['help'],
    role: 'anyone',
    writes: false,
    run(ctx, args) {
      refuseExtraPositionals(help, args, 1);
      const visible = listCommands().filter((command) => hasCommandRole(ctx.access, command.role));
      const wanted = args.positionals[0];
      if (wanted === undefined) return overview(ctx, visible);
      const typed = normalizeWord(wanted).replace(/^\//, '');
      const command = listCommands().find((candidate) => candidate.name === typed || candidate.aliases.includes(typed));
      if (!command) {
        const names = visible.flatMap((candidate) => [candidate.name, ...candidate.aliases]);
        fail('unknown_command', { input: wanted, suggestion: closestMatch(wanted, names) });
      }
      return detail(ctx, command);
    },
  };
  return help;
}

function displayName(ctx: CommandContext, command: CommandDefinition): string {
  return ctx.t.locale === 'en' ? (command.aliases[0] ?? command.name) : command.name;
}

function describeAccess(ctx: CommandContext): string {
  const { t, access } = ctx;
  const roles: string[] = [];
  if (access.isAdmin) roles.push(t.roles.admin);
  if (access.isDirectorate) roles.push(t.roles.directorate);
  if (access.isCommunication) roles.push(t.roles.communication);
  if (access.officerUnitCodes.size) roles.push(t.officerOf([...access.officerUnitCodes].sort().join(', ')));
  return roles.length ? roles.join(', ') : t.roles.none;
}

function overview(ctx: CommandContext, visible: readonly CommandDefinition[]): CommandReply {
  const { t } = ctx;
  return {
    visibility: 'private',
    tone: 'info',
    title: t.help.title,
    blocks: [
      { type: 'text', text: t.help.intro },
      {
        type: 'list',
        items: visible.map((command) => {
          const help = t.commands[command.name as CommandName];
          return `\`${displayName(ctx, command)}\` — ${help.description}\n    \`${help.examples[0] ?? help.usage}\``;
        }),
      },
      { type: 'context', text: t.help.youAre(describeAccess(ctx)) },
      ...(ctx.deps.agendaPublicUrl
        ? [{ type: 'context' as const, text: t.agenda.publicAt(ctx.deps.agendaPublicUrl) }]
        : []),
    ],
  };
}

function detail(ctx: CommandContext, command: CommandDefinition): CommandReply {
  const { t } = ctx;
  const help = t.commands[command.name as CommandName];
  const otherNames = t.locale === 'en' ? [command.name, ...command.aliases.slice(1)] : command.aliases;
  const blocks: ReplyBlock[] = [
    { type: 'text', text: help.description },
    { type: 'list', heading: t.help.usage, items: [`\`${help.usage}\``] },
    { type: 'list', heading: t.help.examples, items: help.examples.map((example) => `\`${example}\``) },
  ];
  if (help.details.length) blocks.push({ type: 'list', items: help.details });
  if (command.name === 'marcar') blocks.push(stepList(ctx));
  if (otherNames.length) blocks.push({ type: 'context', text: t.help.aliases(otherNames.join(', ')) });
  return { visibility: 'private', tone: 'info', title: t.help.detailTitle(displayName(ctx, command)), blocks };
}

function stepList(ctx: CommandContext): ReplyBlock {
  const { t } = ctx;
  return {
    type: 'list',
    heading: t.help.stepsHeading,
    items: CHECKLIST.map((step) => t.help.stepLine(step.id, t.steps[step.id] ?? step.id, describeDue(ctx, step))),
  };
}

function describeDue(ctx: CommandContext, step: ChecklistStep): string {
  const { help } = ctx.t;
  const hours = Math.abs(step.dueOffsetHours);
  const amount = hours % 24 === 0 ? help.days(hours / 24) : help.hours(hours);
  const parts = [
    step.dueOffsetHours === 0
      ? help.dueAtStart
      : step.dueOffsetHours < 0
        ? help.dueBefore(amount)
        : help.dueAfter(amount),
  ];
  if (step.condition) parts.push(help.onlyIf[step.condition]);
  if (!isManuallyTickable(step)) parts.push(help.byRegistration);
  if (step.provedBy) parts.push(help.byEvidence[step.provedBy]);
  return parts.join('; ');
}
