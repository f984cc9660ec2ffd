import { cpuTimeMs, startBotAndMinimal } from './processes.js';
import { createSlashClient, type SlashClient, type Timing } from './slash-client.js';
import { type Summary, summarize } from './stats.js';

/** What the bot is asked, in turn (UNIT: a demo unit with its session registered): a third are writes. */
export const BOT_COMMAND_MIX = [
  'estado UNIT',
  'marcar UNIT sala',
  'ayuda',
  'estado todo',
  'marcar UNIT sala no',
  'estado UNIT',
] as const;

export function commandMix(unit: string): string[] {
  return BOT_COMMAND_MIX.map((command) => command.replace('UNIT', unit));
}

export interface LatencyRow {
  concurrency: number;
  /** Requests measured per app at this level. */
  requests: number;
  bot: { ack: Summary; reply: Summary; cpuMsPerRequest: number };
  minimal: { ack: Summary; reply: Summary; cpuMsPerRequest: number };
}

interface Plan {
  concurrency: number;
  /** Requests per round: sequential at concurrency 1, one simultaneous burst otherwise. */
  perRound: number;
  /** Rounds per app; bot and minimal rounds alternate (ABBA) so machine noise hits both. */
  rounds: number;
}

function plans(quick: boolean): Plan[] {
  return quick
    ? [
        { concurrency: 1, perRound: 25, rounds: 4 },
        { concurrency: 20, perRound: 20, rounds: 5 },
        { concurrency: 100, perRound: 100, rounds: 2 },
      ]
    : [
        // A p99 is the slowest 1 %: in bursts, the slowest replies of the few worst bursts. Enough
        // bursts that one garbage collection landing in one of them does not decide it.
        { concurrency: 1, perRound: 25, rounds: 40 },
        { concurrency: 20, perRound: 20, rounds: 100 },
        { concurrency: 100, perRound: 100, rounds: 40 },
      ];
}

export async function round(
  send: SlashClient,
  app: { eventsUrl: string },
  plan: Plan,
  next: () => string,
  into: Timing[],
): Promise<void> {
  if (plan.concurrency === 1) {
    for (let i = 0; i < plan.perRound; i += 1) into.push(await send(app.eventsUrl, next()));
    return;
  }
  const burst = Array.from({ length: plan.perRound }, () => send(app.eventsUrl, next()));
  into.push(...(await Promise.all(burst)));
}

/**
 * Slash-command latency through Bolt's HTTP receiver on 127.0.0.1: the bot (`bot/main.ts`, its own
 * process) beside a minimal Bolt app (its own process), answering signed requests in alternating
 * rounds. This process sends the requests and is the fake Slack the replies go to, so both times
 * are read on one clock.
 */
export async function measureLatency(options: {
  quick: boolean;
  progress: (line: string) => void;
}): Promise<LatencyRow[]> {
  const { slack, bot, minimal } = await startBotAndMinimal();
  const send = createSlashClient(slack);
  const mix = commandMix(bot.registeredUnit);
  let turn = 0;
  const nextBotCommand = () => mix[turn++ % mix.length] ?? 'ayuda';
  const nextMinimalCommand = () => 'ayuda';
  try {
    // Warm-up (not measured): JIT, connection pools, the user lookup cache, SQLite's page cache. A
    // running bot has answered thousands of commands; its CPU per command keeps falling for about
    // 2,000 after start, as V8 optimises. Both apps get the same 2,000 (500 with --quick).
    const warmUp: Plan = { concurrency: 20, perRound: 20, rounds: 1 };
    for (let i = 0; i < (options.quick ? 25 : 100); i += 1) {
      await round(send, bot, warmUp, nextBotCommand, []);
      await round(send, minimal, warmUp, nextMinimalCommand, []);
    }
    const rows: LatencyRow[] = [];
    for (const plan of plans(options.quick)) {
      options.progress(`latency: ${plan.rounds} rounds × ${plan.perRound} at concurrency ${plan.concurrency}`);
      const botTimings: Timing[] = [];
      const minimalTimings: Timing[] = [];
      const cpuBefore = { bot: cpuTimeMs(bot.pid), minimal: cpuTimeMs(minimal.pid) };
      for (let r = 0; r < plan.rounds; r += 1) {
        const botFirst = r % 4 === 0 || r % 4 === 3;
        for (const which of botFirst ? ['bot', 'minimal'] : ['minimal', 'bot']) {
          if (which === 'bot') await round(send, bot, plan, nextBotCommand, botTimings);
          else await round(send, minimal, plan, nextMinimalCommand, minimalTimings);
        }
      }
      rows.push({
        concurrency: plan.concurrency,
        requests: botTimings.length,
        bot: {
          ack: summarize(botTimings.map((t) => t.ackMs)),
          reply: summarize(botTimings.map((t) => t.replyMs)),
          cpuMsPerRequest: (cpuTimeMs(bot.pid) - cpuBefore.bot) / botTimings.length,
        },
        minimal: {
          ack: summarize(minimalTimings.map((t) => t.ackMs)),
          reply: summarize(minimalTimings.map((t) => t.replyMs)),
          cpuMsPerRequest: (cpuTimeMs(minimal.pid) - cpuBefore.minimal) / minimalTimings.length,
        },
      });
    }
    return rows;
  } finally {
    await bot.close();
    await minimal.close();
    await slack.close();
  }
}
