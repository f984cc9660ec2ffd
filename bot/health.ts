import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Platform } from '../commands/core/types.js';
import type { Database } from '../db/client.js';
import type { AgendaSite } from './agenda/agenda-site.js';
import { portInUse } from './startup-error.js';

export type AdapterState = 'starting' | 'connected' | 'stopping';

export interface HealthReport {
  ready: boolean;
  database: 'ok' | 'unreachable';
  /** Each chat adapter running in this process and its connection. */
  adapters: Record<Platform, AdapterState>;
  /** Work accepted but not yet done: chat messages to deliver and tweets waiting to be posted. */
  outbox: { chatMessages: number; tweets: number } | null;
}

/** What `GET /healthz` answers: ready only when the database answers and every adapter is connected. */
export function checkHealth(db: Database, adapters: HealthReport['adapters']): HealthReport {
  const states = Object.values(adapters);
  try {
    const chat = db.sqlite.prepare('SELECT count(*) AS n FROM chat_outbox WHERE delivered_at IS NULL').get() as {
      n: number;
    };
    const tweets = db.sqlite.prepare("SELECT count(*) AS n FROM tweets WHERE state IN ('queued', 'sending')").get() as {
      n: number;
    };
    return {
      ready: states.length > 0 && states.every((state) => state === 'connected'),
      database: 'ok',
      adapters,
      outbox: { chatMessages: chat.n, tweets: tweets.n },
    };
  } catch {
    return { ready: false, database: 'unreachable', adapters, outbox: null };
  }
}

function serveReport(report: () => HealthReport, res: ServerResponse): void {
  const body = report();
  res.writeHead(body.ready ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** A Bolt custom route serving the report: 200 when ready, 503 otherwise (load balancers, compose). */
export function healthRoute(report: () => HealthReport) {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req: IncomingMessage, res: ServerResponse) => serveReport(report, res),
  };
}

/**
 * Serves `/healthz` and the public agenda on their own when no Slack HTTP receiver does (Discord
 * alone, Slack in Socket Mode, the console with PORT set): those connect out and need no port, but
 * whoever runs the bot still asks whether it is up, and citizens still read the agenda.
 */
export async function startHealthServer(
  report: (() => HealthReport) | undefined,
  port: number,
  agenda?: AgendaSite,
): Promise<Server> {
  const server = createServer((req, res) => {
    if (agenda?.handle(req, res)) return;
    if (report && req.method === 'GET' && req.url?.split('?')[0] === '/healthz') serveReport(report, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? portInUse(port) : error),
    );
    server.listen(port, resolve);
  });
  return server;
}
