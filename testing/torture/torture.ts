import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { type FakeSlack, type StoredSlackMessage, slackSignature, startFakeSlack } from '../fake-slack.js';
import { type FakeX, startFakeX } from '../fake-x.js';
import { freePort } from '../free-port.js';

const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const BOT_MAIN = fileURLToPath(new URL('../bot/main.ts', import.meta.url));
const SECRET = 'torture-signing-secret-0123456789';
const APPROVALS = 'C0APROBAR';
const ADMIN = 'U0ADMIN';
const DIRECTOR = 'U0DIRECTORA';
const COMMUNICATION = 'U0COMUNICA';
/** The demo roster's officer of the Azuay units (DMs to them land in the fake's `Doficial-azu`). */
const OFFICER = 'oficial-azu';
const READY_TIMEOUT_MS = 60_000;
/** After the last kill: claims time out (30 s), back-offs, then everything must have gone out. */
const SETTLE_TIMEOUT_MS = 180_000;
/** A kill lands at a random moment of this span after the work starts flowing. */
const KILL_WINDOW_MS = 4_000;

export interface TortureResult {
  cycles: number;
  commands: number;
  confirmed: number;
  tweetsOnX: number;
  messagesOnSlack: number;
  broken: string[];
}

/** A command or click sent to the bot, and whether its reply reached the user (the response URL). */
interface Sent {
  kind: 'request' | 'draft' | 'publish' | 'approve';
  /** The unique text of a request or tweet; the tweet or request id of a click. */
  key: string;
  /** Who sent it (a preview's Publicar is pressed by its author). */
  user?: string;
  reply?: Record<string, unknown>;
  /** A preview whose Publicar was pressed already. */
  pressed?: boolean;
}

/** A small deterministic generator, so a failing run can be repeated with its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const TWEET_OPENINGS = [
  'Comienza la rendición de cuentas',
  'Gracias a quienes nos acompañan hoy',
  'Nuestra directora presenta los resultados del año',
  'Las preguntas de la ciudadanía se reciben por correo',
  'Ya está disponible la presentación completa',
  'Seguimos en vivo con la sesión',
  'Conozca los servicios que mejoramos',
  'La transparencia es un compromiso diario',
];

function tweetText(n: number, withLink: boolean): string {
  const opening = TWEET_OPENINGS[n % TWEET_OPENINGS.length];
  // An `&` and a link: X shows them as `&amp;` and a t.co address, which the bot must see through.
  return withLink
    ? `${opening} número ${n} & más: https://www.ejemplo.gob.ec/rendicion/${n}?parte=${n}&vista=1`
    : `${opening}, edición ${n}`;
}

function botEnv(dir: string, port: number, slack: FakeSlack, x: FakeX): Record<string, string> {
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

function startBot(dir: string, env: Record<string, string>): ChildProcess {
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

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function health(port: number): Promise<{ status: number; outbox?: { chatMessages: number; tweets: number } }> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    return { status: response.status, ...((await response.json()) as object) };
  } catch {
    return { status: 0 };
  }
}

async function until(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Sends signed slash commands and button clicks as Slack does, and remembers which got a reply. */
function createClient(slack: FakeSlack, port: number) {
  const sent: Sent[] = [];
  const byId = new Map<string, Sent>();
  slack.onResponse((id, body) => {
    const entry = byId.get(id);
    if (entry && !entry.reply) entry.reply = body;
  });
  let sequence = 0;
  const post = async (body: string) => {
    const timestamp = Math.floor(Date.now() / 1000);
    await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': slackSignature(SECRET, timestamp, body),
      },
      body,
    }).catch(() => undefined);
  };
  const track = (entry: Sent) => {
    sequence += 1;
    const id = `t${sequence}`;
    sent.push(entry);
    byId.set(id, entry);
    return id;
  };
  return {
    sent,
    command(user: string, text: string, entry?: Omit<Sent, 'reply'>) {
      const id = entry ? track({ ...entry, user }) : `setup${++sequence}`;
      return post(
        new URLSearchParams({
          team_id: 'T1',
          channel_id: 'C0GENERAL',
          user_id: user,
          user_name: user,
          command: '/rendicion',
          text,
          api_app_id: 'A1',
          response_url: slack.responseUrl(id),
          trigger_id: `trigger-${id}`,
        }).toString(),
      );
    },
    press(user: string, actionId: string, value: string, entry: Omit<Sent, 'reply'>) {
      const id = track({ ...entry, user });
      const payload = {
        type: 'block_actions',
        team: { id: 'T1', domain: 'iess' },
        user: { id: user, username: user, team_id: 'T1' },
        api_app_id: 'A1',
        trigger_id: `trigger-${id}`,
        container: { type: 'message', channel_id: APPROVALS },
        channel: { id: APPROVALS, name: 'aprobaciones' },
        response_url: slack.responseUrl(id),
        // Slack's action_ts is unique per click (the bot treats a repeated one as the same click redelivered).
        actions: [
          {
            type: 'button',
            block_id: 'b1',
            action_id: actionId,
            value,
            action_ts: `${Math.floor(Date.now() / 1000)}.${String(sequence).padStart(6, '0')}`,
          },
        ],
      };
      return post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    },
  };
}

