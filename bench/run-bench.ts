import { parseArgs } from 'node:util';
import { type AgendaLoadResult, measureAgendaUnderLoad } from './agenda-load.js';
import { type DiscordLatencyRow, measureDiscordLatency } from './discord-latency.js';
import { commandMix, type LatencyRow, measureLatency } from './latency.js';
import { describeMachine, loadAverage } from './machine.js';
import { measureStartupAndMemory, type StartupMemoryResult } from './startup-memory.js';
import { ms, type Summary } from './stats.js';
import { measureSummaryScale, type ScaleRow, SUMMARY_COMMANDS } from './summary-scale.js';
import { renderTable, type Table } from './table.js';

/** Slack's limit for acknowledging a slash command; Discord gives an interaction the same. */
const SLACK_ACK_LIMIT_MS = 3_000;
const DISCORD_ANSWER_LIMIT_MS = 3_000;
const MAX_RATIO = 1.5;
const SUMMARY_SIZES = [126, 10_000, 100_000] as const;
const SUMMARY_TARGETS_MS: Record<number, number> = { 126: 10, 100000: 1_000 };
const MEMORY_TARGET_MB = 150;
const MEMORY_COMMANDS = 10_000;
const MEMORY_CONCURRENCY = 20;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    markdown: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const PARTS = ['slack', 'agenda', 'discord', 'memory', 'scale'] as const;
type Part = (typeof PARTS)[number];
/** `--only memory,scale`: the parts to run, every one without it. */
const parts = new Set<Part>(
  values.only === undefined
    ? PARTS
    : values.only.split(',').map((part) => {
        if (!(PARTS as readonly string[]).includes(part)) {
          throw new Error(`--only takes ${PARTS.join(', ')} (comma-separated), not "${part}"`);
        }
        return part as Part;
      }),
);
const quick = values.quick === true;
const markdown = values.markdown === true;
const started = performance.now();
const progress = (line: string) =>
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS');
const triple = (summary: Summary) => `${ms(summary.p50)} / ${ms(summary.p95)} / ${ms(summary.p99)}`;
const thousands = (value: number) => value.toLocaleString('en-US');

function latencyTable(rows: LatencyRow[], kind: 'ack' | 'reply'): Table {
  const title =
    kind === 'ack'
      ? 'Slash command: time to acknowledge (ms, p50 / p95 / p99)'
      : 'Slash command: time until the reply reaches Slack (ms, p50 / p95 / p99)';
  return {
    title,
    header: ['Concurrent', 'Requests', 'Bot', 'Minimal app', 'p99 ratio', 'Target', 'Result'],
    numeric: [0, 1, 4],
    rows: rows.map((row) => {
      const bot = row.bot[kind];
      const minimal = row.minimal[kind];
      const ratio = bot.p99 / minimal.p99;
      return [
        String(row.concurrency),
        String(row.requests),
        triple(bot),
        triple(minimal),
        `${ratio.toFixed(2)}×`,
        `≤ ${MAX_RATIO}× and < ${thousands(SLACK_ACK_LIMIT_MS)}`,
        verdict(ratio <= MAX_RATIO && bot.p99 < SLACK_ACK_LIMIT_MS),
      ];
    }),
    notes:
      kind === 'reply'
        ? [
            `CPU time per request (process CPU over the level / requests): ${rows
              .map(
                (row) =>
                  `${row.concurrency} concurrent: bot ${row.bot.cpuMsPerRequest.toFixed(2)} ms, minimal ${row.minimal.cpuMsPerRequest.toFixed(2)} ms`,
              )
              .join('; ')}`,
          ]
        : undefined,
  };
}

