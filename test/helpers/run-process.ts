import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Long enough for a cold start on a slow CI machine; a hang fails the test instead of blocking it. */
export const PROCESS_TIMEOUT_MS = 30_000;

/** tsx's loader, resolved from this repository's node_modules so the child does not depend on its cwd. */
export const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** An absolute path inside the repository, e.g. `repoPath('bot/main.ts')`. */
export function repoPath(relative: string): string {
  return fileURLToPath(new URL(`../../${relative}`, import.meta.url));
}

export const BOT_MAIN = repoPath('bot/main.ts');
export const ROSTER_CLI = repoPath('bot/cli/roster-cli.ts');

export interface TempDir {
  /** The directory itself: the child's cwd, so no `.env` of the repository is read. */
  path: string;
  /** A database file that does not exist yet, inside `path`. */
  databasePath: string;
  /** Writes a file inside the directory and returns its absolute path. */
  write(name: string, content: string | Uint8Array): Promise<string>;
  remove(): Promise<void>;
}

export async function createTempDir(): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), 'rendicion-test-'));
  return {
    path,
    databasePath: join(path, 'rendicion.db'),
    async write(name, content) {
      const file = join(path, name);
      await writeFile(file, content);
      return file;
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}

export interface RunOptions {
  /** Working directory of the child: use a temp dir so the run is hermetic. */
  cwd: string;
  /** Absolute path of the entry point: TypeScript runs through tsx's loader, JavaScript as it is. */
  script: string;
  args?: readonly string[];
  /** The only variables the child sees besides PATH and HOME (DATABASE_PATH, CAMPAIGN_FILE, BOT_LANGUAGE...). */
  env?: Readonly<Record<string, string>>;
  /** Written to the child's standard input, which is then closed. */
  stdin?: string;
  timeoutMs?: number;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node --import tsx <script> [args]` (`node <script>` for compiled JavaScript) and collects its output. Only PATH and HOME are inherited:
 * a developer's BOT_LANGUAGE or DATABASE_PATH cannot leak into the test. Rejects when the child
 * does not exit within the timeout (after killing it), so a hang fails loudly.
 */
export function runProcess(options: RunOptions): Promise<RunResult> {
  const timeoutMs = options.timeoutMs ?? PROCESS_TIMEOUT_MS;
  const env: Record<string, string> = {};
  if (process.env.PATH !== undefined) env.PATH = process.env.PATH;
  if (process.env.HOME !== undefined) env.HOME = process.env.HOME;
  Object.assign(env, options.env);

  return new Promise((resolve, reject) => {
    const loader = options.script.endsWith('.ts') ? ['--import', TSX_LOADER] : [];
    const child = spawn(process.execPath, [...loader, options.script, ...(options.args ?? [])], {
      cwd: options.cwd,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    // A child that stops at start-up may close its stdin before reading it; that is not a test failure.
    child.stdin.on('error', () => {});

    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `${options.script} did not exit within ${timeoutMs} ms.\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`,
        ),
      );
    }, timeoutMs);

    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });

    child.stdin.end(options.stdin ?? '');
  });
}
