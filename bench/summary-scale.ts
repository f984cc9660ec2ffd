import { randomUUID } from 'node:crypto';
import { BENCH_ADMIN } from './processes.js';
import { summarize } from './stats.js';
import { createSyntheticCampaign } from './synthetic-campaign.js';

export const SUMMARY_COMMANDS = ['resumen', 'estado todo'] as const;

export interface ScaleRow {
  events: number;
  /** Seconds to write the synthetic campaign (not part of any target). */
  buildSeconds: number;
  timings: Record<(typeof SUMMARY_COMMANDS)[number], { runs: number; median: number; p95: number; chars: number }>;
}

function runsFor(size: number, quick: boolean): number {
  if (size >= 50_000) return quick ? 3 : 7;
  if (size >= 5_000) return quick ? 5 : 15;
  return quick ? 20 : 60;
}

/**
 * `resumen` and `estado todo` on synthetic campaigns of each size, through `engine.handleCommand`
 * (the entry point every adapter calls) as an admin on Slack: the time to build the reply, not to
 * send it. One warm-up run per command, then `runs` measured runs, alternating the two commands.
 */
export function measureSummaryScale(options: {
  sizes: readonly number[];
  quick: boolean;
  progress: (line: string) => void;
}): ScaleRow[] {
  const rows: ScaleRow[] = [];
  for (const size of options.sizes) {
    const building = performance.now();
    const campaign = createSyntheticCampaign(size);
    const buildSeconds = (performance.now() - building) / 1000;
    try {
      const run = (text: string) =>
        campaign.bot.engine.handleCommand({
          requestId: randomUUID(),
          platform: 'slack',
          user: { id: BENCH_ADMIN },
          text,
          locale: 'es',
        });
      const runs = runsFor(size, options.quick);
      options.progress(`summary: ${size} events, ${runs} runs of each command`);
      const samples = new Map<string, number[]>(SUMMARY_COMMANDS.map((command) => [command, []]));
      const chars = new Map<string, number>();
      for (const command of SUMMARY_COMMANDS) {
        const reply = run(command);
        if (reply.tone === 'error') throw new Error(`${command} failed: ${JSON.stringify(reply.blocks)}`);
        chars.set(command, JSON.stringify(reply.blocks).length);
      }
      for (let i = 0; i < runs; i += 1) {
        for (const command of SUMMARY_COMMANDS) {
          const started = performance.now();
          run(command);
          samples.get(command)?.push(performance.now() - started);
        }
      }
      const timingOf = (command: (typeof SUMMARY_COMMANDS)[number]) => {
        const summary = summarize(samples.get(command) ?? []);
        return { runs, median: summary.p50, p95: summary.p95, chars: chars.get(command) ?? 0 };
      };
      rows.push({
        events: size,
        buildSeconds,
        timings: { resumen: timingOf('resumen'), 'estado todo': timingOf('estado todo') },
      });
    } finally {
      campaign.close();
    }
  }
  return rows;
}
