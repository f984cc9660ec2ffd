/**
 * One approver in a thread of its own, on its own connection to the database file: it waits at
 * the barrier with the others, then presses its button at the same moment they do.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fixedClock } from '../../commands/core/clock.js';
import { silentLogger } from '../../commands/core/logger.js';
import { DEFAULT_SETTINGS } from '../../commands/core/types.js';
import { createEngine } from '../../commands/engine.js';
import { openDatabase } from '../../db/client.js';
import { ACCEPT_EVERY_WORD } from '../../testing/test-bot.js';

interface RaceInput {
  databasePath: string;
  now: string;
  userId: string;
  actionId: string;
  payload: string;
  input?: string;
  /** [0]: the start signal; [1]: how many workers are ready. */
  barrier: SharedArrayBuffer;
}

const input = workerData as RaceInput;
const db = openDatabase(input.databasePath);
const engine = createEngine({
  db,
  clock: fixedClock(input.now),
  admins: [],
  defaultLocale: 'es',
  platforms: ['console'],
  settings: DEFAULT_SETTINGS,
  speller: ACCEPT_EVERY_WORD,
  tweetMode: 'simulated',
  logger: silentLogger,
});
const signals = new Int32Array(input.barrier);
Atomics.add(signals, 1, 1);
Atomics.wait(signals, 0, 0);
const reply = engine.handleAction({
  requestId: `race-${input.userId}`,
  platform: 'console',
  user: { id: input.userId },
  actionId: input.actionId,
  payload: input.payload,
  input: input.input,
});
db.close();
parentPort?.postMessage({ userId: input.userId, title: reply.title, text: JSON.stringify(reply.blocks) });
