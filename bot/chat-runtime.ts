import type { Server } from 'node:http';
import type { Clock } from '../commands/core/clock.js';
import type { Logger } from '../commands/core/logger.js';
import type { Locale, Platform } from '../commands/core/types.js';
import type { Engine } from '../commands/engine.js';
import type { Database } from '../db/client.js';
import { countWrites } from '../db/queries/changes.js';
import type { AgendaSite } from './agenda/agenda-site.js';
import { checkHealth, type HealthReport, startHealthServer } from './health.js';
import { onlyAfterWrites } from './outbox-pass.js';
import type { ChatAdapter, ConfiguredChat } from './platforms/chat-platform.js';

export interface RunningChats {
  /** What GET /healthz answers: every adapter of this process. */
  report(): HealthReport;
  /** Every adapter delivers what the outbox holds for it. */
  deliver(): Promise<void>;
  /** Stops taking requests, waits for `settled`, delivers once more, then closes every connection. */
  stop(settled: () => Promise<void>): Promise<void>;
  /** The server answering /healthz and the agenda when no adapter serves HTTP on PORT. */
  healthServer?: Server;
}

/**
 * Creates and starts the adapter of every configured chat platform, in one process on one
 * database, knowing none of them by name; /healthz reports each one.
 */
export async function startChats(input: {
  chats: readonly ConfiguredChat[];
  engine: Engine;
  db: Database;
  clock: Clock;
  logger: Logger;
  locale: Locale;
  port: number;
  agenda: AgendaSite;
  runBackgroundPass: () => Promise<void>;
}): Promise<RunningChats> {
  const { db, logger, port, agenda } = input;
  const adapters: { platform: Platform; adapter: ChatAdapter }[] = [];
  const report = (): HealthReport =>
    checkHealth(db, Object.fromEntries(adapters.map(({ platform, adapter }) => [platform, adapter.state()])));
  const deliver = () => Promise.all(adapters.map(({ adapter }) => adapter.deliverOutbox())).then(() => undefined);
  // A request on one platform may owe messages to another (a card asked for in Discord goes to
  // Slack's approvals channel too): after each one that wrote, every adapter delivers.
  const afterRequest = onlyAfterWrites(
    () => countWrites(db),
    () => input.runBackgroundPass().then(deliver),
  );
  const common = { ...input, afterRequest, health: report };
  for (const { descriptor, settings } of input.chats) {
    adapters.push({ platform: descriptor.platform, adapter: await descriptor.create(settings, common) });
  }
  const start = async ({ platform, adapter }: (typeof adapters)[number]) => {
    await adapter.start();
    logger.info(adapter.startedLog, `${platform} adapter started`);
  };
  // An adapter answering HTTP on PORT starts first; without one, nothing else listens on PORT, so
  // /healthz and the agenda get a server of their own before the others connect out.
  for (const running of adapters.filter(({ adapter }) => adapter.servesHttp)) await start(running);
  const healthServer: Server | undefined = adapters.some(({ adapter }) => adapter.servesHttp)
    ? undefined
    : await startHealthServer(report, port, agenda);
  logger.info({ port, path: '/agenda' }, 'public agenda served');
  for (const running of adapters.filter(({ adapter }) => !adapter.servesHttp)) await start(running);
  return {
    report,
    deliver,
    healthServer,
    async stop(settled) {
      // Anything already acknowledged is in the database and finishes or stays queued.
      for (const { adapter } of adapters) await adapter.stopTakingRequests().catch(() => undefined);
      await settled();
      await deliver();
      for (const { adapter } of adapters) await adapter.close().catch(() => undefined);
      healthServer?.close();
    },
  };
}
