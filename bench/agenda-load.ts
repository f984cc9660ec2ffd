import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { commandMix, round } from './latency.js';
import { startBotAndMinimal } from './processes.js';
import { createSlashClient, type Timing } from './slash-client.js';
import { type Summary, summarize } from './stats.js';

const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
/** A burst of citizens after a tweet: this many clients on /agenda at once, each asking again as soon as answered. */
export const AGENDA_CLIENTS = 200;
export const AGENDA_SECONDS = 20;
const SLASH_CONCURRENCY = 20;

export interface AgendaLoadResult {
  clients: number;
  seconds: number;
  agenda: { requests: number; perSecond: number; p50: number; p99: number; errors: number; non2xx: number };
  /** Slash commands acknowledged while the agenda was under load, bot and minimal app in turn. */
  bot: Summary;
  minimal: Summary;
}

interface AutocannonJson {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
}

/** autocannon in its own process, so its work does not slow this process's clock and client. */
function runAutocannon(url: string, seconds: number): Promise<AutocannonJson> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [AUTOCANNON, '--connections', String(AGENDA_CLIENTS), '--duration', String(seconds), '--json', url],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      try {
        if (code !== 0) throw new Error(`autocannon exited with ${code}`);
        resolve(JSON.parse(output) as AutocannonJson);
      } catch (error) {
        reject(error);
      }
    });
  });
}

/**
 * The public agenda under a burst of citizens while the team works in Slack: autocannon keeps
 * AGENDA_CLIENTS clients on the bot's /agenda for AGENDA_SECONDS while this process sends slash
 * commands in bursts of SLASH_CONCURRENCY to the bot and to the minimal Bolt app in turn. The page is
 * served by the bot's own HTTP server (Bolt's receiver in HTTP mode), so what it costs shows in the
 * Slack acknowledgement ratio.
 */
export async function measureAgendaUnderLoad(options: {
  quick: boolean;
  progress: (line: string) => void;
}): Promise<AgendaLoadResult> {
  const seconds = options.quick ? 5 : AGENDA_SECONDS;
  const { slack, bot, minimal } = await startBotAndMinimal();
  const send = createSlashClient(slack);
  const mix = commandMix(bot.registeredUnit);
  let turn = 0;
  const nextBotCommand = () => mix[turn++ % mix.length] ?? 'ayuda';
  const nextMinimalCommand = () => 'ayuda';
  const plan = { concurrency: SLASH_CONCURRENCY, perRound: SLASH_CONCURRENCY, rounds: 1 };
  try {
    const agendaUrl = bot.eventsUrl.replace(/\/slack\/events$/, '/agenda');
    const page = await fetch(agendaUrl);
    if (page.status !== 200) throw new Error(`GET ${agendaUrl} answered ${page.status}`);
    await page.arrayBuffer();
    for (let i = 0; i < (options.quick ? 10 : 50); i += 1) {
      await round(send, bot, plan, nextBotCommand, []);
      await round(send, minimal, plan, nextMinimalCommand, []);
    }
    options.progress(`agenda: ${AGENDA_CLIENTS} clients on /agenda for ${seconds} s, slash commands meanwhile`);
    let loading = true;
    const load = runAutocannon(agendaUrl, seconds).finally(() => {
      loading = false;
    });
    const botTimings: Timing[] = [];
    const minimalTimings: Timing[] = [];
    for (let r = 0; loading; r += 1) {
      const botFirst = r % 4 === 0 || r % 4 === 3;
      for (const which of botFirst ? ['bot', 'minimal'] : ['minimal', 'bot']) {
        if (which === 'bot') await round(send, bot, plan, nextBotCommand, botTimings);
        else await round(send, minimal, plan, nextMinimalCommand, minimalTimings);
      }
    }
    const result = await load;
    return {
      clients: AGENDA_CLIENTS,
      seconds,
      agenda: {
        requests: result.requests.total,
        perSecond: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors,
        non2xx: result.non2xx,
      },
      bot: summarize(botTimings.map((timing) => timing.ackMs)),
      minimal: summarize(minimalTimings.map((timing) => timing.ackMs)),
    };
  } finally {
    await bot.close();
    await minimal.close();
    await slack.close();
  }
}
