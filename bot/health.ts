import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '../db/client.js';

export type AdapterState = 'starting' | 'connected' | 'stopping';

export interface HealthReport {
  ready: boolean;
  database: 'ok' | 'unreachable';
  adapter: AdapterState;
  /** Work accepted but not yet done: chat messages to deliver and tweets waiting to be posted. */
  outbox: { chatMessages: number; tweets: number } | null;
}

/** What `GET /healthz` answers: ready only when the database answers and the adapter is connected. */
export function checkHealth(db: Database, adapter: AdapterState): HealthReport {
  try {
    const chat = db.sqlite.prepare('SELECT count(*) AS n FROM chat_outbox WHERE delivered_at IS NULL').get() as {
      n: number;
    };
    const tweets = db.sqlite.prepare("SELECT count(*) AS n FROM tweets WHERE state IN ('queued', 'sending')").get() as {
      n: number;
    };
    return {
      ready: adapter === 'connected',
      database: 'ok',
      adapter,
      outbox: { chatMessages: chat.n, tweets: tweets.n },
    };
  } catch {
    return { ready: false, database: 'unreachable', adapter, outbox: null };
  }
}

/** A Bolt custom route serving the report: 200 when ready, 503 otherwise (load balancers, compose). */
export function healthRoute(report: () => HealthReport) {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req: IncomingMessage, res: ServerResponse) => {
      const body = report();
      res.writeHead(body.ready ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    },
  };
}
