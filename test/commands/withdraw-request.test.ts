import { afterEach, describe, expect, it } from 'vitest';
import type { CommandReply } from '../../commands/core/types.js';
import { findEventByUnit } from '../../db/queries/events.js';
import { findUnitByCode } from '../../db/queries/units.js';
import { createTestBot, type TestBot } from '../../testing/test-bot.js';

let bot: TestBot;
afterEach(() => bot.close());

/** Guayaquil is UTC−5 all year. */
const at = (day: string, localTime: string) => {
  const [hours, minutes] = localTime.split(':').map(Number) as [number, number];
  return new Date(Date.parse(`${day}T00:00:00Z`) + ((hours + 5) * 60 + minutes) * 60_000).toISOString();
};

function eventOf(unitCode: string) {
  const unit = findUnitByCode(bot.db, bot.campaign.id, unitCode);
  const event = unit && findEventByUnit(bot.db, unit.id);
  if (!event) throw new Error('no event');
  return event;
}

const reminderText = () =>
  JSON.stringify(
    bot
      .outbox()
      .filter((entry) => entry.targetType === 'user' && (entry.message as CommandReply).title?.startsWith('⏰'))
      .map((entry) => entry.message),
  );

describe('withdrawing a request', () => {
  it.each([
    ['video', 'showsVideo', 'video'],
    ['fotos', 'showsPhotos', 'video'],
    ['cultural', 'hasCulturalSegment', 'cultural'],
  ] as const)(
    'takes back what asking for %s set on the session: the approval step is no longer pending and no reminder nags',
    (kind, flag, step) => {
      bot = createTestBot({ now: at('2026-09-01', '09:00') });
      bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
      const asked = bot.send(`solicitar ${kind} PIC-DP "Material de 2 minutos"`, { as: 'oficial-pic' });
      expect(asked.rendered).toContain('Se anotó en la rendición que mostrará');
      expect(eventOf('PIC-DP')[flag]).toBe(true);
      expect(bot.send('estado PIC-DP').rendered).toMatch(new RegExp(`⏳ \`${step}\``));

      const withdrawn = bot.send('solicitud retirar 1', { as: 'oficial-pic' });
      expect(withdrawn.title).toBe('Solicitud #1 retirada');
      expect(withdrawn.rendered).toContain('su aprobación ya no está pendiente');
      expect(eventOf('PIC-DP')[flag]).toBe(false);
      expect(bot.send('estado PIC-DP').rendered).toMatch(new RegExp(`➖ \`${step}\`.* — no aplica`));

      // Past the approval's due time, the officer's reminder does not name it.
      bot.deliverOutbox();
      bot.clock.set(at('2026-09-13', '10:01'));
      bot.runScheduledWork();
      expect(reminderText()).toContain('`invitacion`');
      expect(reminderText()).not.toContain(`\`${step}\``);
    },
  );

  it('keeps a flag the officer set when registering', () => {
    bot = createTestBot({ now: at('2026-09-01', '09:00') });
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom video=si');
    bot.send('solicitar video PIC-DP "Video de 2 minutos"', { as: 'oficial-pic' });
    const withdrawn = bot.send('solicitud retirar 1', { as: 'oficial-pic' });
    expect(withdrawn.rendered).not.toContain('ya no está pendiente');
    expect(eventOf('PIC-DP').showsVideo).toBe(true);
  });

  it('keeps the flag while another request for the same material stands', () => {
    bot = createTestBot({ now: at('2026-09-01', '09:00') });
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    bot.send('solicitar video PIC-DP "Video de 2 minutos"', { as: 'oficial-pic' });
    bot.send('solicitud rechazar 1 "Muy largo"', { as: 'ana', roles: ['directorate'] });
    bot.send('solicitar video PIC-DP "Video de 1 minuto"', { as: 'oficial-pic' });
    // The resubmission carries the note its rejected predecessor set, so withdrawing it takes it back.
    bot.send('solicitud retirar 2', { as: 'oficial-pic' });
    expect(eventOf('PIC-DP').showsVideo).toBe(false);
  });
});

describe('a pending request asked again', () => {
  it('tells its requester how to withdraw it', () => {
    bot = createTestBot({ now: at('2026-09-01', '09:00') });
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    bot.send('solicitar video PIC-DP "Video"', { as: 'oficial-pic' });
    expect(bot.send('solicitar video PIC-DP "Otro"', { as: 'oficial-pic' }).rendered).toContain(
      '`/rendicion solicitud retirar 1`',
    );
  });

  it('does not tell the Directorate to withdraw a request someone else made', () => {
    bot = createTestBot({ now: at('2026-09-01', '09:00') });
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    bot.send('solicitar video PIC-DP "Video"', { as: 'oficial-pic' });
    const reply = bot.send('solicitar video PIC-DP "Otro"', { as: 'ana', roles: ['directorate'] });
    expect(reply.rendered).not.toContain('solicitud retirar');
    expect(reply.rendered).toContain('solo oficial-pic puede retirarla');
    expect(reply.rendered).toContain('`/rendicion solicitud 1`');
  });
});
