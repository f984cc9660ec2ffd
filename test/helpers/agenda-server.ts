import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AgendaSite, createAgendaSite } from '../../bot/agenda/agenda-site.js';
import { startHealthServer } from '../../bot/health.js';
import type { Locale } from '../../commands/core/types.js';
import type { TestBot } from '../../testing/test-bot.js';

export interface AgendaServer {
  site: AgendaSite;
  server: Server;
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

/** The agenda of a test bot (its database and controllable clock), served on a free port of 127.0.0.1. */
export async function startAgendaServer(
  bot: TestBot,
  options: { locale?: Locale; publicUrl?: string } = {},
): Promise<AgendaServer> {
  const site = createAgendaSite({
    db: bot.db,
    clock: bot.clock,
    locale: options.locale ?? 'es',
    publicUrl: options.publicUrl,
  });
  const server = await startHealthServer(undefined, 0, site);
  const { port } = server.address() as AddressInfo;
  return {
    site,
    server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
