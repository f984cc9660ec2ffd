import type { Database } from '../../db/client.js';
import type { Campaign } from '../../db/queries/campaign.js';
import type { Access } from './access.js';
import type { Clock } from './clock.js';
import type { DateFormatter } from './format-date.js';
import type { Messages } from './i18n/catalogue.js';
import type { ParsedArguments } from './parse-invocation.js';
import { DEFAULT_BLOCKING_RULES, type PolicyRule, type Speller } from './policy/policy-checker.js';

export type Locale = 'es' | 'en';
/**
 * A chat platform's id (`console`, or one listed in bot/platforms/registry.ts): open, so a new
 * platform needs no edit here.
 */
export type Platform = string;

export interface ChatUser {
  /** The platform's user id (Slack `U…`, Discord snowflake, console name). */
  id: string;
  displayName?: string;
  email?: string;
}

/** What every adapter turns a slash command into. */
export interface CommandRequest {
  requestId: string;
  platform: Platform;
  user: ChatUser;
  /** Everything typed after `/rendicion`. */
  text: string;
  channelId?: string;
  locale?: Locale;
  /** Set by adapters whose platform may deliver the same request twice (Slack retries...). */
  idempotencyKey?: string;
  /** Roles the adapter vouches for (console's local user, Discord server roles). */
  extraRoles?: readonly GlobalRole[];
}

/** A button press: the action id and payload come from a `ReplyButton`. */
export interface ActionRequest {
  requestId: string;
  platform: Platform;
  user: ChatUser;
  actionId: string;
  payload: string;
  channelId?: string;
  locale?: Locale;
  idempotencyKey?: string;
  extraRoles?: readonly GlobalRole[];
  /** The text the user typed when the button asked for it (`ReplyButton.input`). */
  input?: string;
}

export type GlobalRole = 'admin' | 'directorate' | 'communication';

export type ReplyBlock =
  | { type: 'text'; text: string }
  | { type: 'fields'; fields: { label: string; value: string }[] }
  | { type: 'progress'; label: string; done: number; total: number }
  | { type: 'list'; heading?: string; items: string[] }
  | { type: 'context'; text: string };

export interface ReplyButton {
  label: string;
  actionId: string;
  payload: string;
  style?: 'primary' | 'danger';
  /** Ask the user for text before pressing (a modal in Slack and Discord, a prompt in the console). */
  input?: { label: string; placeholder?: string };
}

/** The neutral reply that adapters render as Block Kit, Discord embeds or terminal lines. */
export interface CommandReply {
  visibility: 'public' | 'private';
  tone: 'info' | 'success' | 'warning' | 'error';
  title?: string;
  blocks: ReplyBlock[];
  buttons?: ReplyButton[];
  /** On a refusal, its stable code, so a form can show the message next to the right field. */
  errorCode?: string;
  /** A picture that goes with the reply, as SVG; each adapter turns it into a PNG file. */
  image?: ReplyImage;
  /** A file that goes with the reply (the CSV export); adapters upload or save it. */
  file?: ReplyFile;
}

export interface ReplyFile {
  /** File name with its extension, e.g. `rendicion-2026-09-12.csv`. */
  name: string;
  mimeType: string;
  content: string;
}

export interface ReplyImage {
  svg: string;
  width: number;
  height: number;
  /** File name without extension, e.g. `resumen-2026-09-12`. */
  name: string;
  altText: string;
}

export interface CommandDeps {
  db: Database;
  clock: Clock;
  /** Platform user ids from BOT_ADMINS. */
  admins: readonly string[];
  defaultLocale: Locale;
  /** The chat platforms running in this process: channel posts go to each of them. */
  platforms: readonly Platform[];
  /** Which running platform reaches a person (the adapters know their ids); unset: the first one. */
  platformOfUser?: (userId: string) => Platform;
  /** The user id in a mention typed in a platform's syntax (`<@U123|ana>`); unset: bare ids only. */
  userIdFromMention?: (text: string) => string | undefined;
  settings: BotSettings;
  /** Spelling for policy rule 10 (the Spanish Hunspell dictionary in production). */
  speller: Speller;
  /** `simulated` when there are no X credentials: tweets go through the outbox and are marked so. */
  tweetMode: 'live' | 'simulated';
  /** `verify` when a YouTube API key is set: reported links are checked with videos.list. */
  youtubeMode?: 'verify' | 'form-only';
  /** Whether a Google Sheet mirrors the campaign (GOOGLE_SHEET_ID). */
  sheetConfigured?: boolean;
  /** AGENDA_PUBLIC_URL: where citizens read the public agenda; ayuda, summaries and the pinned tweet mention it. */
  agendaPublicUrl?: string;
}

export interface BotSettings {
  /** A request pending longer than this is shown as overdue in the summary. */
  approvalOverdueHours: number;
  /** A request still pending this close to its event is escalated to the Directorate once. */
  approvalEscalationHours: number;
  /** Cron expressions, in the campaign's time zone, for the summary posted every day. */
  summarySchedule: readonly string[];
  /** Cron expressions for extra summaries on the days of the campaign window only. */
  summaryScheduleDuringWindow: readonly string[];
  /** Hours (campaign time) when no reminder is sent, e.g. 20 to 7; undefined sends at any hour. */
  quietHours?: { fromHour: number; toHour: number };
  /** Policy rules whose findings block a tweet; the others warn. */
  policyBlockingRules: readonly PolicyRule[];
  /** Rule 12: at most this many tweets per session within `tweetRateWindowMinutes`. */
  maxTweetsPerEvent: number;
  tweetRateWindowMinutes: number;
}

export const DEFAULT_SETTINGS: BotSettings = {
  approvalOverdueHours: 24,
  approvalEscalationHours: 48,
  summarySchedule: ['0 8 * * *'],
  summaryScheduleDuringWindow: ['0 18 * * *'],
  quietHours: { fromHour: 20, toHour: 7 },
  policyBlockingRules: DEFAULT_BLOCKING_RULES,
  maxTweetsPerEvent: 5,
  tweetRateWindowMinutes: 60,
};

export interface CommandContext {
  deps: CommandDeps;
  requestId: string;
  user: ChatUser;
  platform: Platform;
  channelId?: string;
  access: Access;
  campaign: Campaign;
  t: Messages;
  dates: DateFormatter;
  now: Date;
}

/** `communication`: officers, Communication, the Directorate and admins (who may write tweets). */
export type CommandRole = 'anyone' | 'officer' | 'communication' | 'directorate' | 'admin';

export interface CommandDefinition {
  /** Spanish name, typed by users. */
  name: string;
  aliases: readonly string[];
  /** Who may run it (and sees it in `ayuda`); unit-level checks happen inside `run`. */
  role: CommandRole;
  /** Allowed `clave=valor` options: canonical name → accepted spellings. */
  options?: Readonly<Record<string, readonly string[]>>;
  /** Whether it writes; writes run in one immediate transaction with the idempotency key. */
  writes: boolean;
  run(ctx: CommandContext, args: ParsedArguments): CommandReply;
  /** Button handlers, keyed by action id. */
  actions?: Readonly<Record<string, (ctx: CommandContext, payload: string, input?: string) => CommandReply>>;
}
