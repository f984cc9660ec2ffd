import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FakeSlack } from '../fake-slack.js';
import type { FakeX } from '../fake-x.js';

/** The bot a torture run kills and starts again: its users, its settings, how it starts and is watched. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const BOT_MAIN = fileURLToPath(new URL('../../bot/main.ts', import.meta.url));
export const SECRET = 'torture-signing-secret-0123456789';
export const APPROVALS = 'C0APROBAR';
export const ADMIN = 'U0ADMIN';
export const DIRECTOR = 'U0DIRECTORA';
export const COMMUNICATION = 'U0COMUNICA';
/** The demo roster's officer of the Azuay units (DMs to them land in the fake's `Doficial-azu`). */
export const OFFICER = 'oficial-azu';

export function botEnv(dir: string, port: number, slack: FakeSlack, x: FakeX): Record<string, string> {
  const env: Record<string, string> = {
    DATABASE_PATH: join(dir, 'rendicion.db'),
    BOT_ADMINS: ADMIN,
    SLACK_BOT_TOKEN: 'xoxb-torture',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    SLACK_APPROVALS_CHANNEL: APPROVALS,
    PORT: String(port),
    X_API_KEY: 'key',
    X_API_SECRET: 'secret',
    X_ACCESS_TOKEN: 'token',
    X_ACCESS_SECRET: 'token-secret',
    X_API_URL: x.url,
    // The run posts many tweets for one session in a few minutes: rules 10–12 only warn here.
    POLICY_BLOCKING: 'longitud',
    TWEET_MAX_PER_EVENT: '1000',
    LOG_LEVEL: 'warn',
  };
  if (process.env.PATH !== undefined) env.PATH = process.env.PATH;
  if (process.env.HOME !== undefined) env.HOME = process.env.HOME;
  return env;
}

export function startBot(dir: string, env: Record<string, string>): ChildProcess {
  const log = openSync(join(dir, 'bot.log'), 'a');
  try {
    return spawn(process.execPath, ['--import', TSX_LOADER, BOT_MAIN], {
      cwd: dir,
      env,
      stdio: ['ignore', 'ignore', log],
    });
  } finally {
    closeSync(log);
  }
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function health(
  port: number,
): Promise<{ status: number; outbox?: { chatMessages: number; tweets: number } }> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    return { status: response.status, ...((await response.json()) as object) };
  } catch {
    return { status: 0 };
  }
}

export async function until(
  condition: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
