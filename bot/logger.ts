import { dirname, join, resolve } from 'node:path';
import { type DestinationStream, destination as fileDestination, multistream, pino } from 'pino';
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

export interface LoggerOptions {
  /** A person at a terminal: pino-pretty's one-line format on the stream instead of JSON. */
  readable?: boolean;
  /** The stream the lines go to; standard error unless said otherwise. */
  destination?: NodeJS.WritableStream;
  /** A file the JSON lines are appended to (its folder is created); the stream then gets none... */
  file?: string;
  /** ...unless this asks for both (console mode with LOG_LEVEL set). */
  alsoToStream?: boolean;
}

/**
 * pino: one JSON line per event on standard error, so console mode's standard output stays the
 * chat; `readable` (a person at a terminal) prints pino-pretty's one-line format instead. With
 * `file`, the lines go to that file, so a terminal chat never shows them between its messages.
 */
export function createLogger(level: Level, options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? process.stderr;
  const toStream = () =>
    options.readable
      ? pretty({ destination, sync: true, colorize: false, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' })
      : destination;
  let stream: DestinationStream;
  if (options.file) {
    const file = fileDestination({ dest: options.file, sync: true, mkdir: true, append: true });
    stream = options.alsoToStream
      ? multistream([
          { level, stream: file },
          { level, stream: toStream() },
        ])
      : file;
  } else {
    stream = toStream();
  }
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

/** Console mode's log file: `rendicion.log` in the database's folder (`./data/` by default). */
export function consoleLogPath(databasePath: string): string {
  return join(dirname(resolve(databasePath)), 'rendicion.log');
}

export type { Level as LogLevel };
