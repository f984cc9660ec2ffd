import { randomUUID } from 'node:crypto';
import { renderPng } from '../bot/render/chart-png.js';
import { createSyntheticCampaign } from '../testing/synthetic-campaign.js';
import { BENCH_ADMIN } from './processes.js';
import { summarize } from './stats.js';

/** The province `estado <provincia>` is timed with: at 100,000 events it has about 4,200 units. */
export const SCALE_PROVINCE = 'Pichincha';

export const SUMMARY_COMMANDS = ['resumen', 'estado todo', 'resumen grafico', `estado ${SCALE_PROVINCE}`] as const;
export type SummaryCommand = (typeof SUMMARY_COMMANDS)[number];

export interface Timing {
  runs: number;
  median: number;
  p95: number;
  /** The reply's blocks as JSON, in characters (the chart's SVG is not a block). */
  chars: number;
}

export interface ScaleRow {
  events: number;
  /** Seconds to write the synthetic campaign (not part of any target). */
  buildSeconds: number;
  timings: Record<SummaryCommand, Timing>;
  /**
   * Rendering `resumen grafico`'s SVG to PNG with resvg, as the Slack and Discord adapters do when
   * they send it: not part of the command's reply, and the same picture size at every campaign size
   * (one row per province).
   */
  png: { runs: number; median: number; bytes: number; svgChars: number };
}

function runsFor(size: number, quick: boolean): number {
  if (size >= 50_000) return quick ? 3 : 7;
  if (size >= 5_000) return quick ? 5 : 15;
  return quick ? 20 : 60;
}

const PNG_RUNS = 5;

/**
 * The summary commands on synthetic campaigns of each size, through `engine.handleCommand` (the
 * entry point every adapter calls) as an admin on Slack: the time to build the reply (for
 * `resumen grafico`, with its chart as SVG), not to render or send it. One warm-up run per
 * command, then `runs` measured runs, the commands in turn. The chart's PNG is timed apart.
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
      const timingOf = (command: SummaryCommand): Timing => {
        const summary = summarize(samples.get(command) ?? []);
        return { runs, median: summary.p50, p95: summary.p95, chars: chars.get(command) ?? 0 };
      };
      const image = run('resumen grafico').image;
      if (!image) throw new Error('resumen grafico replied without a chart');
      let bytes = renderPng(image).length;
      const pngSamples: number[] = [];
      for (let i = 0; i < PNG_RUNS; i += 1) {
        const started = performance.now();
        bytes = renderPng(image).length;
        pngSamples.push(performance.now() - started);
      }
      rows.push({
        events: size,
        buildSeconds,
        timings: Object.fromEntries(SUMMARY_COMMANDS.map((command) => [command, timingOf(command)])) as Record<
          SummaryCommand,
          Timing
        >,
        png: { runs: PNG_RUNS, median: summarize(pngSamples).p50, bytes, svgChars: image.svg.length },
      });
    } finally {
      campaign.close();
    }
  }
  return rows;
}
