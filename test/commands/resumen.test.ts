import { afterEach, describe, expect, it } from 'vitest';
import { findEventByUnit } from '../../db/queries/events.js';
import { findUnitByCode } from '../../db/queries/units.js';
import { approvalRequests } from '../../db/schema.js';
import { createTestBot, type TestBot } from '../../testing/test-bot.js';

let bot: TestBot;
afterEach(() => bot.close());

const rosterOf = (count: number) =>
  [
    'codigo,nombre,provincia,tipo,responsable',
    ...Array.from(
      { length: count },
      (_, index) => `U${String(index + 1).padStart(2, '0')},Unidad ${index + 1},Azuay,hospital,`,
    ),
  ].join('\n');

const BIG_ROSTER = rosterOf(13);

describe('resumen', () => {
  it("lists today's and tomorrow's sessions in time order with their platforms", () => {
    bot = createTestBot();
    bot.send('registrar GUA-DP 15/09/2026 15:00 teams');
    bot.send('registrar PIC-DP 15/09/2026 09:30 zoom');
    bot.send('registrar MAN-DP 16/09/2026 11:00 youtube');
    bot.clock.set('2026-09-15T12:00:00Z');
    const reply = bot.send('resumen');
    expect(reply.visibility).toBe('public');
    const today = reply.rendered.split('Hoy, mar 15 sep:')[1]?.split('Mañana')[0] ?? '';
    expect(
      today
        .trim()
        .split('\n')
        .map((line) => line.trim()),
    ).toEqual([
      '• 09:30 · `PIC-DP` Dirección Provincial de Pichincha · Zoom',
      '• 15:00 · `GUA-DP` Dirección Provincial del Guayas · Microsoft Teams',
    ]);
    expect(reply.rendered).toContain(
      'Mañana, mié 16 sep:\n  • 11:00 · `MAN-DP` Dirección Provincial de Manabí · YouTube Live',
    );
  });

  it('counts held sessions once their start has passed', () => {
    bot = createTestBot();
    bot.send('registrar PIC-DP 15/09/2026 09:30 zoom');
    bot.clock.set('2026-09-15T15:00:00Z');
    expect(bot.send('resumen').rendered).toContain('Realizadas:              1/4');
  });

  it('lists pending approvals with their age', () => {
    bot = createTestBot();
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom video=si');
    const unit = findUnitByCode(bot.db, bot.campaign.id, 'PIC-DP');
    const event = unit && findEventByUnit(bot.db, unit.id);
    bot.db.orm
      .insert(approvalRequests)
      .values({
        eventId: event?.id ?? 0,
        kind: 'video',
        description: 'Video institucional',
        requestedBy: 'oficial-pic',
        requestedAt: new Date('2026-09-01T14:00:00Z'),
      })
      .run();
    bot.clock.set('2026-09-02T17:00:00Z');
    expect(bot.send('resumen').rendered).toContain('#1 video · `PIC-DP` · hace 1 d 3 h');
  });

  it('bounds the overdue list and counts the rest', () => {
    bot = createTestBot({ roster: BIG_ROSTER });
    for (let index = 1; index <= 13; index += 1) {
      bot.send(`registrar U${String(index).padStart(2, '0')} 13/09/2026 10:00 zoom`);
    }
    bot.clock.set('2026-09-13T12:00:00Z');
    const reply = bot.send('resumen');
    expect(reply.rendered.match(/: 9 atrasados/g)).toHaveLength(10);
    expect(reply.rendered).toContain('… y 3 unidades más con atrasos.');
  });

  it('marks the demo campaign as fictitious data', () => {
    bot = createTestBot();
    bot.db.sqlite.prepare('UPDATE campaigns SET is_demo = 1').run();
    expect(bot.send('resumen').rendered).toContain('Campaña de demostración: los datos son ficticios.');
  });

  it("lists 25 of a day's sessions, says how many more and which command pages through them", () => {
    bot = createTestBot({ roster: rosterOf(27) });
    for (let index = 0; index < 27; index += 1) {
      const time = `${String(8 + Math.floor(index / 4)).padStart(2, '0')}:${String((index % 4) * 15).padStart(2, '0')}`;
      bot.send(`registrar U${String(index + 1).padStart(2, '0')} 15/09/2026 ${time} zoom`);
    }
    bot.clock.set('2026-09-15T12:00:00Z');
    const today = bot.send('resumen').rendered.split('Hoy, mar 15 sep:\n')[1]?.split('Mañana')[0] ?? '';
    const lines = today.trim().split('\n');
    expect(lines).toHaveLength(26);
    expect(lines[24]).toContain('14:00 · `U25` Unidad 25 · Zoom');
    expect(lines[25]?.trim()).toBe('• … y 2 sesiones más; para verlas escriba `/rendicion resumen hoy 2`.');

    const page = bot.send('resumen hoy 2');
    expect(page.title).toBe('Sesiones · Hoy, mar 15 sep');
    expect(page.rendered).toContain('Página 2 de 2: 26–27 de 27.');
    expect(page.rendered).toContain('• 14:15 · `U26` Unidad 26 · Zoom\n  • 14:30 · `U27` Unidad 27 · Zoom');
    expect(page.rendered).not.toContain('más;');
    expect(bot.send('summary today', { locale: 'en' }).rendered).toContain(
      '• … and 2 more sessions; to see them type `/rendicion summary today 2`.',
    );
    expect(bot.send('resumen hoy 3').rendered).toContain('La página 3 no existe: la lista tiene 2 páginas.');
    expect(bot.send('resumen mañana').rendered).toContain('Sin sesiones.');
  });

  it('lists 25 pending approvals and points to the page of solicitudes with the rest', () => {
    bot = createTestBot();
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom video=si');
    const unit = findUnitByCode(bot.db, bot.campaign.id, 'PIC-DP');
    const event = unit && findEventByUnit(bot.db, unit.id);
    for (let index = 0; index < 27; index += 1) {
      bot.db.orm
        .insert(approvalRequests)
        .values({
          eventId: event?.id ?? 0,
          kind: 'video',
          description: `Video ${index + 1}`,
          requestedBy: 'oficial-pic',
          requestedAt: new Date(Date.parse('2026-09-01T10:00:00Z') + index * 60_000),
        })
        .run();
    }
    const summary = bot.send('resumen').rendered;
    expect(summary).toContain('#25 video · `PIC-DP`');
    expect(summary).not.toContain('#26 video');
    expect(summary).toContain(
      '• … y 2 aprobaciones pendientes más; para verlas escriba `/rendicion solicitudes pendientes 2`.',
    );
    const list = bot.send('solicitudes').rendered;
    expect(list).toContain('• … y 2 más; para verlas escriba `/rendicion solicitudes pendientes 2`.');
    const page = bot.send('solicitudes pendientes 2').rendered;
    expect(page).toContain('Página 2 de 2: 26–27 de 27.');
    expect(page).toContain('#26 video');
    expect(page).toContain('#27 video');
    expect(page).not.toContain('#25 video');
    expect(bot.send('solicitudes todas 2').rendered).toContain('#1 video');
    expect(bot.send('solicitudes pendientes x').rendered).toContain('`x` no es un número de página.');
  });
});
