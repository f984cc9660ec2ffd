import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeSlack } from '../fake-slack.js';
import { startFakeX } from '../fake-x.js';
import { freePort } from '../free-port.js';
import { allSlackMessages, checkInvariants } from './invariants.js';
import {
  ADMIN,
  APPROVALS,
  botEnv,
  COMMUNICATION,
  DIRECTOR,
  exited,
  health,
  OFFICER,
  startBot,
  until,
} from './torture-bot.js';
import { buttonsOf, createClient } from './torture-client.js';

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