/** The buttons of a Slack message (action id and value), as the bot rendered them. */
function buttonsOf(blocks: unknown): { action_id: string; value: string }[] {
  const list = Array.isArray(blocks) ? (blocks as { type: string; elements?: unknown[] }[]) : [];
  return list
    .filter((block) => block.type === 'actions')
    .flatMap((block) => (block.elements ?? []) as { action_id: string; value: string }[]);
}

const isError = (reply: Record<string, unknown> | undefined) =>
  reply !== undefined && /No se pudo completar|Ocurrió un error|no se pudo/i.test(JSON.stringify(reply));

function allSlackMessages(slack: FakeSlack): (StoredSlackMessage & { channel: string })[] {
  return [...slack.channels.entries()].flatMap(([channel, messages]) =>
    messages.map((message) => ({ ...message, channel })),
  );
}

/**
 * Checks the run's promises against the database and the fakes: every acknowledged command took
 * effect exactly once (any command at most once), every card and message is on Slack once, every
 * tweet is on X once and recorded with its id, and nobody was told that something which happened
 * failed.
 */
function checkInvariants(databasePath: string, slack: FakeSlack, x: FakeX, sent: Sent[]): string[] {
  const broken: string[] = [];
  const db = new BetterSqlite3(databasePath, { readonly: true });
  try {
    const count = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;
    for (const entry of sent) {
      const acknowledged = entry.reply !== undefined && !isError(entry.reply);
      let effects: number;
      if (entry.kind === 'request')
        effects = count('SELECT count(*) AS n FROM approval_requests WHERE description = ?', entry.key);
      else if (entry.kind === 'draft')
        // The stored text is the proposed one, plus the campaign's hashtag when it lacked it.
        effects = count(
          "SELECT count(*) AS n FROM tweets WHERE text = @key OR substr(text, 1, length(@key) + 1) = @key || ' '",
          { key: entry.key },
        );
      else if (entry.kind === 'publish')
        effects = count(
          "SELECT count(*) AS n FROM audit_log WHERE entity = 'tweet' AND entity_id = ? AND actor = ? AND action IN ('tweet.queued', 'tweet.awaiting_approval')",
          entry.key,
          entry.user,
        );
      else
        effects = count(
          "SELECT count(*) AS n FROM audit_log WHERE action = 'approval.approved' AND entity_id = ?",
          entry.key,
        );
      if (effects > 1) broken.push(`${entry.kind} ${entry.key}: took effect ${effects} times`);
      if (acknowledged && effects === 0 && entry.kind !== 'approve')
        broken.push(
          `${entry.kind} ${entry.key}: acknowledged to the user, but not in the database (reply: ${JSON.stringify(entry.reply).slice(0, 300)})`,
        );
    }
    // An approval pressed and acknowledged must be decided (by that press or an earlier one).
    for (const entry of sent.filter((item) => item.kind === 'approve' && item.reply && !isError(item.reply))) {
      const state = db.prepare('SELECT state FROM approval_requests WHERE id = ?').get(Number(entry.key)) as
        | { state: string }
        | undefined;
      if (state?.state !== 'approved')
        broken.push(`approve ${entry.key}: acknowledged, but the request is ${state?.state}`);
    }

    const pending = count('SELECT count(*) AS n FROM chat_outbox WHERE delivered_at IS NULL');
    if (pending) broken.push(`${pending} chat messages never delivered`);
    const messages = allSlackMessages(slack);
    const byOutboxId = new Map<number, number>();
    for (const message of messages) {
      const id = Number(message.metadata?.event_payload.outbox_id);
      if (!Number.isNaN(id)) byOutboxId.set(id, (byOutboxId.get(id) ?? 0) + 1);
      else broken.push(`a message on Slack without its outbox id: ${message.text.slice(0, 60)}`);
    }
    for (const [id, times] of byOutboxId) if (times > 1) broken.push(`outbox message ${id} is on Slack ${times} times`);
    const rows = db
      .prepare("SELECT id, card_key AS cardKey FROM chat_outbox WHERE platform = 'slack' AND action = 'post'")
      .all() as { id: number; cardKey: string | null }[];
    for (const row of rows.filter((item) => item.cardKey === null)) {
      if ((byOutboxId.get(row.id) ?? 0) !== 1)
        broken.push(`outbox message ${row.id} is on Slack ${byOutboxId.get(row.id) ?? 0} times`);
    }
    const cards = db
      .prepare(
        "SELECT card_key AS cardKey, group_concat(id) AS ids FROM chat_outbox WHERE platform = 'slack' AND card_key IS NOT NULL GROUP BY card_key",
      )
      .all() as { cardKey: string; ids: string }[];
    for (const card of cards) {
      const shown = card.ids.split(',').reduce((sum, id) => sum + (byOutboxId.get(Number(id)) ?? 0), 0);
      if (shown !== 1) broken.push(`card ${card.cardKey} is on Slack ${shown} times`);
    }
    const ephemeral = slack.callsTo('chat.postEphemeral').length;
    if (ephemeral) broken.push(`${ephemeral} messages fell back to ephemerals`);

    const tweets = db.prepare('SELECT id, text, state, x_tweet_id AS xTweetId FROM tweets').all() as {
      id: number;
      text: string;
      state: string;
      xTweetId: string | null;
    }[];
    for (const tweet of tweets) {
      const onX = x.posted.filter((posted) => posted.text === tweet.text);
      if (tweet.state === 'sent' && (onX.length !== 1 || onX[0]?.id !== tweet.xTweetId))
        broken.push(`tweet ${tweet.id} is recorded as ${tweet.xTweetId} but X has it ${onX.length} times`);
      if (tweet.state !== 'sent' && onX.length) broken.push(`tweet ${tweet.id} is on X but recorded as ${tweet.state}`);
      if (['queued', 'sending', 'failed'].includes(tweet.state)) broken.push(`tweet ${tweet.id} ended ${tweet.state}`);
      if (tweet.state === 'sent') {
        // The author's DM (the approvals card may show the link too).
        const told = messages.filter(
          (message) => message.channel.startsWith('D') && JSON.stringify(message).includes(`status/${tweet.xTweetId}`),
        ).length;
        if (told !== 1) broken.push(`the author of tweet ${tweet.id} was told it was published ${told} times`);
      }
    }
    for (const posted of x.posted) {
      if (!tweets.some((tweet) => tweet.xTweetId === posted.id))
        broken.push(`X has tweet ${posted.id} that no row records`);
    }
    const failureNotices = [
      ...messages.map((message) => message.text),
      ...slack.responses.map((body) => JSON.stringify(body)),
    ].filter((text) => text.includes('No se pudo publicar el tuit'));
    if (failureNotices.length) broken.push(`${failureNotices.length} failure notices for tweets: ${failureNotices[0]}`);
  } finally {
    db.close();
  }
  return broken;
}

