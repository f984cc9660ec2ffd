import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PackedWordList, readPackedFile } from '../../commands/core/policy/packed-word-list.js';
import { createTempDir, repoPath, runProcess, type TempDir } from '../helpers/run-process.js';

// `npm start` runs the compiled bot (prestart: scripts/build.mjs, then node dist/bot/main.js). This
// builds it into a temp folder the same way and runs what users run.
const TEST_TIMEOUT = 90_000;
let dir: TempDir;
let dist: string;

beforeAll(async () => {
  dir = await createTempDir();
  dist = join(dir.path, 'dist');
  execFileSync(process.execPath, ['scripts/build.mjs', '--out', dist], { cwd: repoPath(''), stdio: 'pipe' });
  // The compiled files import their packages from a node_modules beside or above them.
  symlinkSync(repoPath('node_modules'), join(dir.path, 'node_modules'));
}, TEST_TIMEOUT);
afterAll(() => dir.remove());

describe('npm start', () => {
  it('builds before it starts and runs the compiled bot', () => {
    const { scripts } = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.prestart).toBe('node scripts/build.mjs');
    // `exec`: the shell npm runs the script in becomes node, so npm's SIGTERM reaches the bot itself.
    expect(scripts.start).toMatch(/^exec node (--[\w-]+=\S+ )*dist\/bot\/main\.js$/);
  });

  it('is the command the Docker image runs, with the same options', () => {
    const { scripts } = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(repoPath('Dockerfile'), 'utf8'))?.[1];
    expect(JSON.parse(cmd ?? '[]')).toEqual(scripts.start?.replace(/^exec /, '').split(' '));
  });

  it(
    'answers in console mode, on a new database with the demo campaign, checking spelling with the packed dictionary',
    async () => {
      const tweet = 'tuit AZU-CS01 "Comienza la rendicion de cuentas de nuestra unidad."';
      const result = await runProcess({
        cwd: dir.path,
        script: join(dist, 'bot/main.js'),
        env: { DATABASE_PATH: dir.databasePath },
        stdin: `ayuda\n${tweet}\n`,
      });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('Comandos de /rendicion');
      expect(result.stdout).toContain('Regla 10 (ortografía): revise «rendicion» (¿rendición?)');
      expect(existsSync(dir.databasePath)).toBe(true);
    },
    TEST_TIMEOUT,
  );

  it(
    'stops cleanly when the process npm started gets SIGTERM: the shell has become the bot',
    async () => {
      const { scripts } = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      };
      // npm runs a script as `sh -c <script>` and signals that process.
      const child = spawn('sh', ['-c', scripts.start as string], {
        cwd: dir.path,
        // LOG_LEVEL puts console mode's log lines on standard error too, where this waits for one.
        env: { PATH: process.env.PATH ?? '', DATABASE_PATH: join(dir.path, 'sigterm.db'), LOG_LEVEL: 'info' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      // Console mode with standard input left open: the bot waits for a line.
      const deadline = Date.now() + 30_000;
      while (!stderr.includes('demo campaign created') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const [program] = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0');
      expect(program).toBe('node');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    },
    TEST_TIMEOUT,
  );

  it('ships the dictionary as a packed word list next to the compiled speller', () => {
    const packed = readPackedFile(readFileSync(join(dist, 'commands/core/policy/dictionary-es.packed')));
    expect(packed).toBeDefined();
    const words = new PackedWordList(packed as NonNullable<typeof packed>);
    expect(words.size).toBeGreaterThan(600_000);
    expect(words.has('rendición')).toBe(true);
    expect(words.has('rendicion')).toBe(false);
  });
});
