import { inTransaction } from '../db/client.js';
import type { Campaign } from '../db/queries/campaign.js';
import { findStoredReply, storeReply } from '../db/queries/idempotency.js';
import { findUnitByCode } from '../db/queries/units.js';
import { type Access, hasCommandRole } from './core/access.js';
import { sweepApprovals } from './core/approval-decisions.js';
import { closestMatch } from './core/closest-match.js';
import { BotError, type ErrorCode, fail } from './core/errors.js';
import { createDateFormatter } from './core/format-date.js';
import { type Examples, type Messages, messagesFor } from './core/i18n/catalogue.js';
import type { Logger } from './core/logger.js';
import { parseInvocation } from './core/parse-invocation.js';
import { runPinnedTweetSchedule } from './core/pinned-tweet.js';
import { sendReminders } from './core/reminders.js';
import { postScheduledSummary, refreshPostedSummary } from './core/scheduled-summary.js';
import type {
  ActionRequest,
  CommandContext,
  CommandDefinition,
  CommandDeps,
  CommandReply,
  CommandRequest,
  Locale,
} from './core/types.js';
import { createSnapshots, type Snapshot } from './engine-snapshot.js';
import type { FormChoice, FormDescription, FormName } from './forms/form-description.js';
import { openForm, readFormCommand } from './forms/open-form.js';
import { type Suggestion, suggest } from './forms/suggestions.js';
import { COMMANDS, findCommand, findCommandWithAction } from './registry.js';

export interface Engine {
  handleCommand(request: CommandRequest): CommandReply;
  handleAction(request: ActionRequest): CommandReply;
  /** Time-driven work (approvals that expire or need escalating); run it every minute or so. */
  runScheduledWork(): void;
  /** Whether this user may run the command at all (a form is only offered to who may submit it). */
  mayRun(request: Pick<CommandRequest, 'user' | 'extraRoles'>, commandName: string): boolean;
  /**
   * The form a typed command opens instead of running (`registrar` alone...), or undefined: run it.
   * Only offered to who may submit it.
   */
  formForText(request: Invocation & { text: string }): FormDescription | undefined;
  /** The same, for a command given as named values (Discord's options). */
  formForValues(request: Invocation, name: FormName, given: ReadonlyMap<string, string>): FormDescription | undefined;
  /** What to offer while the user types a value: units, steps, provinces, roles. */
  suggest(request: Invocation, kind: Suggestion, typed: string, limit: number): FormChoice[];
}

export type Invocation = Pick<
  CommandRequest,
  'requestId' | 'platform' | 'user' | 'channelId' | 'locale' | 'idempotencyKey' | 'extraRoles'
>;

const SYSTEM_USER = { id: 'sistema' };

function mayOpen(ctx: CommandContext, name: FormName): boolean {
  const command = findCommand(name);
  return command !== undefined && hasCommandRole(ctx.access, command.role);
}

