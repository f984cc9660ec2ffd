import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { findEventByUnit } from '../../db/queries/events.js';
import { findTick } from '../../db/queries/steps.js';
import { findUnitByCode } from '../../db/queries/units.js';
import { createTestBot, type TestBot } from '../../testing/test-bot.js';

let bot: TestBot;
afterEach(() => bot.close());

function setUp(): TestBot {
  bot = createTestBot({ now: '2026-09-16T15:00:00Z' });
  bot.send('registrar PIC-DP 15/09/2026 10:00 zoom forzar=si');
  bot.send('registrar GUA-DP 15/09/2026 15:00 zoom forzar=si');
  return bot;
}

function tickOf(unitCode: string, stepId: string) {
  const unit = findUnitByCode(bot.db, bot.campaign.id, unitCode);
  const event = unit && findEventByUnit(bot.db, unit.id);
  return event && findTick(bot.db, event.id, stepId);
}

/** The CSV row of a unit as cells, read by the header's names. */
function csvRow(unitCode: string): Record<string, string> {
  const content = bot.send('exportar').file?.content ?? '';
  const rows = parse(content, { columns: true, bom: true }) as Record<string, string>[];
  return rows.find((row) => row.codigo === unitCode) ?? {};
}

describe('steps proved by evidence', () => {
  it.each([
    ['youtube', '`/rendicion youtube PIC-DP <enlace>`'],
    ['presentacion', '`/rendicion presentacion PIC-DP <enlace>`'],
  ])('refuses `marcar PIC-DP %s` by hand, says how it is set, and no total counts it', (step, how) => {
    setUp();
    const audits = bot.auditCount();
    const reply = bot.send(`marcar PIC-DP ${step}`, { as: 'oficial-pic' });
    expect(reply.tone).toBe('error');
    expect(reply.rendered).toContain(how);
    // An officer may not declare, so the hint does not name `declarar`.
    expect(reply.rendered).not.toContain('declarar');
    expect(bot.auditCount()).toBe(audits);
    expect(tickOf('PIC-DP', step)).toBeUndefined();
    const status = bot.send('estado todo').rendered;
    expect(status).toMatch(/Con enlace de YouTube: +0\/4\n/);
    expect(status).toMatch(/Presentación publicada: +0\/4\n/);
  });

  it('tells the Directorate, and only it, how to record a step delivered another way', () => {
    setUp();
    const reply = bot.send('marcar PIC-DP youtube', { as: 'ana', roles: ['directorate'] });
    expect(reply.rendered).toContain('`/rendicion declarar PIC-DP youtube`');
    expect(tickOf('PIC-DP', 'youtube')).toBeUndefined();
    expect(bot.send('marcar PIC-DP youtube no', { as: 'ana', roles: ['directorate'] }).tone).toBe('error');
  });

  it('records `declarar` as "declarado sin enlace", counted apart in estado todo, resumen, enlaces and the CSV', () => {
    setUp();
    const reply = bot.send('declarar PIC-DP youtube', { as: 'ana', roles: ['directorate'] });
    expect(reply.tone).toBe('success');
    expect(reply.title).toBe('PIC-DP: Grabación en YouTube y enlace enviado — declarado sin enlace');
    expect(tickOf('PIC-DP', 'youtube')).toMatchObject({ source: 'declared', doneBy: 'ana' });

    expect(bot.send('estado todo').rendered).toMatch(/Con enlace de YouTube: +0\/4 · 1 declarada sin enlace\n/);
    expect(bot.send('resumen').rendered).toMatch(/Con enlace de YouTube: +0\/4 · 1 declarada sin enlace\n/);
    const links = bot.send('enlaces').rendered;
    expect(links).toContain('0 de 4 enlaces reportados · 1 declarado sin enlace.');
    expect(links).toContain('`PIC-DP` Dirección Provincial de Pichincha — declarado sin enlace');
    expect(bot.send('estado PIC-DP').rendered).toMatch(/✅ `youtube` .* — declarado sin enlace — ana/);
    expect(csvRow('PIC-DP')).toMatchObject({ youtube: 'declarado sin enlace', 'youtube (quién)': 'ana' });
  });

  it('lets only the Directorate and admins declare, and says so to an officer', () => {
    setUp();
    const reply = bot.send('declarar PIC-DP youtube', { as: 'oficial-pic' });
    expect(reply.rendered).toContain('Solo la Dirección de Comunicación puede usar `declarar`.');
    expect(tickOf('PIC-DP', 'youtube')).toBeUndefined();
  });

  it('refuses to declare a step the bot does not prove, naming the two it does', () => {
    setUp();
    const reply = bot.send('declarar PIC-DP invitacion');
    expect(reply.rendered).toContain('Solo se declaran sin enlace los pasos `youtube` y `presentacion`');
    expect(tickOf('PIC-DP', 'invitacion')).toBeUndefined();
  });

  it('counts a declared step as a link once the link arrives, and then refuses to withdraw it as a declaration', () => {
    setUp();
    bot.send('declarar PIC-DP youtube');
    const reported = bot.send('youtube PIC-DP https://youtu.be/dQw4w9WgXcQ', { as: 'oficial-pic' });
    // The step was done (declared): it is not said to be marked now.
    expect(reported.rendered).toContain('El paso `youtube` ya estaba marcado; ahora cuenta con este enlace.');
    expect(reported.rendered).not.toContain('Se marcó');
    expect(tickOf('PIC-DP', 'youtube')).toMatchObject({ source: 'evidence', doneBy: 'oficial-pic' });
    expect(bot.send('estado todo').rendered).toMatch(/Con enlace de YouTube: +1\/4\n/);
    expect(bot.send('enlaces').rendered).toContain('1 de 4 enlaces reportados.');
    const audits = bot.auditCount();
    expect(bot.send('declarar PIC-DP youtube no').rendered).toContain('ya está respaldado por su enlace');
    expect(bot.auditCount()).toBe(audits);
  });

  it('withdraws a declaration with `no`: the step is pending again and the totals drop it', () => {
    setUp();
    bot.send('declarar PIC-DP presentacion');
    expect(bot.send('estado todo').rendered).toMatch(/Presentación publicada: +0\/4 · 1 declarada sin enlace\n/);
    expect(bot.send('declarar PIC-DP presentacion no').title).toBe(
      'PIC-DP: Presentación publicada en el sitio web — declaración retirada',
    );
    expect(tickOf('PIC-DP', 'presentacion')).toBeUndefined();
    expect(bot.send('estado todo').rendered).toMatch(/Presentación publicada: +0\/4\n/);
  });
});