/**
 * The crash torture run: the real bot (Slack over HTTP, X live, both fakes on 127.0.0.1 answering
 * after a random delay) while officers ask for approvals and propose tweets, Communication
 * publishes tweets with and without links and the Directorate clicks Aprobar; each cycle SIGKILLs
 * the bot at a random moment and starts it again on the same database. Then one last start drains
 * everything, and the invariants are checked.
 */
export async function runTorture(options: {
  cycles: number;
  seed?: number;
  log?: (line: string) => void;
}): Promise<TortureResult> {
  const log = options.log ?? (() => undefined);
  const next = random(options.seed ?? Date.now());
  const dir = mkdtempSync(join(tmpdir(), 'rendicion-torture-'));
  const slack = await startFakeSlack({ answerDelayMs: () => Math.floor(next() * 150) });
  const x = await startFakeX({ answerDelayMs: () => Math.floor(next() * 300) });
  const port = await freePort();
  const env = botEnv(dir, port, slack, x);
  const client = createClient(slack, port);
  let bot: ChildProcess | undefined;
  let cyclesRun = 0;
  const start = async () => {
    bot = startBot(dir, env);
    const child = bot;
    await until(
      async () => {
        if (child.exitCode !== null)
          throw new Error(`the bot exited at start-up: ${readFileSync(join(dir, 'bot.log'), 'utf8')}`);
        return (await health(port)).status === 200;
      },
      READY_TIMEOUT_MS,
      'the bot answering /healthz',
    );
  };
  try {
    await start();
    await client.command(ADMIN, `rol ${DIRECTOR} direccion`);
    await client.command(ADMIN, `rol ${COMMUNICATION} comunicacion`);
    let n = 0;
    for (let cycle = 1; cycle <= options.cycles; cycle += 1) {
      const work: Promise<unknown>[] = [];
      let killed = false;
      // Work keeps flowing until the kill (and a little after: those requests meet a dead bot).
      const flow = async () => {
        while (!killed) {
          n += 1;
          const mine = n;
          const request = `Video institucional ${mine}`;
          work.push(client.command(OFFICER, `solicitar video AZU-DP "${request}"`, { kind: 'request', key: request }));
          const own = tweetText(mine, next() < 0.5);
          work.push(client.command(COMMUNICATION, `tuit AZU-DP "${own}"`, { kind: 'draft', key: own }));
          const officers = tweetText(mine + 10_000, next() < 0.5);
          work.push(client.command(OFFICER, `tuit AZU-DP "${officers}"`, { kind: 'draft', key: officers }));
          await new Promise((resolve) => setTimeout(resolve, 100 + next() * 300));
          // Publicar on the previews that came back, Aprobar on the cards with buttons.
          for (const entry of client.sent.filter((item) => item.kind === 'draft' && item.reply && !item.pressed)) {
            entry.pressed = true;
            const publish = buttonsOf(entry.reply?.blocks).find((button) =>
              button.action_id.startsWith('tuit.publicar'),
            );
            if (publish && entry.user)
              work.push(
                client.press(entry.user, publish.action_id, publish.value, { kind: 'publish', key: publish.value }),
              );
          }
          for (const card of slack.channels.get(APPROVALS) ?? []) {
            const approve = buttonsOf(card.blocks).find((button) => button.action_id.startsWith('solicitud.aprobar'));
            if (approve && next() < 0.5)
              work.push(
                client.press(DIRECTOR, approve.action_id, approve.value, { kind: 'approve', key: approve.value }),
              );
          }
        }
      };
      const flowing = flow();
      await new Promise((resolve) => setTimeout(resolve, next() * KILL_WINDOW_MS));
      bot?.kill('SIGKILL');
      if (bot) await exited(bot);
      killed = true;
      await flowing;
      await Promise.all(work);
      cyclesRun = cycle;
      log(`cycle ${cycle}: killed; ${client.sent.length} commands and clicks so far`);
      await start();
    }
    // The last run is not killed: the Directorate approves what is still pending, then everything drains.
    for (const card of slack.channels.get(APPROVALS) ?? []) {
      const approve = buttonsOf(card.blocks).find((button) => button.action_id.startsWith('solicitud.aprobar'));
      if (approve)
        await client.press(DIRECTOR, approve.action_id, approve.value, { kind: 'approve', key: approve.value });
    }
    log('last start: not killed; waiting for everything to go out');
    await until(
      async () => {
        const report = await health(port);
        return report.outbox?.chatMessages === 0 && report.outbox.tweets === 0;
      },
      SETTLE_TIMEOUT_MS,
      'the outbox draining after the last restart',
    );
    bot?.kill('SIGTERM');
    if (bot) await exited(bot);
    const broken = checkInvariants(env.DATABASE_PATH ?? '', slack, x, client.sent);
    return {
      cycles: cyclesRun,
      commands: client.sent.length,
      confirmed: client.sent.filter((entry) => entry.reply).length,
      tweetsOnX: x.posted.length,
      messagesOnSlack: allSlackMessages(slack).length,
      broken,
    };
  } finally {
    if (bot && bot.exitCode === null && bot.signalCode === null) {
      bot.kill('SIGKILL');
      await exited(bot);
    }
    await slack.close();
    await x.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
