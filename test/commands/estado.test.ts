import { afterEach, describe, expect, it } from 'vitest';
import { createTestBot, type TestBot } from '../../testing/test-bot.js';

let bot: TestBot;
afterEach(() => bot.close());

/** `count` units in one province, `U01`, `U02`, …, none registered. */
const provinceRoster = (province: string, count: number) =>
  [
    'codigo,nombre,provincia,tipo,responsable',
    ...Array.from(
      { length: count },
      (_, index) => `U${String(index + 1).padStart(2, '0')},Unidad ${index + 1},${province},hospital,`,
    ),
  ].join('\n');

const lineOf = (rendered: string, stepId: string) =>
  rendered.split('\n').find((line) => line.includes(`\`${stepId}\``)) ?? '';

describe('estado of one unit', () => {
  it('shows the checklist by phase with done, pending and not applicable steps', () => {
    bot = createTestBot();
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    const reply = bot.send('estado PIC-DP');
    expect(reply.title).toBe('PIC-DP · Dirección Provincial de Pichincha');
    expect(reply.rendered).toContain('Antes:');
    expect(reply.rendered).toContain('Después:');
    expect(lineOf(reply.rendered, 'fecha')).toContain('✅');
    expect(lineOf(reply.rendered, 'fecha')).toContain('admin-1, mar 1 sep, 09:00');
    expect(lineOf(reply.rendered, 'invitacion')).toContain('⏳');
    expect(lineOf(reply.rendered, 'invitacion')).toContain('vence sáb 12 sep, 10:00');
    expect(lineOf(reply.rendered, 'video')).toContain('➖');
    expect(reply.rendered).toContain('Avance (1/18)');
  });

  it('marks the invitation overdue once its due moment, three days before, has passed', () => {
    bot = createTestBot();
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    bot.clock.set('2026-09-12T14:59:00Z');
    expect(lineOf(bot.send('estado PIC-DP').rendered, 'invitacion')).toContain('⏳');
    bot.clock.set('2026-09-12T15:01:00Z');
    const reply = bot.send('estado PIC-DP');
    expect(lineOf(reply.rendered, 'invitacion')).toContain('⚠️');
    expect(lineOf(reply.rendered, 'invitacion')).toContain('atrasado desde sáb 12 sep, 10:00');
    expect(reply.tone).toBe('warning');
  });

  it('offers buttons for the most urgent open steps to whoever may change the unit', () => {
    bot = createTestBot();
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    const reply = bot.send('estado PIC-DP', { as: 'oficial-pic' });
    expect(reply.buttons?.map((button) => button.label)).toEqual([
      'Marcar invitación',
      'Marcar público',
      'Marcar sala',
    ]);
  });

  it('offers no buttons to someone who can only read', () => {
    bot = createTestBot();
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    expect(bot.send('estado PIC-DP', { as: 'ciudadano' }).buttons).toBeUndefined();
  });

  it('tells how to register a unit that has no session yet', () => {
    bot = createTestBot();
    const reply = bot.send('estado MAN-DP');
    expect(reply.rendered).toContain(
      'Aún no registra su rendición. Para registrarla: `/rendicion registrar MAN-DP 12/09/2026 10:00 zoom`',
    );
  });

  it("shows an officer's own unit when no argument is given", () => {
    bot = createTestBot();
    bot.send('registrar GUA-DP 15/09/2026 10:00 zoom');
    const reply = bot.send('estado', { as: 'oficial.gua@ejemplo.gob.ec' });
    expect(reply.title).toBe('GUA-DP · Dirección Provincial del Guayas');
  });
});