describe('one video, one unit', () => {
  const VIDEO = 'https://youtu.be/dQw4w9WgXcQ';

  it('refuses the same video for a second unit, naming the unit that has it, and stores nothing', () => {
    setUp();
    bot.send(`youtube PIC-DP ${VIDEO}`, { as: 'oficial-pic' });
    const audits = bot.auditCount();
    const reply = bot.send(`youtube GUA-DP ${VIDEO}`, { as: 'oficial.gua@ejemplo.gob.ec' });
    expect(reply.tone).toBe('error');
    expect(reply.rendered).toContain('Ese video ya es el enlace de PIC-DP');
    // An officer cannot force it, so the message does not tell them to.
    expect(reply.rendered).not.toContain('forzar');
    expect(reply.rendered).toContain('pida a un administrador');
    expect(bot.auditCount()).toBe(audits);
    expect(tickOf('GUA-DP', 'youtube')).toBeUndefined();
    expect(bot.send('enlaces').rendered).toContain('`GUA-DP` Dirección Provincial del Guayas — falta');
  });

  it('tells an admin how to override, and `forzar=si` stores it for the second unit', () => {
    setUp();
    bot.send(`youtube PIC-DP ${VIDEO}`, { as: 'oficial-pic' });
    const refused = bot.send(`youtube GUA-DP ${VIDEO}`);
    expect(refused.rendered).toContain(
      '`/rendicion youtube GUA-DP https://www.youtube.com/watch?v=dQw4w9WgXcQ forzar=si`',
    );
    const forced = bot.send(`youtube GUA-DP ${VIDEO} forzar=si`);
    expect(forced.tone).toBe('success');
    expect(tickOf('GUA-DP', 'youtube')).toMatchObject({ source: 'evidence' });
    expect(bot.send('enlaces').rendered).toContain('2 de 4 enlaces reportados.');
  });

  it('refuses `forzar=si` from an officer', () => {
    setUp();
    bot.send(`youtube PIC-DP ${VIDEO}`, { as: 'oficial-pic' });
    const reply = bot.send(`youtube GUA-DP ${VIDEO} forzar=si`, { as: 'oficial.gua@ejemplo.gob.ec' });
    expect(reply.rendered).toContain('Solo un administrador puede registrar un video que ya tiene otra unidad');
    expect(tickOf('GUA-DP', 'youtube')).toBeUndefined();
  });

  it('refuses it as a replacement too, before asking to replace', () => {
    setUp();
    bot.send(`youtube PIC-DP ${VIDEO}`, { as: 'oficial-pic' });
    bot.send('youtube GUA-DP https://youtu.be/aaaaaaaaaaa', { as: 'oficial.gua@ejemplo.gob.ec' });
    const reply = bot.send(`youtube GUA-DP ${VIDEO}`, { as: 'oficial.gua@ejemplo.gob.ec' });
    expect(reply.rendered).toContain('Ese video ya es el enlace de PIC-DP');
    expect(reply.buttons).toBeUndefined();
  });
});
