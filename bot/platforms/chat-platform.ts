import type { z } from 'zod';
import type { Clock } from '../../commands/core/clock.js';
import type { Logger } from '../../commands/core/logger.js';
import type { Locale, Platform } from '../../commands/core/types.js';
import type { Engine } from '../../commands/engine.js';
import type { Database } from '../../db/client.js';
import type { AgendaSite } from '../agenda/agenda-site.js';
import type { AdapterState, HealthReport } from '../health.js';

/** What the core hands every adapter it creates. */
export interface AdapterCommon {
  engine: Engine;
  db: Database;
  clock: Clock;
  logger: Logger;
  locale: Locale;
  /** Slow work a request may have queued (tweets, every adapter's outbox), run after the reply is sent. */
  afterRequest: () => Promise<void>;
  /** What /healthz answers for every adapter of this process (an adapter serving HTTP serves it). */
  health: () => HealthReport;
  /** The public agenda, for an adapter that serves HTTP on PORT. */
  agenda: AgendaSite;
  /** PORT: where an adapter that serves HTTP listens. */
  port: number;
}

/** A running adapter, as the core sees it (Bolt's Receiver has the same init/start/stop shape). */
export interface ChatAdapter {
  start(): Promise<void>;
  /** Stops taking requests; the outbox is delivered once more after this. */
  stopTakingRequests(): Promise<void>;
  /** Closes the connection for good, after the last delivery. */
  close(): Promise<void>;
  state(): AdapterState;
  /** Sends whatever the outbox holds for this platform; never runs twice at once. */
  deliverOutbox(): Promise<void>;
  /** Whether it answers HTTP on PORT itself, so /healthz and the agenda ride on it. */
  servesHttp: boolean;
  /** Fields of the "<platform> adapter started" log line. */
  startedLog: Record<string, unknown>;
}

/**
 * A chat platform as one module: its environment variables, how it reads them, how its people are
 * named, and how to start it. Nothing outside its folder and `registry.ts` names a platform.
 * `create` loads the client library lazily: a descriptor imports no heavy module.
 */
export interface ChatPlatform<Settings = unknown> {
  /** The id stored in the database (`chat_outbox.platform`, `tweets.request_platform`...). */
  platform: Platform;
  /** Its environment variables (names are a contract with every installation: never rename one). */
  env: z.ZodRawShape;
  /** Its settings from the parsed environment; undefined when not configured. Throws StartupError. */
  readSettings(values: Readonly<Record<string, unknown>>): Settings | undefined;
  /** Whether an id has this platform's shape, when several platforms run (Discord: 17 to 20 digits). */
  isUserId?(userId: string): boolean;
  /** The user id in a mention typed on this platform (`<@U123|ana>`), or undefined. */
  userIdFromMention?(text: string): string | undefined;
  create(settings: Settings, common: AdapterCommon): Promise<ChatAdapter>;
}

/** A platform this configuration connects to, with its settings. */
export interface ConfiguredChat<Settings = unknown> {
  descriptor: ChatPlatform<Settings>;
  settings: Settings;
}

/**
 * Types a descriptor's `readSettings` from its own schema; the registry then holds descriptors of
 * different settings in one list.
 */
export function defineChatPlatform<Shape extends z.ZodRawShape, Settings>(
  descriptor: Omit<ChatPlatform<Settings>, 'env' | 'readSettings'> & {
    env: Shape;
    readSettings(values: z.output<z.ZodObject<Shape>> & { PORT: number }): Settings | undefined;
  },
): ChatPlatform<Settings> {
  return descriptor as unknown as ChatPlatform<Settings>;
}
