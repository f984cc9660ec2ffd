import { afterEach, describe, expect, it } from 'vitest';
import { listEventsWithUnits } from '../../db/queries/events.js';
import { BEFORE_WINDOW, createTestBot, TEST_ROSTER, type TestBot } from '../../testing/test-bot.js';

let bot: TestBot;
afterEach(() => bot.close());

const ROSTER = `${TEST_ROSTER}PIC-H2,Hospital Carlos Andrade Marín,Pichincha,hospital,oficial-cam
GUA-H1,Hospital Teodoro Maldonado,Guayas,hospital,oficial-tmc
`;

const registeredUnits = () =>
  listEventsWithUnits(bot.db, bot.campaign.id)
    .map(({ unit }) => unit.code)
    .sort();

describe('registering two sessions at the same time', () => {
  it('warns, without refusing, when the same officer has another session at that time', () => {
    bot = createTestBot({ now: BEFORE_WINDOW, roster: ROSTER });
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom', { as: 'oficial-pic' });
    const reply = bot.send('registrar PIC-H1 15/09/2026 11:00 zoom', { as: 'oficial-pic' });
    expect(reply.title).toBe('Rendición registrada: PIC-H1');
    expect(reply.tone).toBe('warning');
    expect(reply.rendered).toContain(
      '⚠️ A la misma hora: la rendición de PIC-DP (mar 15 sep, 10:00) tiene el mismo responsable, oficial-pic. Se registró igual',
    );
    expect(registeredUnits()).toEqual(['PIC-DP', 'PIC-H1']);
  });

  it('says nothing when the sessions are two hours apart or more', () => {
    bot = createTestBot({ now: BEFORE_WINDOW, roster: ROSTER });
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom', { as: 'oficial-pic' });
    const reply = bot.send('registrar PIC-H1 15/09/2026 12:00 zoom', { as: 'oficial-pic' });
    expect(reply.tone).toBe('success');
    expect(reply.rendered).not.toContain('A la misma hora');
  });

  it('warns when two units of a province use the same room at that time, whatever the case and accents', () => {
    bot = createTestBot({ now: BEFORE_WINDOW, roster: ROSTER });
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom sala="Auditorio Simón Bolívar"', { as: 'oficial-pic' });
    const reply = bot.send('registrar PIC-H2 15/09/2026 10:30 teams sala="auditorio  simon bolivar"');
    expect(reply.tone).toBe('warning');
    expect(reply.rendered).toContain(
      '⚠️ A la misma hora: la rendición de PIC-DP (mar 15 sep, 10:00) usa la misma sala, «auditorio simon bolivar».',
    );
    expect(registeredUnits()).toEqual(['PIC-DP', 'PIC-H2']);
  });

  it('does not take a room of the same name in another province for the same room', () => {
    bot = createTestBot({ now: BEFORE_WINDOW, roster: ROSTER });
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom sala="Auditorio"');
    const reply = bot.send('registrar GUA-H1 15/09/2026 10:00 zoom sala="Auditorio"');
    expect(reply.tone).toBe('success');
    expect(reply.rendered).not.toContain('A la misma hora');
  });

  it('warns again when a session is moved onto another one', () => {
    bot = createTestBot({ now: BEFORE_WINDOW, roster: ROSTER });
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    bot.send('registrar PIC-H1 16/09/2026 10:00 zoom');
    const moved = bot.send('registrar PIC-H1 15/09/2026 09:30 zoom');
    expect(moved.rendered).toContain('la rendición de PIC-DP (mar 15 sep, 10:00) tiene el mismo responsable');
  });
});
