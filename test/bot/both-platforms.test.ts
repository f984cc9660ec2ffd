import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.js';
import { findApprovalRequestById } from '../../db/queries/approvals.js';
import { DISCORD_APP_ID, DISCORD_TEST_TOKEN, type FakeDiscord, startFakeDiscord } from '../../testing/fake-discord.js';
import {
  type FakeSlack,
  postSignedToSlackApp,
  type SlackCall,
  startFakeSlack,
  waitFor,
} from '../../testing/fake-slack.js';
import { BOT_MAIN, createTempDir, type TempDir, TSX_LOADER } from '../helpers/run-process.js';

const SECRET = 'both-platforms-signing-secret';
const DISCORD_ADMIN = '500000000000000001';
const DISCORD_APPROVALS = '310000000000000001';

let slack: FakeSlack | undefined;
let discord: FakeDiscord | undefined;
let dir: TempDir | undefined;
let bot: ChildProcess | undefined;
afterEach(async () => {
  bot?.kill('SIGKILL');
  await slack?.close();
  await discord?.close();
  await dir?.remove();
  bot = undefined;
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A date inside the demo campaign's window (the fifteen days after the database is created). */
function dateInDemoWindow(): string {
  const day = new Date(Date.now() + 10 * 86_400_000);
  return `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`;
}

async function healthz(port: number): Promise<{ status: number; body: Record<string, unknown> } | undefined> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  } catch {
    return undefined;
  }
}

/** Starts `bot/main.ts` with these variables on a free PORT and waits until /healthz says ready. */
async function startBot(where: TempDir, variables: Record<string, string>) {
  const port = await freePort();
  let stderr = '';
  const child = spawn(process.execPath, ['--import', TSX_LOADER, BOT_MAIN], {
    cwd: where.path,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATABASE_PATH: where.databasePath,
      PORT: String(port),
      ...variables,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  bot = child;
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  let health: Awaited<ReturnType<typeof healthz>>;
  const deadline = Date.now() + 30_000;
  while (health?.status !== 200) {
    if (Date.now() > deadline) throw new Error(`the bot did not become ready:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    health = await healthz(port);
  }
  return { port, health, exited, output: () => stderr };
}

describe('Slack and Discord in one process', () => {
  it('runs both adapters on one database: a request made in Discord is decided in Slack, and both cards change', {
    timeout: 60_000,
  }, async () => {
    slack = await startFakeSlack();
    discord = await startFakeDiscord();
    dir = await createTempDir();
    const { port, health, exited, output } = await startBot(dir, {
      BOT_ADMINS: `U0ADMIN,${DISCORD_ADMIN}`,
      SLACK_BOT_TOKEN: 'xoxb-both',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      SLACK_APPROVALS_CHANNEL: 'C0APROBAR',
      DISCORD_TOKEN: DISCORD_TEST_TOKEN,
      DISCORD_APPLICATION_ID: DISCORD_APP_ID,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_APPROVALS_CHANNEL: DISCORD_APPROVALS,
    });
    expect(health.body).toMatchObject({
      ready: true,
      database: 'ok',
      adapters: { slack: 'connected', discord: 'connected' },
    });

    const fakeDiscord = discord;
    const fakeSlack = slack;
    const command = async (text: string, userId: string) => {
      const body = new URLSearchParams({
        command: '/rendicion',
        text,
        user_id: userId,
        channel_id: 'C0GENERAL',
        team_id: 'T1',
        response_url: fakeSlack.responseUrl(`r-${Date.now()}`),
        trigger_id: `t-${Math.random()}`,
      }).toString();
      expect(await postSignedToSlackApp({ url: `http://127.0.0.1:${port}/slack/events`, secret: SECRET, body })).toBe(
        200,
      );
    };
    await command(`registrar AZU-DP ${dateInDemoWindow()} 10:00 zoom`, 'U0ADMIN');
    await fakeDiscord.interact(
      fakeDiscord.slashCommand({ id: DISCORD_ADMIN }, 'solicitar', {
        tipo: 'video',
        unidad: 'AZU-DP',
        descripcion: 'Video institucional de 3 minutos',
      }),
    );
    // The card goes to the approvals channel of both platforms at once (not at the next minute's pass).
    await waitFor(
      () => fakeSlack.callsTo('chat.postMessage').some((call) => call.params.channel === 'C0APROBAR'),
      5_000,
    );
    await waitFor(
      () => fakeDiscord.callsTo('POST', new RegExp(`^/channels/${DISCORD_APPROVALS}/messages$`)).length === 1,
      5_000,
    );

    const slackCard = fakeSlack
      .callsTo('chat.postMessage')
      .find((call) => call.params.channel === 'C0APROBAR') as SlackCall;
    const blocks = slackCard.params.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
    const approve = blocks.find((block) => block.type === 'actions')?.elements?.[0];
    const payload = {
      type: 'block_actions',
      team: { id: 'T1' },
      user: { id: 'U0ADMIN' },
      trigger_id: 't-approve',
      channel: { id: 'C0APROBAR' },
      container: { type: 'message', channel_id: 'C0APROBAR' },
      response_url: fakeSlack.responseUrl('approve'),
      actions: [{ type: 'button', block_id: 'b', action_ts: String(Date.now()), ...approve }],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    expect(await postSignedToSlackApp({ url: `http://127.0.0.1:${port}/slack/events`, secret: SECRET, body })).toBe(
      200,
    );

    // Decided once, in Slack; the Discord card is edited in place as well, right away.
    await waitFor(() => fakeSlack.callsTo('chat.update').length === 1, 5_000);
    await waitFor(
      () => fakeDiscord.callsTo('PATCH', new RegExp(`^/channels/${DISCORD_APPROVALS}/messages/\\d+$`)).length === 1,
      5_000,
    );
    const edit = fakeDiscord.callsTo('PATCH', /^\/channels\//)[0];
    expect(JSON.stringify(edit?.body)).toContain('Aprobada por U0ADMIN');
    expect(JSON.stringify(edit?.body.components)).toBe('[]');

    bot?.kill('SIGTERM');
    expect(await exited).toBe(0);
    const db = openDatabase(dir.databasePath);
    expect(findApprovalRequestById(db, 1)).toMatchObject({
      state: 'approved',
      decidedBy: 'U0ADMIN',
      requestedBy: DISCORD_ADMIN,
    });
    db.close();
    expect(output()).not.toContain(DISCORD_TEST_TOKEN);
    expect(output()).not.toContain('xoxb-both');
  });

  it('runs with Discord alone: /healthz on PORT reports the Discord adapter, and SIGTERM ends it cleanly', {
    timeout: 60_000,
  }, async () => {
    discord = await startFakeDiscord();
    dir = await createTempDir();
    const { health, exited } = await startBot(dir, {
      DISCORD_TOKEN: DISCORD_TEST_TOKEN,
      DISCORD_APPLICATION_ID: DISCORD_APP_ID,
      DISCORD_API_URL: discord.apiUrl,
    });
    expect(health.body).toMatchObject({ ready: true, adapters: { discord: 'connected' } });
    expect(health.body.adapters).not.toHaveProperty('slack');
    const fakeDiscord = discord;
    const answer = await fakeDiscord.interact(
      fakeDiscord.slashCommand({ id: DISCORD_ADMIN }, 'estado', { alcance: 'AZU-DP' }),
    );
    expect(JSON.stringify(answer.callback.body)).toContain('AZU-DP');
    bot?.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
