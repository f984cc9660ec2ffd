import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.js';
import { findTweet } from '../../db/queries/tweets.js';
import { waitFor } from '../../testing/fake-slack.js';
import { type FakeX, startFakeX } from '../../testing/fake-x.js';
import { BOT_MAIN, createTempDir, runProcess, type TempDir, TSX_LOADER } from '../helpers/run-process.js';

const TWEET = 'Comienza la rendición de cuentas de Azuay. #RendiciónDeCuentasDemo';

let dir: TempDir | undefined;
let x: FakeX | undefined;
afterEach(async () => {
  await x?.close();
  await dir?.remove();
  x = undefined;
  dir = undefined;
});

/** The bot in console mode with live X credentials pointed at the fake. */
function botEnv(where: TempDir, fakeX: FakeX): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATABASE_PATH: where.databasePath,
    X_API_KEY: 'key',
    X_API_SECRET: 'secret',
    X_ACCESS_TOKEN: 'token',
    X_ACCESS_SECRET: 'token-secret',
    X_API_URL: fakeX.url,
  };
}

/**
 * Runs the bot on `lines` with X holding its answer, and kills it (SIGKILL) the moment X has
 * received the tweet: the post is made on X but the bot never hears back.
 */
async function killOnceXHasTheTweet(where: TempDir, fakeX: FakeX, env: Record<string, string>, lines: string[]) {
  fakeX.holdAnswers();
  const first = spawn(process.execPath, ['--import', TSX_LOADER, BOT_MAIN], {
    cwd: where.path,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => first.on('close', resolve));
  first.stdin.write([...lines, ''].join('\n'));
  await waitFor(() => fakeX.posted.length === 1, 30_000);
  first.kill('SIGKILL');
  await exited;
}

describe('a crash while a tweet is being sent', () => {
  it('is killed after X accepted the tweet; the restarted bot finds it on the account and does not post it again', {
    timeout: 60_000,
  }, async () => {
    x = await startFakeX();
    dir = await createTempDir();
    const env = botEnv(dir, x);
    await killOnceXHasTheTweet(dir, x, env, [
      'rol comunica comunicacion',
      '/yo comunica',
      `tuit AZU-DP "${TWEET}"`,
      '1',
    ]);

    const db = openDatabase(dir.databasePath);
    expect(findTweet(db, 1)?.state).toBe('sending');
    db.close();

    const second = await runProcess({ cwd: dir.path, script: BOT_MAIN, env, stdin: 'resumen\n' });
    expect(second.code).toBe(0);
    expect(x.posted).toHaveLength(1);
    const after = openDatabase(dir.databasePath);
    expect(findTweet(after, 1)).toMatchObject({ state: 'sent', xTweetId: x.posted[0]?.id });
    after.close();
  });
  it("is killed after the Directorate approved an officer's tweet and X accepted it; the decision and the tweet each happen once", {
    timeout: 60_000,
  }, async () => {
    x = await startFakeX();
    dir = await createTempDir();
    const env = botEnv(dir, x);
    await killOnceXHasTheTweet(dir, x, env, [
      'rol dir-ana direccion',
      '/yo oficial-azu',
      `tuit AZU-DP "${TWEET}"`,
      '1',
      '/yo dir-ana',
      'solicitud aprobar 1',
    ]);

    const second = await runProcess({ cwd: dir.path, script: BOT_MAIN, env, stdin: 'solicitud aprobar 1\n' });
    expect(second.code).toBe(0);
    expect(x.posted).toHaveLength(1);
    const db = openDatabase(dir.databasePath);
    expect(findTweet(db, 1)).toMatchObject({ state: 'sent', publishedBy: 'dir-ana', xTweetId: x.posted[0]?.id });
    const decisions = db.sqlite
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'approval.approved'")
      .get() as { n: number };
    expect(decisions.n).toBe(1);
    expect(db.sqlite.prepare('SELECT state FROM approval_requests WHERE id = 1').get()).toEqual({ state: 'approved' });
    db.close();
  });
});
