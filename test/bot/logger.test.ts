import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../bot/logger.js';
import { createTestBot } from '../../testing/test-bot.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, destination };
}

describe('logs', () => {
  it('writes one JSON line per request with command, unit, duration and outcome', () => {
    const { lines, destination } = capture();
    const bot = createTestBot({ logger: createLogger('info', { destination }) });
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    bot.send('marcar pic-dp nosequé');
    const [registered, refused] = lines.map((line) => JSON.parse(line));
    expect(registered).toMatchObject({
      level: 'info',
      message: 'request handled',
      command: 'registrar',
      unit: 'PIC-DP',
      outcome: 'ok',
      platform: 'console',
    });
    expect(typeof registered.durationMs).toBe('number');
    expect(Date.parse(registered.time)).not.toBeNaN();
    expect(refused).toMatchObject({ command: 'marcar', unit: 'PIC-DP', outcome: 'refused' });
    expect(refused.errorCode).toEqual(expect.any(String));
    bot.close();
  });

  it('never writes a secret, wherever it appears in the fields', () => {
    const { lines, destination } = capture();
    const logger = createLogger('info', { destination });
    const fields = { botToken: 'xoxb-secreto-1', settings: { signingSecret: 'firma-secreta', port: 3000 } };
    logger.error(fields, 'fallo');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('xoxb-secreto-1');
    expect(lines[0]).not.toContain('firma-secreta');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      botToken: '[oculto]',
      settings: { signingSecret: '[oculto]', port: 3000 },
    });
    // What the caller logged is left as it was.
    expect(fields).toEqual({ botToken: 'xoxb-secreto-1', settings: { signingSecret: 'firma-secreta', port: 3000 } });
  });

  it('prints a readable line for a person at a terminal, and honours the level', () => {
    const { lines, destination } = capture();
    const logger = createLogger('warn', { readable: true, destination });
    logger.info({ command: 'estado' }, 'no se ve');
    logger.warn({ unit: 'PIC-DP' }, 'aviso visible');
    expect(lines.join('\n')).not.toContain('no se ve');
    expect(lines[0]).toMatch(/WARN.*aviso visible/);
    expect(lines.join('\n')).toContain('PIC-DP');
    expect(() => JSON.parse(lines[0] ?? '')).toThrow();
  });
});