/** The platform-neutral entry point every adapter calls. */
export function createEngine(deps: CommandDeps & { logger: Logger }): Engine {
  const currentSnapshot = createSnapshots(deps);

  function context(request: Invocation): CommandContext {
    const snapshot = currentSnapshot();
    const { campaign } = snapshot;
    const locale: Locale = request.locale ?? deps.defaultLocale;
    const now = deps.clock.now();
    const dates = createDateFormatter(locale, campaign.timeZone);
    const access = snapshot.accessOf(request);
    return {
      deps,
      requestId: request.requestId,
      user: request.user,
      platform: request.platform,
      channelId: request.channelId,
      access,
      campaign,
      t: messagesFor(locale, examplesFor(campaign, dates.toLocalDate(now), exampleUnit(snapshot, access))),
      dates,
      now,
    };
  }

  /** The user's own unit, or the first registered one (or else the first): examples that work as typed. */
  function exampleUnit(snapshot: Snapshot, access: Access): string | undefined {
    return [...access.officerUnitCodes].sort()[0] ?? snapshot.exampleUnitCode();
  }

  function formForValues(request: Invocation, name: FormName, given: ReadonlyMap<string, string>) {
    const ctx = context(request);
    return mayOpen(ctx, name) ? openForm(ctx, name, given) : undefined;
  }

  /** One log line per request: what ran, for which unit, how long it took and how it ended. */
  function execute(
    request: Invocation,
    work: (ctx: CommandContext) => { command: CommandDefinition; reply: () => CommandReply; unit?: string },
  ): CommandReply {
    const started = performance.now();
    const logged: { command?: string; unit?: string } = {};
    const reply = run(request, (ctx) => {
      const chosen = work(ctx);
      logged.command = chosen.command.name;
      logged.unit = chosen.unit;
      return chosen;
    });
    const outcome = reply.errorCode ? 'refused' : reply.tone === 'error' ? 'error' : 'ok';
    deps.logger.info(
      {
        requestId: request.requestId,
        platform: request.platform,
        command: logged.command,
        action: 'actionId' in request ? request.actionId : undefined,
        unit: logged.unit,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        outcome,
        errorCode: reply.errorCode,
      },
      'request handled',
    );
    return reply;
  }

  function run(
    request: Invocation,
    work: (ctx: CommandContext) => { command: CommandDefinition; reply: () => CommandReply },
  ): CommandReply {
    let ctx: CommandContext | undefined;
    try {
      ctx = context(request);
      const current = ctx;
      const { command, reply } = work(current);
      if (command.role !== 'anyone' && !hasCommandRole(current.access, command.role)) {
        fail('forbidden_command', { command: command.name, role: command.role });
      }
      if (!command.writes) return reply();
      // One transaction per command: its rows, its audit entries and its idempotency key
      // commit together, and any error (expected or not) rolls all of them back.
      return inTransaction(deps.db, () => {
        const key = request.idempotencyKey;
        const stored = key ? findStoredReply(deps.db, key) : undefined;
        if (stored) return stored as CommandReply;
        const result = reply();
        if (key) storeReply(deps.db, key, result, current.now);
        return result;
      });
    } catch (error) {
      const t = ctx?.t ?? messagesFor(request.locale ?? deps.defaultLocale, fallbackExamples);
      return errorReply(deps, t, request, error);
    }
  }

  return {
    handleCommand(request) {
      return execute(request, (ctx) => {
        const invocation = parseInvocation(request.text);
        if (!invocation.ok) throw invocation.error;
        const { subcommand, ...args } = invocation.value;
        const command = findCommand(subcommand || 'ayuda');
        if (!command) fail('unknown_command', { input: subcommand, suggestion: suggestCommand(ctx, subcommand) });
        const first = args.positionals[0]?.toUpperCase();
        const unit = first && findUnitByCode(deps.db, ctx.campaign.id, first) ? first : undefined;
        return { command, reply: () => command.run(ctx, args), unit };
      });
    },
    handleAction(request) {
      return execute(request, (ctx) => {
        const command = findCommandWithAction(request.actionId);
        const action = command?.actions?.[request.actionId];
        if (!command || !action) fail('unknown_action', { actionId: request.actionId });
        return { command, reply: () => action(ctx, request.payload, request.input) };
      });
    },
    formForText(request) {
      const asked = readFormCommand(request.text);
      return asked && formForValues(request, asked.name, asked.given);
    },
    formForValues,
    suggest(request, kind, typed, limit) {
      return suggest(context(request), kind, typed, limit);
    },
    mayRun(request, commandName) {
      const command = findCommand(commandName);
      if (!command) return false;
      return hasCommandRole(currentSnapshot().accessOf(request), command.role);
    },
    runScheduledWork() {
      const request: Invocation = {
        requestId: `scheduled-${deps.clock.now().toISOString()}`,
        platform: 'console',
        user: SYSTEM_USER,
      };
      try {
        const ctx = context(request);
        const swept = inTransaction(deps.db, () => sweepApprovals(ctx));
        const summaryPosted = inTransaction(deps.db, () => postScheduledSummary(ctx) || refreshPostedSummary(ctx));
        const reminders = inTransaction(deps.db, () => sendReminders(ctx));
        inTransaction(deps.db, () => runPinnedTweetSchedule(ctx));
        if (swept.expired || swept.escalated || summaryPosted || reminders) {
          deps.logger.info({ ...swept, summaryPosted, reminders }, 'scheduled work done');
        }
      } catch (error) {
        deps.logger.error(
          { requestId: request.requestId, error: error instanceof Error ? error.stack : String(error) },
          'scheduled work failed',
        );
      }
    },
  };
}

function suggestCommand(ctx: CommandContext, typed: string): string | undefined {
  const names = COMMANDS.filter((command) => hasCommandRole(ctx.access, command.role)).flatMap((command) => [
    command.name,
    ...command.aliases,
  ]);
  return closestMatch(typed, names);
}

const fallbackExamples: Examples = { unitCode: 'UNIDAD', date: '15/09/2026' };

/**
 * Real values for help and error examples: the user's own unit (or the first registered one) and a date
 * inside the window that has not passed yet (tomorrow once the campaign has started), so the
 * example works as typed.
 */
function examplesFor(campaign: Campaign, today: string, unitCode: string | undefined): Examples {
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  // The middle of the three ISO dates (tomorrow, clamped to the window), found without sorting an
  // array: this runs on every request.
  const date = middleOf(campaign.windowStart, tomorrow, campaign.windowEnd);
  const [year, month, day] = date.split('-');
  return { unitCode: unitCode ?? fallbackExamples.unitCode, date: `${day}/${month}/${year}` };
}

/** The middle one of three strings, in the order `sort()` puts them. */
function middleOf(a: string, b: string, c: string): string {
  const low = a < b ? a : b;
  const high = a < b ? b : a;
  return c < low ? low : c > high ? high : c;
}

function errorReply(deps: { logger: Logger }, t: Messages, request: Invocation, error: unknown): CommandReply {
  if (error instanceof BotError) {
    const code: ErrorCode = error.code;
    const message = (t.errors[code] as (details: unknown) => string)(error.details);
    return {
      visibility: 'private',
      tone: 'error',
      title: t.errorTitle,
      blocks: [{ type: 'text', text: message }],
      errorCode: code,
    };
  }
  deps.logger.error(
    {
      requestId: request.requestId,
      userId: request.user.id,
      error: error instanceof Error ? error.stack : String(error),
    },
    'unexpected error while handling a request',
  );
  return {
    visibility: 'private',
    tone: 'error',
    title: t.errorTitle,
    blocks: [{ type: 'text', text: t.unexpectedError(request.requestId) }],
  };
}
