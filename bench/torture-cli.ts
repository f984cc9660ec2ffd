import { parseArgs } from 'node:util';
import { runTorture } from '../testing/torture/torture.js';

/** The issue's bar: the run must pass this many kill-and-restart cycles. */
const DEFAULT_CYCLES = 30;

const { values } = parseArgs({
  options: { cycles: { type: 'string', default: String(DEFAULT_CYCLES) }, seed: { type: 'string' } },
});
const cycles = Number(values.cycles);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
process.stdout.write(`torture run: ${cycles} cycles of SIGKILL at a random moment, seed ${seed}\n`);
const started = Date.now();
const result = await runTorture({ cycles, seed, log: (line) => process.stdout.write(`  ${line}\n`) });
process.stdout.write(
  [
    `cycles run: ${result.cycles}`,
    `commands and clicks sent: ${result.commands} (${result.confirmed} answered before a kill)`,
    `tweets on the fake X: ${result.tweetsOnX}; messages on the fake Slack: ${result.messagesOnSlack}`,
    `time: ${Math.round((Date.now() - started) / 1000)} s`,
    result.broken.length
      ? `BROKEN invariants (${result.broken.length}):\n${result.broken.map((line) => `  - ${line}`).join('\n')}`
      : 'every invariant held',
    '',
  ].join('\n'),
);
process.exitCode = result.broken.length ? 1 : 0;
