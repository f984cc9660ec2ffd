import type { Logger } from '../commands/core/logger.js';

type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const LEVELS: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/**
 * One JSON line per event on standard error, so console mode's standard output stays the chat;
 * `readable` (a person at a terminal) prints `[info] message key=value` instead.
 */
export function createLogger(
  level: Level,
  options: { readable?: boolean; write?: (line: string) => void } = {},
): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const log = (at: Exclude<Level, 'silent' | 'debug'>) => (fields: Record<string, unknown>, message: string) => {
    if (LEVELS[at] < LEVELS[level]) return;
    if (options.readable) {
      const details = Object.entries(fields).map(([key, value]) => `${key}=${JSON.stringify(value)}`);
      write(`[${at}] ${[message, ...details].join(' ')}\n`);
    } else {
      write(`${JSON.stringify({ time: new Date().toISOString(), level: at, message, ...fields })}\n`);
    }
  };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

export type { Level as LogLevel };
