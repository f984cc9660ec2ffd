import { randomUUID } from 'node:crypto';
import { renderReplyAsText } from '../bot/console/render-text.js';
import { userIdFromMention } from '../bot/platforms/registry.js';
import { fixedClock } from '../commands/core/clock.js';
import { type Logger, silentLogger } from '../commands/core/logger.js';
import type { Speller } from '../commands/core/policy/policy-checker.js';
import { parseRoster } from '../commands/core/roster/parse-roster.js';
import {
  type CommandReply,
  DEFAULT_SETTINGS,
  type GlobalRole,
  type Locale,
  type Platform,
  type ReplyButton,
} from '../commands/core/types.js';
import { createEngine, type Engine } from '../commands/engine.js';
import { type Database, openDatabase } from '../db/client.js';
import { countAuditEntries } from '../db/queries/audit.js';
import { type Campaign, type CampaignSettings, saveCampaign } from '../db/queries/campaign.js';
import { listUndeliveredMessages, markMessageDelivered, type OutboxEntry } from '../db/queries/chat-outbox.js';
import { importRoster } from '../db/roster/import-roster.js';

/** A small campaign shaped like the memo's: 12–26 September 2026 in Guayaquil. */
export const TEST_CAMPAIGN: CampaignSettings = {
  name: 'Rendición de Cuentas 2026',
  timeZone: 'America/Guayaquil',
  windowStart: '2026-09-12',
  windowEnd: '2026-09-26',
  hashtag: '#RendiciónDeCuentas2026',
  websiteUrl: 'https://www.ejemplo.gob.ec/rendicion',
  institutionalDomains: ['ejemplo.gob.ec'],
  youtubeChannelId: null,
  youtubePlaylistId: null,
  policyWords: [],
  institutionalLinks: [],
  language: 'es',
  unitTimeZones: {},
  isDemo: false,
};

export const TEST_ROSTER = `codigo,nombre,provincia,tipo,responsable
PIC-DP,Dirección Provincial de Pichincha,Pichincha,direccion-provincial,oficial-pic
PIC-H1,Hospital General Quito Sur,Pichincha,hospital,oficial-pic
GUA-DP,Dirección Provincial del Guayas,Guayas,direccion-provincial,oficial.gua@ejemplo.gob.ec
MAN-DP,Dirección Provincial de Manabí,Manabí,direccion-provincial,
`;

/** Tests that are not about spelling do not load the 1-second Spanish dictionary. */
export const ACCEPT_EVERY_WORD: Speller = { correct: () => true, suggest: () => [] };

/** 1 September 2026, 09:00 in Guayaquil (UTC−5): before the window opens. */
export const BEFORE_WINDOW = '2026-09-01T14:00:00Z';

export interface SendOptions {
  as?: string;
  email?: string;
  roles?: GlobalRole[];
  locale?: Locale;
  idempotencyKey?: string;
}

export type RenderedReply = CommandReply & { rendered: string };

export interface TestBot {
  db: Database;
  engine: Engine;
  campaign: Campaign;
  clock: ReturnType<typeof fixedClock>;
  /** Runs `/rendicion <text>` as a user (default: the admin `admin-1`). */
  send(text: string, options?: SendOptions): RenderedReply;
  /** Presses a button; `input` is what the user typed when the button asked for text. */
  press(button: ReplyButton, options?: SendOptions & { input?: string }): RenderedReply;
  /** Runs the engine's scheduled work (expiring and escalating approvals). */
  runScheduledWork(): void;
  /** Chat messages queued for the console platform and not yet delivered, oldest first. */
  outbox(): OutboxEntry[];
  /** Marks every queued message delivered, as an adapter would after sending them. */
  deliverOutbox(): OutboxEntry[];
  auditCount(): number;
  close(): void;
}

export function createTestBot(
  options: {
    now?: string;
    roster?: string;
    /** The provinces the roster may name, as a campaign file's `provincias` (default: Ecuador's 24). */
    provinces?: readonly string[];
    admins?: string[];
    logger?: Logger;
    databasePath?: string;
    platforms?: Platform[];
    speller?: Speller;
    youtubeMode?: 'verify' | 'form-only';
    sheetConfigured?: boolean;
    agendaPublicUrl?: string;
  } = {},
): TestBot {
  const db = openDatabase(options.databasePath ?? ':memory:');
  const clock = fixedClock(options.now ?? BEFORE_WINDOW);
  const { campaign } = saveCampaign(db, TEST_CAMPAIGN, 'test', clock.now());
  const { rows, problems } = parseRoster(options.roster ?? TEST_ROSTER, { provinces: options.provinces });
  if (problems.length) throw new Error(`bad test roster: ${JSON.stringify(problems)}`);
  importRoster(db, { campaignId: campaign.id, rows, actor: 'test', at: clock.now() });
  const engine = createEngine({
    db,
    clock,
    admins: options.admins ?? ['admin-1'],
    defaultLocale: 'es',
    platforms: options.platforms ?? ['console'],
    userIdFromMention,
    settings: DEFAULT_SETTINGS,
    speller: options.speller ?? ACCEPT_EVERY_WORD,
    tweetMode: 'simulated',
    youtubeMode: options.youtubeMode ?? 'form-only',
    sheetConfigured: options.sheetConfigured ?? false,
    agendaPublicUrl: options.agendaPublicUrl,
    logger: options.logger ?? silentLogger,
  });
  const withText = (reply: CommandReply): RenderedReply => ({ ...reply, rendered: renderReplyAsText(reply) });
  const base = (sendOptions: SendOptions) => ({
    requestId: randomUUID(),
    platform: 'console' as const,
    user: { id: sendOptions.as ?? 'admin-1', email: sendOptions.email },
    locale: sendOptions.locale,
    idempotencyKey: sendOptions.idempotencyKey,
    extraRoles: sendOptions.roles,
  });
  return {
    db,
    engine,
    campaign,
    clock,
    send: (text, sendOptions = {}) => withText(engine.handleCommand({ ...base(sendOptions), text })),
    press: (button, sendOptions = {}) =>
      withText(
        engine.handleAction({
          ...base(sendOptions),
          actionId: button.actionId,
          payload: button.payload,
          input: sendOptions.input,
        }),
      ),
    runScheduledWork: () => engine.runScheduledWork(),
    outbox: () => listUndeliveredMessages(db, 'console', 1000),
    deliverOutbox: () => {
      const entries = listUndeliveredMessages(db, 'console', 1000);
      for (const entry of entries) markMessageDelivered(db, entry.id, clock.now());
      return entries;
    },
    auditCount: () => countAuditEntries(db),
    close: () => db.close(),
  };
}
