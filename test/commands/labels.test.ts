import { afterEach, describe, expect, it } from 'vitest';
import { BEFORE_WINDOW, createTestBot, type TestBot } from '../../testing/test-bot.js';
import { ROSTER_HEADER } from '../helpers/roster-text.js';

let bot: TestBot;
afterEach(() => bot.close());

describe('what a person reads', () => {
  it('keeps the accents on buttons: Marcar invitación, Marcar público', () => {
    bot = createTestBot({ now: BEFORE_WINDOW });
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    const labels = bot.send('estado PIC-DP', { as: 'oficial-pic' }).buttons?.map((button) => button.label);
    expect(labels).toEqual(['Marcar invitación', 'Marcar público', 'Marcar sala']);
    const english = bot.send('status PIC-DP', { as: 'oficial-pic', locale: 'en' }).buttons?.map((b) => b.label);
    expect(english).toEqual(['Tick invitation', 'Tick audience', 'Tick room']);
  });

  it('does not say "Se marcó" of an approval step the Directorate had already marked', () => {
    bot = createTestBot({ now: BEFORE_WINDOW });
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom video=si');
    bot.send('marcar PIC-DP video', { as: 'ana', roles: ['directorate'] });
    bot.send('solicitar video PIC-DP "Video de 2 minutos"', { as: 'oficial-pic' });
    const approved = bot.send('solicitud aprobar 1', { as: 'ana', roles: ['directorate'] });
    expect(approved.rendered).toContain('El paso ya estaba marcado: Video o fotos aprobados por la Dirección.');
    expect(approved.rendered).not.toContain('Se marcó');
  });

  it('says "Se marcó" when the approval marked it', () => {
    bot = createTestBot({ now: BEFORE_WINDOW });
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    bot.send('solicitar video PIC-DP "Video de 2 minutos"', { as: 'oficial-pic' });
    expect(bot.send('solicitud aprobar 1', { as: 'ana', roles: ['directorate'] }).rendered).toContain(
      'Se marcó el paso: Video o fotos aprobados por la Dirección.',
    );
  });
});

describe('enlaces', () => {
  it('sorts provinces as Spanish does: Cañar before Carchi', () => {
    bot = createTestBot({
      roster: `${ROSTER_HEADER}\nCAR-DP,Dirección Provincial de Carchi,Carchi,direccion-provincial,\nCAN-DP,Dirección Provincial de Cañar,Cañar,direccion-provincial,\nBOL-DP,Dirección Provincial de Bolívar,Bolívar,direccion-provincial,\n`,
    });
    const rendered = bot.send('enlaces').rendered;
    const order = ['BOL-DP', 'CAN-DP', 'CAR-DP'].map((code) => rendered.indexOf(`\`${code}\``));
    expect(order.every((position) => position > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('pages at 25 like the other lists and says how to see the rest', () => {
    const units = Array.from(
      { length: 30 },
      (_, i) => `AZU-${String(i + 1).padStart(2, '0')},Centro de Salud ${i + 1},Azuay,centro-de-salud,`,
    );
    bot = createTestBot({ roster: `${ROSTER_HEADER}\n${units.join('\n')}\n` });
    const first = bot.send('enlaces');
    const firstItems = first.blocks.find((block) => block.type === 'list');
    expect(firstItems?.type === 'list' && firstItems.items).toHaveLength(26);
    expect(first.rendered).toContain('0 de 30 enlaces reportados.');
    expect(first.rendered).toContain('… y 5 unidades más; para verlas escriba `/rendicion enlaces todo 2`.');
    expect(first.rendered).not.toContain('AZU-26');
    const second = bot.send('enlaces todo 2');
    expect(second.rendered).toContain('Página 2 de 2: 26–30 de 30.');
    expect(second.rendered).toContain('`AZU-26`');
    expect(second.rendered).not.toContain('`AZU-25`');
    expect(bot.send('enlaces Azuay 2').rendered).toContain('`AZU-30`');
    expect(bot.send('enlaces 3').rendered).toContain('La página 3 no existe: la lista tiene 2 páginas.');
  });
});
