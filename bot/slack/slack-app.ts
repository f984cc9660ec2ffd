import { createServer, type Server } from 'node:http';
import { App, type Logger as BoltLogger, HTTPReceiver, LogLevel } from '@slack/bolt';
import type { Logger } from '../../commands/core/logger.js';
import type { AgendaSite } from '../agenda/agenda-site.js';
import { type AdapterState, type HealthReport, healthRoute } from '../health.js';
import { portInUse, StartupError } from '../startup-error.js';
import { describeSlackError } from './slack-api-error.js';
import type { SlackChannels } from './slack-outbox.js';

export interface SlackSettings {
  botToken: string;
  /** HTTP mode (Events API request URLs) when set; Socket Mode uses `appToken` instead. */
  signingSecret?: string;
  appToken?: string;
  apiUrl: string;
  port: number;
  channels: SlackChannels;
  slashCommand: string;
}

/** Bolt's own warnings and errors go to our logger (JSON lines, no secrets), not to the console. */
function boltLogger(logger: Logger): BoltLogger {
  const join = (parts: unknown[]) =>
    parts.map((part) => (part instanceof Error ? part.message : String(part))).join(' ');
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...parts) => logger.warn({ source: 'bolt' }, join(parts)),
    error: (...parts) => logger.error({ source: 'bolt' }, join(parts)),
    setLevel: () => undefined,
    getLevel: () => LogLevel.WARN,
    setName: () => undefined,
  };
}

/**
 * Bolt's deferred initialisation: one `auth.test` at start, whose failure we can catch and name,
 * and whose bot ids Bolt then keeps (without it Bolt would call `auth.test` before every request).
 */
async function checkCredentials(app: App, settings: SlackSettings): Promise<void> {
  try {
    await app.init();
  } catch (error) {
    const failure = describeSlackError(error);
    throw new StartupError([
      failure.kind === 'network'
        ? `SLACK_API_URL (${settings.apiUrl}): no se pudo conectar con Slack. Revise la red o la dirección.`
        : `SLACK_BOT_TOKEN: Slack rechazó el token (${failure.message}). Copie de nuevo el Bot User OAuth Token (xoxb-…).`,
    ]);
  }
}

/**
 * Bolt's app and its transport: the HTTP receiver on PORT (with /healthz and the public agenda)
 * or Socket Mode, started once the token is checked, and how it stops.
 */
export function createSlackApp(input: {
  settings: SlackSettings;
  logger: Logger;
  health: () => HealthReport;
  agenda?: AgendaSite;
}) {
  const { settings, logger, health, agenda } = input;
  const clientOptions = {
    slackApiUrl: settings.apiUrl,
    // The outbox retries failed messages itself; Bolt's own retries would hold a delivery for minutes.
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    // A call gives up well inside the outbox's claim (CLAIM_TIMEOUT_MS), so no attempt outlives it.
    timeout: 20_000,
  };
  let state: AdapterState = 'starting';
  const receiver = settings.appToken
    ? undefined
    : new HTTPReceiver({
        signingSecret: settings.signingSecret ?? '',
        endpoints: '/slack/events',
        customRoutes: [healthRoute(health)],
      });
  let server: Server | undefined;
  const app = new App({
    token: settings.botToken,
    ...(receiver
      ? { receiver }
      : // Socket Mode needs no port: /healthz gets a server of its own (startHealthServer), because
        // Bolt's Socket Mode server has no error handler and a port in use would crash the process.
        { socketMode: true, appToken: settings.appToken }),
    clientOptions,
    // No listener keeps conversation state: without the store, Bolt does not look each request up
    // in it (a miss builds an Error, stack trace and all).
    convoStore: false,
    logger: boltLogger(logger),
    // Checked in start() (app.init), where a failure stops start-up with a message naming the variable.
    deferInitialization: true,
  });

  return {
    app,
    /** Starts listening; in HTTP mode resolves with the server (port 0 picks a free one). */
    async start() {
      await checkCredentials(app, settings);
      if (!receiver) {
        await app.start();
        state = 'connected';
        return undefined;
      }
      // The agenda is answered before Bolt's router: Bolt compiles every custom route's pattern
      // (path-to-regexp's match()) on each request it routes, a cost a burst of citizens would add
      // to the slash commands' (docs/benchmarks.md, public agenda).
      const http = createServer((req, res) => {
        if (agenda?.handle(req, res)) return;
        try {
          receiver.requestListener(req, res);
        } catch {
          // Bolt throws for a path it does not serve (HTTPReceiverDeferredRequestError).
          if (!res.headersSent) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        }
      });
      await new Promise<void>((resolve, reject) => {
        http.once('error', (error: NodeJS.ErrnoException) =>
          reject(error.code === 'EADDRINUSE' ? portInUse(settings.port) : error),
        );
        http.listen(settings.port, resolve);
      });
      server = http;
      state = 'connected';
      return http;
    },
    stop: () => {
      state = 'stopping';
      if (!receiver) return app.stop().then(() => undefined);
      return new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
    state: () => state,
  };
}
