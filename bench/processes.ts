import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { type FakeSlack, startFakeSlack } from '../testing/fake-slack.js';
import { freePort } from '../testing/free-port.js';

export const BENCH_SIGNING_SECRET = 'bench-signing-secret-0123456789';
export const BENCH_ADMIN = 'U0ADMIN';

const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MINIMAL_APP = fileURLToPath(new URL('./minimal-app.ts', import.meta.url));
const MEMORY_PROBE = pathToFileURL(fileURLToPath(new URL('./memory-probe.mjs', import.meta.url))).href;
const READY_TIMEOUT_MS = 60_000;

/**
 * `npm start`'s command from package.json (`exec node <options> dist/bot/main.js`), after its prestart
 * build: the benchmark runs what users run, and cannot drift from it.
 */
function botCommand(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [program, ...args] = (scripts.start ?? '')
    .replace(/^exec /, '')
    .trim()
    .split(/\s+/);
  if (program !== 'node') throw new Error(`npm start runs "${scripts.start}", not node: update bench/processes.ts`);
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  return args.map((arg) => (arg.endsWith('.js') ? join(ROOT, arg) : arg));
}

interface SpawnOptions {
  cwd: string;
  env: Record<string, string>;
  stdout: 'pipe' | 'ignore';
  logFile: string;
}

/** `node <args>`: the child's pid is node's own, not a wrapper's (npm, npx, a shell). */
function spawnNode(args: string[], options: SpawnOptions): ChildProcess {
  const log = openSync(options.logFile, 'a');
  try {
    return spawn(process.execPath, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', options.stdout, log],
    });
  } finally {
    closeSync(log);
  }
}

function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  if (process.env.PATH !== undefined) env.PATH = process.env.PATH;
  if (process.env.HOME !== undefined) env.HOME = process.env.HOME;
  return env;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Resident memory of a process in MB, and its peak, from /proc (Linux). */
export function residentMemoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux; 10 ms steps). */
export function cpuTimeMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks * 10;
}

export interface BotProcess {
  pid: number;
  eventsUrl: string;
  /** From spawn to the first 200 of GET /healthz. */
  readyMs: number;
  /** A unit of the demo campaign whose session is registered: commands about it do real work. */
  registeredUnit: string;
  memory(): { rss: number; peak: number };
  /**
   * After a full garbage collection in the bot (bench/memory-probe.ts): the memory its objects still
   * use (heap) and its resident memory then, in MB.
   */
  memoryAfterGc(): Promise<{ heapUsed: number; heapTotal: number; external: number; rss: number }>;
  /** SIGTERM (the bot's graceful shutdown), SIGKILL after 10 s. */
  stop(): Promise<void>;
  /** Starts the bot again on the same database (a restart) and returns its time to ready. */
  restart(): Promise<number>;
  /** Stops the bot and removes its temporary directory. */
  close(): Promise<void>;
}

/**
 * Runs the bot as `npm start` does (compiled, `node dist/bot/main.js`), in Slack HTTP mode against the fake Slack at
 * `slackApiUrl`, on a new SQLite file (so its first start creates the demo campaign: 126 units),
 * with the production logger writing to a file. Its working directory is a temporary one, so no
 * `.env` of the repository is read.
 */
