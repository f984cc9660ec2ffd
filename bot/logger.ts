import { pino } from 'pino';
import pretty from 'pino-pretty';
import type { Logger } from '../commands/core/logger.js';

type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** Field names whose values are never written, wherever they appear in a log line. */
const SECRET_FIELDS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'secret',
  'password',
  'authorization',
  'accessToken',
  'refreshToken',
  'clientSecret',
  'privateKey',
];

/**
 * pino: one JSON line per event on standard error, so console mode's standard output stays the
 * chat; `readable` (a person at a terminal) prints pino-pretty's one-line format instead.
 */
export function createLogger(
  level: Level,
  options: { readable?: boolean; destination?: NodeJS.WritableStream } = {},
): Logger {
  const destination = options.destination ?? process.stderr;
  const stream = options.readable
    ? pretty({ destination, sync: true, colorize: false, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' })
    : destination;
  const logger = pino(
    {
      level,
      base: undefined,
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: SECRET_FIELDS.flatMap((field) => [field, `*.${field}`]), censor: '[oculto]' },
    },
    stream,
  );
  return {
    info: (fields, message) => logger.info(fields, message),
    warn: (fields, message) => logger.warn(fields, message),
    error: (fields, message) => logger.error(fields, message),
  };
}

export type { Level as LogLevel };
