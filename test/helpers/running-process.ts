import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { PROCESS_TIMEOUT_MS, type RunOptions, TSX_LOADER } from './run-process.js';

export interface RunningProcess {
  /** Writes a line to the child's standard input, which stays open. */
  writeLine(line: string): void;
  /** Resolves with everything printed so far once stdout matches `pattern`; rejects on timeout or exit. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Whether the child is still running. */
  isRunning(): boolean;
  /** Closes stdin and resolves with the exit code (killing the child if it does not exit in time). */
  stop(): Promise<number | null>;
}

/**
 * Starts `node --import tsx <script>` and keeps it running, for tests that need the bot alive while
 * something else happens (a backup of the live database). Same hermetic environment as runProcess.
 */
export function startProcess(options: Omit<RunOptions, 'stdin' | 'timeoutMs'>): RunningProcess {
  const env: Record<string, string> = {};
  if (process.env.PATH !== undefined) env.PATH = process.env.PATH;
  if (process.env.HOME !== undefined) env.HOME = process.env.HOME;
  Object.assign(env, options.env);
  const loader = options.script.endsWith('.ts') ? ['--import', TSX_LOADER] : [];
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [...loader, options.script, ...(options.args ?? [])],
    { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  let exitCode: number | null | undefined;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdin.on('error', () => {});
  const exited = new Promise<number | null>((resolve) => {
    child.on('close', (code) => {
      exitCode = code;
      resolve(code);
    });
  });

  return {
    writeLine: (line) => child.stdin.write(`${line}\n`),
    isRunning: () => exitCode === undefined,
    waitForOutput(pattern, timeoutMs = PROCESS_TIMEOUT_MS) {
      const deadline = Date.now() + timeoutMs;
      return new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(stdout)) return resolve(stdout);
          const why = exitCode !== undefined ? `exited with ${exitCode}` : Date.now() > deadline ? 'timed out' : '';
          if (why) {
            return reject(
              new Error(
                `${options.script} ${why} before printing ${pattern}.\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`,
              ),
            );
          }
          setTimeout(check, 20);
        };
        check();
      });
    },
    async stop() {
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), PROCESS_TIMEOUT_MS);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
