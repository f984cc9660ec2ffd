import { afterEach, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../../db/queries/audit.js';
import { findEventByUnit } from '../../db/queries/events.js';
import { listDoneSteps } from '../../db/queries/steps.js';
import { findUnitByCode } from '../../db/queries/units.js';
import { createTestBot, type TestBot } from '../../testing/test-bot.js';

let bot: TestBot;
afterEach(() => bot.close());

function eventOf(code: string) {
  const unit = findUnitByCode(bot.db, bot.campaign.id, code);
  if (!unit) throw new Error(`no unit ${code}`);
  return findEventByUnit(bot.db, unit.id);
}

describe('registrar', () => {
  it('registers a session inside the window, ticks the date step and audits both', () => {
    bot = createTestBot();
    const reply = bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    expect(reply.tone).toBe('success');
    expect(reply.title).toBe('Rendición registrada: PIC-DP');
    expect(reply.rendered).toContain('mar 15 sep, 10:00');
    expect(reply.rendered).toContain('Zoom');
    const event = eventOf('PIC-DP');
    expect(event?.startsAt.toISOString()).toBe('2026-09-15T15:00:00.000Z');
    expect(event?.platform).toBe('zoom');
    expect(listDoneSteps(bot.db, event?.id ?? 0).map((step) => step.stepId)).toEqual(['fecha']);
    expect(listAuditEntries(bot.db, { entity: 'event' }).map((entry) => entry.action)).toEqual([
      'step.done',
      'event.registered',
    ]);
  });

  it('points to the next step with its due date after registering', () => {
    bot = createTestBot();
    const reply = bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    expect(reply.rendered).toContain('Siguiente paso: Invitación digital enviada');
    expect(reply.rendered).toContain('vence sáb 12 sep, 10:00');
    expect(reply.rendered).toContain('`/rendicion marcar PIC-DP invitacion`');
  });

  it('accepts ISO dates, Ecuadorian times and the English alias', () => {
    bot = createTestBot();
    bot.send('register PIC-DP 2026-09-16 15h30 teams');
    expect(eventOf('PIC-DP')?.startsAt.toISOString()).toBe('2026-09-16T20:30:00.000Z');
  });

  it('accepts an hour written `10h` like `10h00`', () => {
    bot = createTestBot();
    const reply = bot.send('registrar PIC-DP 15/09/2026 10h zoom');
    expect(reply.tone).toBe('success');
    expect(reply.rendered).toContain('mar 15 sep, 10:00');
    expect(eventOf('PIC-DP')?.startsAt.toISOString()).toBe('2026-09-15T15:00:00.000Z');
  });

  it('reads `mañana`, `pasado mañana` and a weekday from the day it is where the unit is', () => {
    bot = createTestBot({ now: '2026-09-14T20:00:00Z' });
    bot.send('registrar PIC-DP mañana 10:00 zoom');
    expect(eventOf('PIC-DP')?.startsAt.toISOString()).toBe('2026-09-15T15:00:00.000Z');
    const reply = bot.send('registrar PIC-H1 pasado mañana 10h teams');
    expect(reply.rendered).toContain('mié 16 sep, 10:00');
    expect(eventOf('PIC-H1')?.startsAt.toISOString()).toBe('2026-09-16T15:00:00.000Z');
    // Monday 14 September: `viernes` is Friday 18.
    bot.send('registrar GUA-DP viernes 9:30 meet');
    expect(eventOf('GUA-DP')?.startsAt.toISOString()).toBe('2026-09-18T14:30:00.000Z');
  });

  it('stores the options: room with spaces, e-mail, attendance, material and cultural segment', () => {
    bot = createTestBot();
    bot.send(
      'registrar PIC-DP 15/09/2026 10:00 meet sala="Auditorio principal" correo=Preguntas@Ejemplo.gob.ec asistentes=120 fotos=si cultural=sí',
    );
    const event = eventOf('PIC-DP');
    expect(event).toMatchObject({
      room: 'Auditorio principal',
      questionsEmail: 'preguntas@ejemplo.gob.ec',
      expectedAttendance: 120,
      showsVideo: false,
      showsPhotos: true,
      hasCulturalSegment: true,
    });
    expect(
      listDoneSteps(bot.db, event?.id ?? 0)
        .map((step) => step.stepId)
        .sort(),
    ).toEqual(['correo', 'fecha', 'publico']);
  });

  it('accepts Facebook with the memo warning', () => {
    bot = createTestBot();
    const reply = bot.send('registrar PIC-DP 15/09/2026 10:00 facebook');
    expect(reply.tone).toBe('warning');
    expect(reply.rendered).toContain('El memorando recomienda no usar Facebook');
    expect(eventOf('PIC-DP')?.platform).toBe('facebook');
  });

  it('reschedules a registered session and keeps before and after in the audit log', () => {
    bot = createTestBot();
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    const reply = bot.send('registrar PIC-DP 17/09/2026 11:00 zoom');
    expect(reply.title).toBe('Rendición actualizada: PIC-DP');
    expect(reply.rendered).toContain('Reprogramada: antes era el mar 15 sep, 10:00.');
    const [update] = listAuditEntries(bot.db, { entity: 'event' });
    expect(update?.action).toBe('event.updated');
    expect(update?.before).toMatchObject({ startsAt: '2026-09-15T15:00:00.000Z' });
    expect(update?.after).toMatchObject({ startsAt: '2026-09-17T16:00:00.000Z' });
  });

  it('changes nothing when the same registration arrives twice', () => {
    bot = createTestBot();
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    const audits = bot.auditCount();
    const reply = bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    expect(reply.title).toBe('Sin cambios: PIC-DP ya estaba registrada así');
    expect(bot.auditCount()).toBe(audits);
  });

  it('updates only the options of a registered session when no date is given', () => {
    bot = createTestBot();
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom video=si');
    bot.send('registrar PIC-DP correo=preguntas@ejemplo.gob.ec');
    const event = eventOf('PIC-DP');
    expect(event).toMatchObject({ platform: 'zoom', showsVideo: true, questionsEmail: 'preguntas@ejemplo.gob.ec' });
    expect(listDoneSteps(bot.db, event?.id ?? 0).map((step) => step.stepId)).toContain('correo');
  });

  it('asks for date, time and platform when an unregistered unit gives only options', () => {
    bot = createTestBot();
    const reply = bot.send('registrar PIC-DP correo=preguntas@ejemplo.gob.ec');
    expect(reply.tone).toBe('error');
    expect(reply.rendered).toContain('Falta la fecha, la hora y la plataforma de una rendición nueva');
    expect(eventOf('PIC-DP')).toBeUndefined();
  });

  it.each([
    ['an impossible date', 'registrar PIC-DP 31/02/2026 10:00 zoom', '`31/02/2026` no es una fecha válida'],
    ['an impossible time', 'registrar PIC-DP 15/09/2026 25:00 zoom', '`25:00` no es una hora válida'],
    [
      'a date outside the window',
      'registrar PIC-DP 30/09/2026 10:00 zoom',
      'está fuera de la campaña (del sáb 12 sep 2026 al sáb 26 sep 2026)',
    ],
    ['an unknown platform', 'registrar PIC-DP 15/09/2026 10:00 skype', 'No conozco la plataforma `skype`'],
    [
      'a bad e-mail',
      'registrar PIC-DP 15/09/2026 10:00 zoom correo=preguntas',
      '`preguntas` no parece un correo válido',
    ],
    ['an unknown unit', 'registrar PIC-D 15/09/2026 10:00 zoom', '¿Quiso decir `PIC-DP`?'],
    ['a missing time', 'registrar PIC-DP 15/09/2026', 'Falta la hora'],
    ['a missing unit', 'registrar', 'Falta el código de la unidad'],
    [
      'an unknown option',
      'registrar PIC-DP 15/09/2026 10:00 zoom color=rojo',
      'La opción `color` no existe en `registrar`',
    ],
    ['a bad yes/no value', 'registrar PIC-DP 15/09/2026 10:00 zoom video=quizas', 'escriba `video=si` o `video=no`'],
    ['an extra word', 'registrar PIC-DP 15/09/2026 10:00 zoom Auditorio', 'Sobra `Auditorio`'],
    ['an unclosed quote', 'registrar PIC-DP 15/09/2026 10:00 zoom sala="Auditorio', 'Falta cerrar unas comillas'],
  ])('refuses %s with a Spanish sentence and stores nothing', (_case, text, message) => {
    bot = createTestBot();
    const audits = bot.auditCount();
    const reply = bot.send(text);
    expect(reply.tone).toBe('error');
    expect(reply.visibility).toBe('private');
    expect(reply.rendered).toContain(message);
    expect(eventOf('PIC-DP')).toBeUndefined();
    expect(bot.auditCount()).toBe(audits);
  });

  it('refuses a time that has already passed', () => {
    bot = createTestBot({ now: '2026-09-15T18:00:00Z' });
    const reply = bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    expect(reply.rendered).toContain('El mar 15 sep, 10:00 ya pasó');
    expect(eventOf('PIC-DP')).toBeUndefined();
  });

  it('lets an admin force a date outside the window and says so', () => {
    bot = createTestBot();
    const reply = bot.send('registrar PIC-DP 30/09/2026 10:00 zoom forzar=si');
    expect(reply.tone).toBe('success');
    expect(reply.rendered).toContain('Registrada fuera del periodo de la campaña');
    expect(eventOf('PIC-DP')?.startsAt.toISOString()).toBe('2026-09-30T15:00:00.000Z');
  });

  it('does not let an officer force a date outside the window', () => {
    bot = createTestBot();
    const reply = bot.send('registrar PIC-DP 30/09/2026 10:00 zoom forzar=si', { as: 'oficial-pic' });
    expect(reply.rendered).toContain('Solo un administrador puede registrar fuera del periodo');
    expect(eventOf('PIC-DP')).toBeUndefined();
  });

  it("lets the roster's officer register their own unit", () => {
    bot = createTestBot();
    const reply = bot.send('registrar PIC-H1 15/09/2026 10:00 zoom', { as: 'oficial-pic' });
    expect(reply.tone).toBe('success');
    expect(eventOf('PIC-H1')?.registeredBy).toBe('oficial-pic');
  });

  it('recognises an officer named in the roster by e-mail', () => {
    bot = createTestBot();
    const reply = bot.send('registrar GUA-DP 15/09/2026 10:00 zoom', {
      as: 'U999',
      email: 'oficial.gua@ejemplo.gob.ec',
    });
    expect(reply.tone).toBe('success');
  });

  it("refuses an officer who changes another unit's session", () => {
    bot = createTestBot();
    const reply = bot.send('registrar GUA-DP 15/09/2026 10:00 zoom', { as: 'oficial-pic' });
    expect(reply.rendered).toContain('Usted no es responsable de GUA-DP');
    expect(eventOf('GUA-DP')).toBeUndefined();
  });

  it('refuses a user without a role and says who can register', () => {
    bot = createTestBot();
    const audits = bot.auditCount();
    const reply = bot.send('registrar PIC-DP 15/09/2026 10:00 zoom', { as: 'ciudadano' });
    expect(reply.rendered).toContain(
      'Solo el responsable de una unidad, la Dirección o un administrador puede usar `registrar`',
    );
    expect(bot.auditCount()).toBe(audits);
  });

  it('acts once when the platform delivers the same request twice', () => {
    bot = createTestBot();
    const first = bot.send('registrar PIC-DP 15/09/2026 10:00 zoom', { idempotencyKey: 'slack-trigger-1' });
    const audits = bot.auditCount();
    bot.clock.advanceHours(1);
    const second = bot.send('registrar PIC-DP 15/09/2026 10:00 zoom', { idempotencyKey: 'slack-trigger-1' });
    expect(second.title).toBe(first.title);
    expect(second.title).toBe('Rendición registrada: PIC-DP');
    expect(bot.auditCount()).toBe(audits);
  });

  it('answers in English when the request asks for it', () => {
    bot = createTestBot();
    const reply = bot.send('register PIC-DP 15/09/2026 10:00 zoom', { locale: 'en' });
    expect(reply.title).toBe('Session registered: PIC-DP');
    expect(reply.rendered).toContain('Tue, Sep 15, 10:00');
  });
});
