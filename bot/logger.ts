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

const SECRETS = new Set(SECRET_FIELDS);
const CENSOR = '[oculto]';

/** A field's value with any secret field inside it censored: a copy when there is one, else the value itself. */
function censorInside(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    if (SECRETS.has(key)) {
      copy ??= { ...value };
      copy[key] = CENSOR;
    }
  }
  return copy ?? value;
}

/**
 * The secret fields censored at the top of a line's fields and one level down (what pino's redact
 * paths `field` and `*.field` did). pino's redact option deep-copies every line's fields first,
 * about 20 µs a line: this copies only a line that holds a secret, and never changes the caller's object.
 */
function withoutSecrets(fields: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    const censored = SECRETS.has(key) ? CENSOR : censorInside(value);
    if (censored !== value) {
      copy ??= { ...fields };
      copy[key] = censored;
    }
  }
  return copy ?? fields;
}

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
      formatters: { level: (label) => ({ level: label }), log: withoutSecrets },
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