describe('estado of a province', () => {
  it('lists every unit of the province, registered or not, ignoring accents and case', () => {
    bot = createTestBot();
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    const reply = bot.send('estado PICHINCHA');
    expect(reply.title).toBe('Provincia: Pichincha');
    expect(reply.rendered).toContain('`PIC-DP` Dirección Provincial de Pichincha — mar 15 sep, 10:00 — 1/18 pasos');
    expect(reply.rendered).toContain('`PIC-H1` Hospital General Quito Sur — sin registrar');
    expect(reply.rendered).toContain('Registradas (1/2)');
    expect(bot.send('estado manabi').title).toBe('Provincia: Manabí');
  });

  it("lists an officer's units when they have more than one", () => {
    bot = createTestBot();
    const reply = bot.send('estado', { as: 'oficial-pic' });
    expect(reply.title).toBe('oficial de PIC-DP, PIC-H1');
    expect(reply.rendered).toContain('`PIC-DP`');
    expect(reply.rendered).toContain('`PIC-H1`');
    expect(reply.rendered).not.toContain('GUA-DP');
  });

  it("lists 25 of a province's units, counts them all, and says how many more and which command pages through them", () => {
    bot = createTestBot({ roster: provinceRoster('Azuay', 27) });
    bot.send('registrar U27 15/09/2026 10:00 zoom');
    const reply = bot.send('estado azuay');
    const list = reply.rendered.split('\n').filter((line) => line.startsWith('  • '));
    expect(list).toHaveLength(26);
    expect(list[24]).toBe('  • `U25` Unidad 25 — sin registrar');
    expect(list[25]).toBe('  • … y 2 unidades más; para verlas escriba `/rendicion estado Azuay 2`.');
    expect(reply.rendered).toContain('Registradas (1/27)');
    expect(reply.rendered).toContain('Avance (1/18)');

    const page = bot.send('estado Azuay 2');
    expect(page.title).toBe('Provincia: Azuay');
    expect(page.rendered).toContain('Página 2 de 2: 26–27 de 27.');
    expect(page.rendered).toContain(
      '• `U26` Unidad 26 — sin registrar\n  • `U27` Unidad 27 — mar 15 sep, 10:00 — 1/18 pasos',
    );
    expect(page.rendered).not.toContain('U25');
    expect(page.rendered).not.toContain('más;');
    expect(bot.send('estado Azuay 3').rendered).toContain('La página 3 no existe: la lista tiene 2 páginas.');
    expect(bot.send('status azuay', { locale: 'en' }).rendered).toContain(
      '• … and 2 more units; to see them type `/rendicion status Azuay 2`.',
    );
  });

  it('quotes a province with spaces in the command for the next page, and reads it back', () => {
    bot = createTestBot({ roster: provinceRoster('Los Ríos', 26) });
    expect(bot.send('estado "los rios"').rendered).toContain(
      '• … y 1 unidad más; para verla escriba `/rendicion estado "Los Ríos" 2`.',
    );
    expect(bot.send('estado "Los Ríos" 2').rendered).toContain('• `U26` Unidad 26 — sin registrar');
  });

  it('reads a province or unit name with spaces without quotes, the page as the last number', () => {
    bot = createTestBot({
      roster: `${provinceRoster('Los Ríos', 26)}\nSDT-DP,Dirección Provincial de Santo Domingo,Santo Domingo de los Tsáchilas,direccion-provincial,`,
    });
    const reply = bot.send('estado Los Ríos');
    expect(reply.title).toBe('Provincia: Los Ríos');
    expect(reply.rendered).toContain('• `U25` Unidad 25 — sin registrar');
    expect(bot.send('estado los rios 2').rendered).toContain('• `U26` Unidad 26 — sin registrar');
    expect(bot.send('estado Santo Domingo de los Tsáchilas').title).toBe('Provincia: Santo Domingo de los Tsáchilas');
    expect(bot.send('estado Dirección Provincial de Santo Domingo').title).toBe(bot.send('estado SDT-DP').title);
    expect(bot.send('estado Los Ríos 1 2').rendered).toContain('Sobra `2`.');
  });

  it('reads a name shared by a province and a unit as the province (the unit is still found by its code)', () => {
    bot = createTestBot({ roster: `${provinceRoster('Manabí', 2)}\nMAN-X,Manabí,Manabí,hospital,` });
    expect(bot.send('estado manabi').title).toBe('Provincia: Manabí');
    expect(bot.send('estado MAN-X').title).toBe('MAN-X · Manabí');
  });

  it('takes a page only as a number, and only the first for a unit or the whole campaign', () => {
    bot = createTestBot();
    expect(bot.send('estado Pichincha 0').rendered).toContain('`0` no es un número de página.');
    expect(bot.send('estado Pichincha 1 2').rendered).toContain('Sobra `2`.');
    expect(bot.send('estado todo 1').title).toBe('Estado de la campaña: Rendición de Cuentas 2026');
    expect(bot.send('estado todo 2').rendered).toContain('La página 2 no existe: la lista tiene 1 página.');
    expect(bot.send('estado PIC-DP 2').rendered).toContain('La página 2 no existe: la lista tiene 1 página.');
  });

  it('suggests the closest unit or province for a typo', () => {
    bot = createTestBot();
    expect(bot.send('estado Pichinca').rendered).toContain('¿Quiso decir `Pichincha`?');
  });
});

describe('estado todo', () => {
  it('counts registered sessions and steps per phase for the whole campaign', () => {
    bot = createTestBot();
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    bot.send('registrar GUA-DP 16/09/2026 10:00 zoom');
    bot.send('marcar PIC-DP invitacion');
    const reply = bot.send('estado todo');
    expect(reply.title).toBe('Estado de la campaña: Rendición de Cuentas 2026');
    expect(reply.rendered).toContain('Rendiciones registradas: 2/4');
    expect(reply.rendered).toContain('Registradas (2/4)');
    expect(reply.rendered).toContain('Pasos antes (3/20)');
    expect(reply.rendered).toContain('Sin pasos atrasados.');
  });

  it('lists overdue units worst first', () => {
    bot = createTestBot();
    bot.send('registrar PIC-DP 13/09/2026 10:00 zoom');
    bot.send('registrar GUA-DP 15/09/2026 10:00 zoom');
    bot.clock.set('2026-09-13T12:00:00Z');
    const reply = bot.send('estado all');
    const overdue = reply.rendered.split('Atrasos por unidad (los peores primero):')[1] ?? '';
    expect(overdue.indexOf('`PIC-DP`: 9 atrasados')).toBeGreaterThan(-1);
    expect(overdue.indexOf('`GUA-DP`: 2 atrasados (invitacion, correo)')).toBeGreaterThan(overdue.indexOf('`PIC-DP`'));
  });

  it('says when no unit has registered yet', () => {
    bot = createTestBot();
    expect(bot.send('estado todo').rendered).toContain('Ninguna unidad registra aún su rendición.');
  });
});
