import { startFakeSlack } from '../testing/fake-slack.js';
import { commandMix } from './latency.js';
import { startBotProcess } from './processes.js';
import { createSlashClient } from './slash-client.js';

export interface StartupMemoryResult {
  /** First start on a new database: migrations and the demo campaign (126 units) are written. */
  firstStartMs: number;
  /** Start on the database the first run left. */
  restartMs: number;
  rssAtReadyMb: number;
  commands: number;
  commandSeconds: number;
  rssAfterCommandsMb: number;
  peakRssMb: number;
  /** After a full garbage collection forced in the bot: its live JS heap and its resident memory. */
  heapAfterGcMb: number;
  /** The heap V8 has reserved (live objects and free space it keeps), and memory outside it held by JS objects. */
  heapTotalAfterGcMb: number;
  externalAfterGcMb: number;
  rssAfterGcMb: number;
}

/**
 * Time from spawning `bot/main.ts` (Slack HTTP mode) to its first 200 on /healthz, and its resident
 * memory at that moment and after `commands` signed slash commands sent `concurrency` at a time.
 */
export async function measureStartupAndMemory(options: {
  commands: number;
  concurrency: number;
  progress: (line: string) => void;
}): Promise<StartupMemoryResult> {
  const slack = await startFakeSlack();
  try {
    options.progress('start-up: first start on a new database');
    const bot = await startBotProcess(slack.apiUrl);
    try {
      const restartMs = await bot.restart();
      const rssAtReadyMb = bot.memory().rss;
      options.progress(`memory: ${options.commands} commands, ${options.concurrency} at a time`);
      const send = createSlashClient(slack);
      const mix = commandMix(bot.registeredUnit);
      let next = 0;
      const started = performance.now();
      const worker = async () => {
        for (;;) {
          const i = next;
          next += 1;
          if (i >= options.commands) return;
          await send(bot.eventsUrl, mix[i % mix.length] ?? 'ayuda');
        }
      };
      await Promise.all(Array.from({ length: options.concurrency }, worker));
      const commandSeconds = (performance.now() - started) / 1000;
      const after = bot.memory();
      const collected = await bot.memoryAfterGc();
      return {
        heapAfterGcMb: collected.heapUsed,
        heapTotalAfterGcMb: collected.heapTotal,
        externalAfterGcMb: collected.external,
        rssAfterGcMb: collected.rss,
        firstStartMs: bot.readyMs,
        restartMs,
        rssAtReadyMb,
        commands: options.commands,
        commandSeconds,
        rssAfterCommandsMb: after.rss,
        peakRssMb: after.peak,
      };
    } finally {
      await bot.close();
    }
  } finally {
    await slack.close();
  }
}
