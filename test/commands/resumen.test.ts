import { afterEach, describe, expect, it } from 'vitest';
import { findEventByUnit } from '../../db/queries/events.js';
import { findUnitByCode } from '../../db/queries/units.js';
import { approvalRequests } from '../../db/schema.js';
import { createTestBot, type TestBot } from '../helpers/test-bot.js';

let bot: TestBot;
afterEach(() => bot.close());

const BIG_ROSTER = [
  'codigo,nombre,provincia,tipo,responsable',
  ...Array.from(
    { length: 13 },
    (_, index) => `U${String(index + 1).padStart(2, '0')},Unidad ${index + 1},Azuay,hospital,`,
  ),
].join('\n');

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
});