function agendaTable(result: AgendaLoadResult): Table {
  const ratio = result.bot.p99 / result.minimal.p99;
  return {
    title: `Public agenda under load: ${result.clients} clients on /agenda for ${result.seconds} s while slash commands run`,
    header: ['Measure', 'Value', 'Target', 'Result'],
    numeric: [1],
    rows: [
      [
        'GET /agenda: requests answered',
        `${thousands(result.agenda.requests)} (${thousands(Math.round(result.agenda.perSecond))}/s)`,
        '–',
        '–',
      ],
      ['GET /agenda: latency p50 / p99 (ms)', `${ms(result.agenda.p50)} / ${ms(result.agenda.p99)}`, '–', '–'],
      [
        'GET /agenda: errors / non-2xx',
        `${result.agenda.errors} / ${result.agenda.non2xx}`,
        '0 / 0',
        verdict(result.agenda.errors + result.agenda.non2xx === 0),
      ],
      [`Slash ack meanwhile, ${result.bot.n} per app (ms, p50 / p95 / p99): bot`, triple(result.bot), '–', '–'],
      ['Slash ack meanwhile: minimal Bolt app', triple(result.minimal), '–', '–'],
      [
        'Slash ack p99 ratio, bot / minimal app',
        `${ratio.toFixed(2)}×`,
        `≤ ${MAX_RATIO}× and < ${thousands(SLACK_ACK_LIMIT_MS)}`,
        verdict(ratio <= MAX_RATIO && result.bot.p99 < SLACK_ACK_LIMIT_MS),
      ],
    ],
    notes: [
      "autocannon in its own process; the page comes from the bot's HTTP server on Slack's port, answered before Bolt's router, built once and served from memory with its ETag",
      'slash commands: bursts of 20, bot and minimal app in turn (ABBA), the same command mix as above, for as long as the load lasts',
    ],
  };
}

function discordTable(rows: DiscordLatencyRow[]): Table {
  return {
    title: 'Discord interaction: time to answer (ms, p50 / p95 / p99)',
    header: ['Concurrent', 'Requests', 'Bot', 'Target', 'Result'],
    numeric: [0, 1],
    rows: rows.map((row) => [
      String(row.concurrency),
      String(row.requests),
      triple(row.answer),
      `< ${thousands(DISCORD_ANSWER_LIMIT_MS)}`,
      verdict(row.answer.p99 < DISCORD_ANSWER_LIMIT_MS),
    ]),
    notes: [
      'the real discord.js client logged in to the fake Discord (REST and gateway on 127.0.0.1), in this process: from the gateway sending INTERACTION_CREATE to the interaction callback arriving at the fake',
      'the same command mix as Slack, through /rendicion subcommands with typed options; the fake and the bot share this process',
    ],
  };
}

function summaryTable(rows: ScaleRow[]): Table {
  const worstP95 = (row: ScaleRow) => Math.max(...SUMMARY_COMMANDS.map((command) => row.timings[command].p95));
  return {
    title: `Campaign summary, its chart and \`estado\` (ms to build the reply, median / p95)`,
    header: ['Events', ...SUMMARY_COMMANDS, 'Growth (p95, × previous size)', 'Target (p95)', 'Result'],
    numeric: [0],
    rows: rows.map((row, i) => {
      const previous = rows[i - 1];
      const growth = previous
        ? `events ×${(row.events / previous.events).toFixed(0)}: ${SUMMARY_COMMANDS.map(
            (command) => `${command} ×${(row.timings[command].p95 / previous.timings[command].p95).toFixed(0)}`,
          ).join(', ')}`
        : '–';
      const target = SUMMARY_TARGETS_MS[row.events];
      return [
        thousands(row.events),
        ...SUMMARY_COMMANDS.map((command) => `${ms(row.timings[command].median)} / ${ms(row.timings[command].p95)}`),
        growth,
        target === undefined ? '–' : `< ${thousands(target)} ms`,
        target === undefined ? '–' : verdict(worstP95(row) < target),
      ];
    }),
    notes: [
      `runs per command: ${rows.map((row) => `${thousands(row.events)}: ${row.timings.resumen.runs}`).join(', ')} (after one warm-up run)`,
      `reply size (JSON of the blocks, characters): ${rows
        .map(
          (row) =>
            `${thousands(row.events)}: ${SUMMARY_COMMANDS.map((command) => `${command} ${thousands(row.timings[command].chars)}`).join(', ')}`,
        )
        .join('; ')}`,
      `resumen grafico: the time includes building the chart as SVG (${rows.map((row) => `${thousands(row.events)}: ${thousands(row.png.svgChars)} characters`).join(', ')}), not rendering it to PNG, which the Slack and Discord adapters do when sending it`,
      `rendering that SVG to PNG (resvg, median of ${rows[0]?.png.runs ?? 0}): ${rows.map((row) => `${thousands(row.events)}: ${ms(row.png.median)} ms (${thousands(row.png.bytes)} bytes)`).join(', ')}`,
    ],
  };
}

