import { messagesFor } from '../../commands/core/i18n/catalogue.js';

/** The start of the engine's last-resort answer, given only when a command threw. */
export const CRASH_REPLY = messagesFor('es', { unitCode: '', date: '' }).unexpectedError('§').split('§')[0] ?? '';
if (CRASH_REPLY.length < 20) throw new Error('the crash reply has no recognisable text: every crash check would pass');

/** Whether a rendered reply (or any serialised output) holds the engine's last-resort answer. */
export function isCrashReply(rendered: string): boolean {
  return rendered.includes(CRASH_REPLY);
}

/** A seeded generator: every run feeds the same "random" input, so a failure can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Inputs that have broken chat bots: mentions, injections, control characters, huge text. */
export const HOSTILE = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<@U0ADMIN>',
  '@everyone',
  '@here',
  "'; DROP TABLE events; --",
  '" OR 1=1 --',
  '*negrita* _cursiva_ ~tachado~ `código`',
  '<https://malo.example|clic aquí>',
  '[enlace](javascript:alert(1))',
  '\u0000\u0001\u0007\u001b[31m',
  '\u202eevil\u202c',
  '\r\n\t',
  '😀🇪🇨👍🏽',
  '"',
  '"sin cerrar',
  '--',
  '=',
  'x'.repeat(5_000),
  '%s%n%x',
  '../../etc/passwd',
  'NaN',
  '-1',
  '99999999999999999999',
  '31/02/2026',
  '15/09/2026',
  '10:00',
  '25:99',
  'PIC-DP',
  'PIC-H1',
  'NOEXISTE',
  'zoom',
  'video',
  'fotos',
  'aprobar',
  'rechazar',
  'todo',
  'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  'https://youtu.be/<!channel>',
  '#RendiciónDeCuentas2026',
];