export async function startBotProcess(slackApiUrl: string): Promise<BotProcess> {
  const directory = mkdtempSync(join(tmpdir(), 'rendicion-bench-'));
  const databasePath = join(directory, 'rendicion.db');
  const logFile = join(directory, 'bot.log');
  const memoryFile = join(directory, 'memory.json');
  const port = await freePort();
  const env = {
    ...baseEnv(),
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
    SLACK_API_URL: slackApiUrl,
    PORT: String(port),
    DATABASE_PATH: databasePath,
    BOT_ADMINS: BENCH_ADMIN,
    BENCH_MEMORY_FILE: memoryFile,
  };
  const command = botCommand();
  const script = command.at(-1) as string;
  let child: ChildProcess;
  const launch = async (): Promise<number> => {
    const started = performance.now();
    // --expose-gc only lets the probe collect when asked; it changes nothing else.
    const args = [...command.slice(0, -1), '--expose-gc', '--import', MEMORY_PROBE, script];
    child = spawnNode(args, { cwd: directory, env, stdout: 'ignore', logFile });
    const running = child;
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (running.exitCode !== null) {
        throw new Error(
          `the bot exited with ${running.exitCode} before ready:\n${readFileSync(logFile, 'utf8').slice(-3000)}`,
        );
      }
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`)
        .then(async (response) => {
          await response.arrayBuffer();
          return response.status === 200;
        })
        .catch(() => false);
      if (ok) return performance.now() - started;
      if (Date.now() > deadline) {
        await stopChild(running);
        throw new Error(
          `the bot was not ready within ${READY_TIMEOUT_MS} ms:\n${readFileSync(logFile, 'utf8').slice(-3000)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const readyMs = await launch().catch((error: unknown) => {
    rmSync(directory, { recursive: true, force: true });
    throw error;
  });
  const database = new BetterSqlite3(databasePath, { readonly: true, fileMustExist: true });
  const row = database
    .prepare('SELECT u.code AS code FROM units u JOIN events e ON e.unit_id = u.id ORDER BY u.province, u.code LIMIT 1')
    .get() as { code: string } | undefined;
  database.close();
  if (!row) throw new Error('the demo campaign has no registered session');
  const bot: BotProcess = {
    get pid() {
      return child.pid ?? 0;
    },
    eventsUrl: `http://127.0.0.1:${port}/slack/events`,
    readyMs,
    registeredUnit: row.code,
    memory: () => residentMemoryMb(child.pid ?? 0),
    memoryAfterGc: async () => {
      rmSync(memoryFile, { force: true });
      child.kill('SIGUSR2');
      const deadline = Date.now() + 10_000;
      while (!existsSync(memoryFile)) {
        if (Date.now() > deadline) throw new Error('the bot did not report its memory');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      const report = JSON.parse(readFileSync(memoryFile, 'utf8')) as Record<
        'heapUsed' | 'heapTotal' | 'external' | 'rss',
        number
      >;
      const mb = (bytes: number) => bytes / 1024 ** 2;
      return {
        heapUsed: mb(report.heapUsed),
        heapTotal: mb(report.heapTotal),
        external: mb(report.external),
        rss: mb(report.rss),
      };
    },
    stop: () => stopChild(child),
    restart: async () => {
      await stopChild(child);
      return launch();
    },
    close: async () => {
      await stopChild(child);
      rmSync(directory, { recursive: true, force: true });
    },
  };
  return bot;
}

export interface MinimalProcess {
  pid: number;
  eventsUrl: string;
  close(): Promise<void>;
}

export async function startMinimalProcess(slackApiUrl: string): Promise<MinimalProcess> {
  const directory = mkdtempSync(join(tmpdir(), 'rendicion-bench-'));
  const logFile = join(directory, 'minimal.log');
  // TypeScript through tsx's loader, which acts only while modules load.
  const child = spawnNode(['--import', TSX_LOADER, MINIMAL_APP, BENCH_SIGNING_SECRET, slackApiUrl], {
    cwd: directory,
    env: baseEnv(),
    stdout: 'pipe',
    logFile,
  });
  const eventsUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error('the minimal app did not start')), READY_TIMEOUT_MS);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const line = output.split('\n')[0];
      if (output.includes('\n') && line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the minimal app exited with ${code}:\n${readFileSync(logFile, 'utf8').slice(-3000)}`));
    });
  });
  return {
    pid: child.pid ?? 0,
    eventsUrl,
    close: async () => {
      await stopChild(child);
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** The fake Slack, the bot and the minimal Bolt app, each started or, if one fails, all stopped. */
export async function startBotAndMinimal(): Promise<{ slack: FakeSlack; bot: BotProcess; minimal: MinimalProcess }> {
  const slack = await startFakeSlack();
  const bot = await startBotProcess(slack.apiUrl).catch(async (error: unknown) => {
    await slack.close();
    throw error;
  });
  const minimal = await startMinimalProcess(slack.apiUrl).catch(async (error: unknown) => {
    await bot.close();
    await slack.close();
    throw error;
  });
  return { slack, bot, minimal };
}
