/**
 * A/B micro-benchmarks in one process, for a machine other work shares: the two variants run in
 * turn (A B, then B A, ...), each round long enough to read, and the median round of each is kept,
 * so a burst of outside load hits both alike and one slow round does not decide.
 */

export interface Variant {
  label: string;
  run: () => unknown;
}

export interface AbResult {
  name: string;
  a: { label: string; nsPerOp: number };
  b: { label: string; nsPerOp: number };
  /** B's median time over A's. */
  ratio: number;
}

const ROUND_MS = 40;
const ROUNDS = 11;

/** Keeps results alive, so the engine cannot drop the work that made them. */
let sink: unknown;

function timeOf(variant: Variant, iterations: number): number {
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i += 1) sink = variant.run();
  return Number(process.hrtime.bigint() - started) / iterations;
}

/** Iterations that take about ROUND_MS for the slower of the two. */
function calibrate(a: Variant, b: Variant): number {
  let iterations = 1;
  for (;;) {
    const slowest = Math.max(timeOf(a, iterations), timeOf(b, iterations)) * iterations;
    if (slowest >= ROUND_MS * 1e6 || iterations >= 1e8) return iterations;
    iterations = Math.ceil(iterations * Math.min(100, Math.max(2, (ROUND_MS * 1e6) / Math.max(slowest, 1))));
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

export function compare(name: string, a: Variant, b: Variant, rounds = ROUNDS): AbResult {
  const iterations = calibrate(a, b);
  const times = { a: [] as number[], b: [] as number[] };
  for (let round = 0; round < rounds; round += 1) {
    if (round % 2 === 0) {
      times.a.push(timeOf(a, iterations));
      times.b.push(timeOf(b, iterations));
    } else {
      times.b.push(timeOf(b, iterations));
      times.a.push(timeOf(a, iterations));
    }
  }
  if (sink === Symbol.for('never')) console.log(sink);
  const result = {
    name,
    a: { label: a.label, nsPerOp: median(times.a) },
    b: { label: b.label, nsPerOp: median(times.b) },
    ratio: median(times.b) / median(times.a),
  };
  return result;
}

/** 1234 ns → "1.23 µs"; picks the unit that keeps three figures. */
export function duration(ns: number): string {
  if (ns < 1_000) return `${ns.toPrecision(3)} ns`;
  if (ns < 1_000_000) return `${(ns / 1_000).toPrecision(3)} µs`;
  return `${(ns / 1_000_000).toPrecision(3)} ms`;
}

export function describe(result: AbResult): string {
  return `${result.name}: ${result.a.label} ${duration(result.a.nsPerOp)}, ${result.b.label} ${duration(result.b.nsPerOp)} (B/A ${result.ratio.toFixed(2)}×)`;
}
