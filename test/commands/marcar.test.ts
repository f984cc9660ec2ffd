import { afterEach, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../../db/queries/audit.js';
import { findEventByUnit } from '../../db/queries/events.js';
import { listDoneSteps } from '../../db/queries/steps.js';
import { findUnitByCode } from '../../db/queries/units.js';
import { createTestBot, type TestBot } from '../../testing/test-bot.js';

let bot: TestBot;
afterEach(() => bot.close());

function doneStepsOf(code: string): string[] {
  const unit = findUnitByCode(bot.db, bot.campaign.id, code);
  const event = unit && findEventByUnit(bot.db, unit.id);
  return event ? listDoneSteps(bot.db, event.id).map((step) => `${step.stepId}:${step.doneBy}`) : [];
}

function registered(options: { video?: boolean } = {}): TestBot {
  bot = createTestBot();
  bot.send(`registrar PIC-DP 15/09/2026 10:00 zoom${options.video ? ' video=si' : ''}`);
  return bot;
}

describe('marcar', () => {
  it('ticks a step, records who and when, and shows the unit progress', () => {
    registered();
    const reply = bot.send('marcar PIC-DP invitacion', { as: 'oficial-pic' });
    expect(reply.title).toBe('✅ Marcado: Invitación digital enviada (indica el medio)');
    expect(reply.rendered).toContain('PIC-DP · Dirección Provincial de Pichincha (2/18)');
    expect(doneStepsOf('PIC-DP')).toContain('invitacion:oficial-pic');
    const [entry] = listAuditEntries(bot.db, { entity: 'event' });
    expect(entry).toMatchObject({
      action: 'step.done',
      actor: 'oficial-pic',
      after: { step: 'invitacion', done: true },
    });
  });

  it('accepts the step id with capitals and accents', () => {
    registered();
    bot.send('marcar pic-dp INVITACIÓN');
    expect(doneStepsOf('PIC-DP')).toContain('invitacion:admin-1');
  });

  it('says who ticked it first when the step is ticked again, and changes nothing', () => {
    registered();
    bot.send('marcar PIC-DP sala', { as: 'oficial-pic' });
    const audits = bot.auditCount();
    const reply = bot.send('marcar PIC-DP sala');
    // Not "Marcado": this press marked nothing.
    expect(reply.title).toBe('Ya estaba marcado: Sala adecuada, con normas de bioseguridad');
    expect(reply.rendered).not.toContain('✅ Marcado');
    expect(reply.rendered).toContain('Ya estaba marcado por oficial-pic el mar 1 sep, 09:00');
    expect(bot.auditCount()).toBe(audits);
    expect(doneStepsOf('PIC-DP')).toContain('sala:oficial-pic');
  });

  it('unticks a step with `no` and keeps the history in the audit log', () => {
    registered();
    bot.send('marcar PIC-DP sala');
    const reply = bot.send('marcar PIC-DP sala no');
    expect(reply.title).toBe('Desmarcado: Sala adecuada, con normas de bioseguridad');
    expect(doneStepsOf('PIC-DP')).not.toContain('sala:admin-1');
    const [entry] = listAuditEntries(bot.db, { entity: 'event' });
    expect(entry).toMatchObject({ action: 'step.undone', before: { step: 'sala', done: true, doneBy: 'admin-1' } });
  });

  it('says so when unticking a step that was not ticked', () => {
    registered();
    const audits = bot.auditCount();
    expect(bot.send('marcar PIC-DP sala no').rendered).toContain('Ese paso no estaba marcado');
    expect(bot.auditCount()).toBe(audits);
  });

  it('suggests the closest step for a typo and stores nothing', () => {
    registered();
    const audits = bot.auditCount();
    const reply = bot.send('marcar PIC-DP invitcion');
    expect(reply.rendered).toContain('No existe el paso `invitcion`. ¿Quiso decir `invitacion`?');
    expect(bot.auditCount()).toBe(audits);
  });

  it('refuses the video approval for a session that shows no video or photos', () => {
    registered();
    const reply = bot.send('marcar PIC-DP video');
    expect(reply.rendered).toContain('El paso `video` no aplica a PIC-DP');
    expect(reply.rendered).toContain('`/rendicion registrar PIC-DP video=si`');
  });

  it('ticks the video approval for a session that shows a video', () => {
    registered({ video: true });
    bot.send('marcar PIC-DP video');
    expect(doneStepsOf('PIC-DP')).toContain('video:admin-1');
  });

  it('sends the questions e-mail step to registrar instead of ticking it by hand', () => {
    registered();
    const reply = bot.send('marcar PIC-DP correo');
    expect(reply.rendered).toContain('`/rendicion registrar PIC-DP correo=preguntas@ejemplo.gob.ec`');
    expect(doneStepsOf('PIC-DP')).not.toContain('correo:admin-1');
  });

  it('asks to register first when the unit has no session', () => {
    bot = createTestBot();
    const reply = bot.send('marcar GUA-DP invitacion');
    expect(reply.rendered).toContain(
      'GUA-DP aún no registra su rendición. Regístrela primero: `/rendicion registrar GUA-DP 12/09/2026 10:00 zoom`',
    );
  });

  it("refuses an officer ticking another unit's step", () => {
    bot = createTestBot();
    bot.send('registrar GUA-DP 15/09/2026 10:00 zoom');
    const reply = bot.send('marcar GUA-DP invitacion', { as: 'oficial-pic' });
    expect(reply.rendered).toContain('Usted no es responsable de GUA-DP');
    expect(doneStepsOf('GUA-DP')).toEqual(['fecha:admin-1']);
  });

  it('ticks the step a button from `estado` carries', () => {
    registered();
    const status = bot.send('estado PIC-DP', { as: 'oficial-pic' });
    const button = status.buttons?.[0];
    expect(button?.label).toBe('Marcar invitación');
    if (!button) throw new Error('no button');
    const reply = bot.press(button, { as: 'oficial-pic' });
    expect(reply.title).toBe('✅ Marcado: Invitación digital enviada (indica el medio)');
    expect(doneStepsOf('PIC-DP')).toContain('invitacion:oficial-pic');
  });

  it('refuses a button press from someone who may not change the unit', () => {
    registered();
    const button = bot.send('estado PIC-DP').buttons?.[0];
    if (!button) throw new Error('no button');
    const reply = bot.press(button, { as: 'oficial.gua@ejemplo.gob.ec' });
    expect(reply.tone).toBe('error');
    expect(doneStepsOf('PIC-DP')).toEqual(['fecha:admin-1']);
  });

  it('answers a forged button payload with a clear message', () => {
    registered();
    const reply = bot.press({ label: 'x', actionId: 'marcar.tick', payload: '{not json' });
    expect(reply.rendered).toContain('Este botón ya no es válido');
  });
});
