import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../commands/core/clock.js';
import { DEFAULT_SETTINGS } from '../../commands/core/types.js';
import { createEngine } from '../../commands/engine.js';
import { openDatabase } from '../../db/client.js';
import { ACCEPT_EVERY_WORD, createTestBot, type TestBot } from '../../testing/test-bot.js';
import { createTempDir, type TempDir } from '../helpers/run-process.js';

let bot: TestBot | undefined;
let dir: TempDir | undefined;
afterEach(async () => {
  bot?.close();
  await dir?.remove();
  bot = undefined;
  dir = undefined;
});

describe('engine', () => {
  it("applies a role granted with rol to that user's next command", () => {
    bot = createTestBot();
    expect(bot.send('ayuda', { as: 'ana' }).rendered).toContain('sin rol (solo consulta)');
    bot.send('rol ana direccion');
    expect(bot.send('ayuda', { as: 'ana' }).rendered).toContain('Usted es: Dirección.');
  });

  it('sees at the next command a unit given to an officer by another process', async () => {
    dir = await createTempDir();
    bot = createTestBot({ databasePath: dir.databasePath });
    expect(bot.send('ayuda', { as: 'nuevo-oficial' }).rendered).not.toContain('oficial de MAN-DP');
    const other = openDatabase(dir.databasePath);
    other.sqlite.prepare("UPDATE units SET officer = 'nuevo-oficial' WHERE code = 'MAN-DP'").run();
    other.close();
    expect(bot.send('ayuda', { as: 'nuevo-oficial' }).rendered).toContain('Usted es: oficial de MAN-DP.');
  });

  it('shows the help when only /rendicion is typed', () => {
    bot = createTestBot();
    expect(bot.send('').title).toBe('Comandos de /rendicion');
    expect(bot.send('/rendicion').title).toBe('Comandos de /rendicion');
  });

  it('answers an unknown subcommand with the closest match', () => {
    bot = createTestBot();
    const reply = bot.send('estdo todo');
    expect(reply.rendered).toContain('No conozco el comando `estdo`. ¿Quiso decir `/rendicion estado`?');
  });

  it('does not suggest a command the user may not run', () => {
    bot = createTestBot();
    const reply = bot.send('roll', { as: 'ciudadano' });
    expect(reply.rendered).toContain('No conozco el comando `roll`');
    expect(reply.rendered).not.toContain('¿Quiso decir `/rendicion rol`');
  });

  it('accepts subcommands with accents and capitals', () => {
    bot = createTestBot();
    expect(bot.send('ESTADO todo').title).toBe('Estado de la campaña: Rendición de Cuentas 2026');
  });

  it('apologises with the request id, and logs it once, when something unexpected fails', () => {
    const errors: Record<string, unknown>[] = [];
    bot = createTestBot();
    const engine = createEngine({
      db: bot.db,
      clock: fixedClock('2026-09-01T14:00:00Z'),
      admins: [],
      defaultLocale: 'es',
      platforms: ['console'],
      settings: DEFAULT_SETTINGS,
      speller: ACCEPT_EVERY_WORD,
      tweetMode: 'simulated',
      logger: { info() {}, warn() {}, error: (fields) => errors.push(fields) },
    });
    bot.db.sqlite.exec('DROP TABLE event_steps');
    const reply = engine.handleCommand({
      requestId: 'req-42',
      platform: 'console',
      user: { id: 'u1' },
      text: 'estado todo',
    });
    expect(reply.tone).toBe('error');
    expect(reply.blocks).toEqual([
      {
        type: 'text',
        text: 'Lo sentimos, algo falló de nuestro lado y no se guardó nada. Intente de nuevo en un momento; si se repite, avise a un administrador con el código req-42.',
      },
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ requestId: 'req-42', userId: 'u1' });
  });

  it('rolls back everything a failing command wrote', () => {
    bot = createTestBot();
    bot.db.sqlite.exec(
      "CREATE TRIGGER fail_on_tick BEFORE INSERT ON event_steps BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    const audits = bot.auditCount();
    const reply = bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    expect(reply.rendered).toContain('Lo sentimos');
    expect(bot.db.sqlite.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 0 });
    expect(bot.auditCount()).toBe(audits);
  });
});
