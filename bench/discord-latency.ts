import { DISCORD_ADMIN, startDiscordHarness } from '../testing/discord-harness.js';
import { type Summary, summarize } from './stats.js';

/** What the bot is asked through Discord, in turn: a third are writes, as in the Slack mix. */
const DISCORD_MIX: readonly { subcommand: string; options: Record<string, string | boolean> }[] = [
  { subcommand: 'estado', options: { alcance: 'PIC-DP' } },
  { subcommand: 'marcar', options: { unidad: 'PIC-DP', paso: 'sala' } },
  { subcommand: 'ayuda', options: {} },
  { subcommand: 'estado', options: { alcance: 'todo' } },
  { subcommand: 'marcar', options: { unidad: 'PIC-DP', paso: 'sala', desmarcar: true } },
  { subcommand: 'estado', options: { alcance: 'PIC-DP' } },
];

export interface DiscordLatencyRow {
  concurrency: number;
  requests: number;
  /** From the gateway's INTERACTION_CREATE to the interaction callback reaching Discord. */
  answer: Summary;
}

/**
 * The real discord.js client against the fake Discord on 127.0.0.1: how long the bot takes to
 * answer an interaction, which Discord allows three seconds for, at 1, 20 and 100 at once.
 */
export async function measureDiscordLatency(quick: boolean): Promise<DiscordLatencyRow[]> {
  const harness = await startDiscordHarness();
  const { discord } = harness;
  try {
    await discord.interact(
      discord.slashCommand({ id: DISCORD_ADMIN }, 'registrar', {
        unidad: 'PIC-DP',
        fecha: '15/09/2098',
        hora: '10:00',
        plataforma: 'zoom',
      }),
    );
    let turn = 0;
    const one = async () => {
      const next = DISCORD_MIX[turn++ % DISCORD_MIX.length] ?? DISCORD_MIX[0];
      const interaction = discord.slashCommand({ id: DISCORD_ADMIN }, next?.subcommand ?? 'ayuda', next?.options ?? {});
      const sent = performance.now();
      const result = await discord.interact(interaction);
      return result.callbackAt - sent;
    };
    for (let warm = 0; warm < 30; warm += 1) await one();
    const rows: DiscordLatencyRow[] = [];
    for (const [concurrency, total] of [
      [1, quick ? 60 : 300],
      [20, quick ? 100 : 600],
      [100, quick ? 200 : 1_000],
    ] as const) {
      const samples: number[] = [];
      for (let done = 0; done < total; done += concurrency) {
        samples.push(...(await Promise.all(Array.from({ length: concurrency }, one))));
      }
      rows.push({ concurrency, requests: samples.length, answer: summarize(samples) });
    }
    return rows;
  } finally {
    await harness.close();
  }
}
