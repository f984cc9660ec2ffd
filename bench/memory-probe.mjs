import { writeFileSync } from 'node:fs';

// Plain JavaScript: the bot runs compiled (npm start), without a TypeScript loader.
/**
 * Loaded into the bot by the memory benchmark (`--import`, with `--expose-gc`): on SIGUSR2 it
 * runs a full garbage collection and writes the process's memory to the file named by
 * BENCH_MEMORY_FILE, so the report can tell memory still in use from garbage V8 has not collected.
 */
const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  process.on('SIGUSR2', () => {
    const gc = globalThis.gc;
    gc?.();
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    writeFileSync(file, JSON.stringify({ rss, heapUsed, heapTotal, external, collected: gc !== undefined }));
  });
}
