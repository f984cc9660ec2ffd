import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAgendaSite } from '../../../bot/agenda/agenda-site.js';
import { startFakeSlack } from '../../../testing/fake-slack.js';
import { createTestSlackAdapter } from '../../../testing/slack-harness.js';
import { createTestBot } from '../../../testing/test-bot.js';
import { BOT_MAIN, createTempDir, type TempDir, TSX_LOADER } from '../../helpers/run-process.js';

const PROCESS_TEST_TIMEOUT_MS = 120_000;

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('where the agenda is served', () => {
  it('comes from Slack’s own HTTP receiver in HTTP mode, beside /healthz', async () => {
    const fakeSlack = await startFakeSlack();
    cleanups.push(() => fakeSlack.close());
    const bot = createTestBot({ platforms: ['slack'] });
    cleanups.push(() => bot.close());
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    const slack = createTestSlackAdapter(
      bot,
      { apiUrl: fakeSlack.apiUrl },
      { agenda: createAgendaSite({ db: bot.db, clock: bot.clock, locale: 'es' }) },
    );
    const server = await slack.start();
    cleanups.push(() => slack.stop());
    if (!server) throw new Error('Slack in HTTP mode should listen');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const page = await fetch(`${url}/agenda?provincia=pichincha`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Dirección Provincial de Pichincha');
    expect((await fetch(`${url}/agenda.ics`)).headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect((await fetch(`${url}/agenda.json`)).status).toBe(200);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it(
    'comes from the console too when PORT is set: PORT=… npm start serves the demo campaign',
    async () => {
      const dir: TempDir = await createTempDir();
      cleanups.push(() => dir.remove());
      const port = await freePort();
      const child = spawn(process.execPath, ['--import', TSX_LOADER, BOT_MAIN], {
        cwd: dir.path,
        env: { PATH: process.env.PATH ?? '', DATABASE_PATH: dir.databasePath, PORT: String(port) },
        stdio: ['pipe', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      cleanups.push(() => {
        if (child.exitCode === null) child.kill('SIGKILL');
      });
      let page: Response | undefined;
      const deadline = Date.now() + PROCESS_TEST_TIMEOUT_MS - 10_000;
      while (!page && Date.now() < deadline && child.exitCode === null) {
        page = await fetch(`http://127.0.0.1:${port}/agenda`).catch(() => undefined);
        if (!page) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(page?.status, stderr).toBe(200);
      const html = (await page?.text()) ?? '';
      expect(html).toContain('Agenda pública · Rendición de Cuentas (demostración)');
      expect(html).toContain('https://www.ejemplo.gob.ec/rendicion-de-cuentas/en-vivo/');
      const feed = await fetch(`http://127.0.0.1:${port}/agenda.ics`);
      expect((await feed.text()).match(/BEGIN:VEVENT/g)?.length).toBe(42);
      const data = (await (await fetch(`http://127.0.0.1:${port}/agenda.json`)).json()) as { sessions: unknown[] };
      expect(data.sessions).toHaveLength(42);
      // The console ends with its input; the agenda's server closes with it.
      child.stdin.end();
      expect(await exited).toBe(0);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});