function startupTable(result: StartupMemoryResult): Table {
  return {
    title: 'Start-up and memory (npm start: the compiled bot, Slack HTTP mode)',
    header: ['Measure', 'Value', 'Target', 'Result'],
    numeric: [1],
    rows: [
      ['Start to ready, new database (creates the demo campaign)', `${ms(result.firstStartMs)} ms`, '–', '–'],
      ['Start to ready, existing database', `${ms(result.restartMs)} ms`, '–', '–'],
      ['Resident memory at ready', `${result.rssAtReadyMb.toFixed(0)} MB`, '–', '–'],
      [
        `Resident memory after ${thousands(result.commands)} commands`,
        `${result.rssAfterCommandsMb.toFixed(0)} MB`,
        `< ${MEMORY_TARGET_MB} MB`,
        verdict(result.rssAfterCommandsMb < MEMORY_TARGET_MB),
      ],
      ['Peak resident memory (VmHWM)', `${result.peakRssMb.toFixed(0)} MB`, '–', '–'],
      ['Then, after a full garbage collection: live JS heap', `${result.heapAfterGcMb.toFixed(0)} MB`, '–', '–'],
      ['Then: JS heap V8 keeps (live objects and free space)', `${result.heapTotalAfterGcMb.toFixed(0)} MB`, '–', '–'],
      ['Then: memory held by JS objects outside the heap', `${result.externalAfterGcMb.toFixed(0)} MB`, '–', '–'],
      ['Then, after a full garbage collection: resident memory', `${result.rssAfterGcMb.toFixed(0)} MB`, '–', '–'],
    ],
    notes: [
      `${thousands(result.commands)} commands, ${MEMORY_CONCURRENCY} at a time, took ${result.commandSeconds.toFixed(1)} s (${(result.commands / result.commandSeconds).toFixed(0)} commands/s)`,
    ],
  };
}

async function main(): Promise<void> {
  const loadBefore = loadAverage();
  progress(`starting${quick ? ' (quick run)' : ''}; load average ${loadBefore}`);
  const latency = parts.has('slack') ? await measureLatency({ quick, progress }) : undefined;
  const agenda = parts.has('agenda') ? await measureAgendaUnderLoad({ quick, progress }) : undefined;
  if (parts.has('discord')) progress('discord interactions');
  const discord = parts.has('discord') ? await measureDiscordLatency(quick) : undefined;
  const startup = parts.has('memory')
    ? await measureStartupAndMemory({
        commands: quick ? 2_000 : MEMORY_COMMANDS,
        concurrency: MEMORY_CONCURRENCY,
        progress,
      })
    : undefined;
  const scale = parts.has('scale') ? measureSummaryScale({ sizes: SUMMARY_SIZES, quick, progress }) : undefined;
  const seconds = (performance.now() - started) / 1000;
  const machine = describeMachine();
  const tables: Table[] = [
    {
      title: 'Run',
      header: ['Item', 'Value'],
      rows: [
        ...machine.map(({ label, value }) => [label, value]),
        ['Load average (1 min) before / after', `${loadBefore} / ${loadAverage()}`],
        [
          'Duration',
          `${seconds.toFixed(0)} s${quick ? ' (--quick)' : ''}${values.only ? ` (--only ${values.only})` : ''}`,
        ],
        [
          'Bot command mix, in turn',
          `${commandMix('UNIT').join(', ')} (UNIT: a demo unit with its session registered)`,
        ],
        ['Minimal app', 'ack(), then respond({ text: "ok" }) through the response URL'],
      ],
    },
    ...(latency ? [latencyTable(latency, 'ack'), latencyTable(latency, 'reply')] : []),
    ...(agenda ? [agendaTable(agenda)] : []),
    ...(discord ? [discordTable(discord)] : []),
    ...(scale ? [summaryTable(scale)] : []),
    ...(startup ? [startupTable(startup)] : []),
  ];
  process.stdout.write(`${tables.map((table) => renderTable(table, markdown)).join('\n\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  // The children were stopped on the way out; do not wait for sockets or timers left behind.
  process.exit(1);
});
