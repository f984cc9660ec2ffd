import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { fieldOf } from '../../../commands/forms/form-description.js';
import { createTestBot, type TestBot } from '../../../testing/test-bot.js';

let bot: TestBot | undefined;
afterEach(() => bot?.close());

const as = (userId: string, text: string) => ({
  requestId: randomUUID(),
  platform: 'console',
  user: { id: userId },
  text,
});

describe('the form a command opens', () => {
  it("fills `registrar UNIT` alone with the unit's registered session, every field", () => {
    bot = createTestBot();
    bot.send(
      'registrar PIC-DP 15/09/2026 16:30 teams sala="Auditorio" correo=preguntas@iess.gob.ec asistentes=80 fotos=si',
    );
    const form = bot.engine.formForText(as('admin-1', 'registrar PIC-DP'));
    expect(form?.name).toBe('registrar');
    const values = Object.fromEntries(form?.fields.map((field) => [field.id, field.value ?? field.values]) ?? []);
    expect(values).toEqual({
      unidad: 'PIC-DP',
      fecha: '15/09/2026',
      hora: '16:30',
      plataforma: 'teams',
      sala: 'Auditorio',
      correo: 'preguntas@iess.gob.ec',
      enlace: undefined,
      asistentes: '80',
      incluye: ['fotos'],
    });
  });

  it('opens an empty registration for `registrar` alone, the pickers starting on the first day at 10:00', () => {
    bot = createTestBot();
    const form = bot.engine.formForText(as('admin-1', 'registrar'));
    expect(form && fieldOf(form, 'unidad')?.value).toBeUndefined();
    expect(form && fieldOf(form, 'fecha')).toMatchObject({ value: undefined, suggested: '12/09/2026' });
    expect(form && fieldOf(form, 'hora')).toMatchObject({ value: undefined, suggested: '10:00' });
    expect(form && fieldOf(form, 'plataforma')?.choices?.map((choice) => choice.value)).toContain('zoom');
  });

  it('runs a complete command, one changing only options, and a command of someone who may not run it', () => {
    bot = createTestBot();
    expect(bot.engine.formForText(as('admin-1', 'registrar PIC-DP 15/09/2026 10:00 zoom'))).toBeUndefined();
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    expect(bot.engine.formForText(as('admin-1', 'registrar PIC-DP sala=Auditorio'))).toBeUndefined();
    expect(bot.engine.formForText(as('alguien', 'registrar'))).toBeUndefined();
    expect(bot.engine.formForText(as('admin-1', 'estado'))).toBeUndefined();
  });

  it('opens the request form with what was given, by name as Discord gives it', () => {
    bot = createTestBot();
    const form = bot.engine.formForValues(as('oficial-pic', ''), 'solicitar', new Map([['unidad', 'PIC-DP']]));
    expect(form?.fields.map((field) => [field.id, field.value])).toEqual([
      ['tipo', undefined],
      ['unidad', 'PIC-DP'],
      ['descripcion', undefined],
      ['enlace', undefined],
    ]);
  });

  it("suggests the officer's own units first", () => {
    bot = createTestBot();
    const units = bot.engine.suggest(as('oficial-pic', ''), 'unit', '', 2).map((choice) => choice.value);
    expect(units).toEqual(['PIC-DP', 'PIC-H1']);
    expect(bot.engine.suggest(as('admin-1', ''), 'unit', 'quito', 25)).toEqual([
      { value: 'PIC-H1', label: 'PIC-H1 · Hospital General Quito Sur' },
    ]);
  });
});
