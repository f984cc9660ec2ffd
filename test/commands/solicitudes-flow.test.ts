import { afterEach, describe, expect, it } from 'vitest';
import type { CommandReply, ReplyButton } from '../../commands/core/types.js';
import { findApprovalRequestById } from '../../db/queries/approvals.js';
import { listAuditEntries } from '../../db/queries/audit.js';
import { findEventByUnit } from '../../db/queries/events.js';
import { listDoneSteps } from '../../db/queries/steps.js';
import { findUnitByCode } from '../../db/queries/units.js';
import { createTestBot, type TestBot } from '../../testing/test-bot.js';

let bot: TestBot;
afterEach(() => bot.close());

const DIRECTOR = 'dir-ana';
const SECOND_DIRECTOR = 'dir-luis';

/** A campaign where PIC-DP's session is on 15 September at 10:00 and two people are the Directorate. */
function setUp(): TestBot {
  bot = createTestBot();
  bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
  bot.send(`rol ${DIRECTOR} direccion`);
  bot.send(`rol ${SECOND_DIRECTOR} direccion`);
  bot.deliverOutbox();
  return bot;
}

function askForVideo(description = 'Video institucional de 3 minutos') {
  return bot.send(`solicitar video PIC-DP "${description}" https://drive.example.org/v/1`, { as: 'oficial-pic' });
}

/** What the approvals flow queued: the approvals channel and the requests' direct messages. */
function approvalMessages() {
  return bot.outbox().filter((entry) => /[Ss]olicitud #/.test(JSON.stringify(entry.message)));
}

function cardButtons(): ReplyButton[] {
  const card = bot.outbox().find((entry) => entry.cardKey?.startsWith('approval:') && entry.action === 'post');
  return (card?.message as CommandReply | undefined)?.buttons ?? [];
}

function button(label: 'Aprobar' | 'Rechazar'): ReplyButton {
  const found = cardButtons().find((candidate) => candidate.label === label);
  if (!found) throw new Error(`no ${label} button on the card`);
  return found;
}

function doneSteps(): string[] {
  const unit = findUnitByCode(bot.db, bot.campaign.id, 'PIC-DP');
  const event = unit && findEventByUnit(bot.db, unit.id);
  return event ? listDoneSteps(bot.db, event.id).map((step) => step.stepId) : [];
}

describe('solicitar', () => {
  it('stores the request and posts a card with every fact and both buttons to the approvals channel', () => {
    setUp();
    const reply = askForVideo();
    expect(reply.title).toBe('Solicitud #1 enviada a la Dirección');
    expect(reply.visibility).toBe('private');
    const [card] = bot.outbox();
    expect(card).toMatchObject({ targetType: 'channel', target: 'approvals', action: 'post', cardKey: 'approval:1' });
    const message = card?.message as CommandReply;
    expect(message.title).toBe('Solicitud #1: video · PIC-DP');
    const fields = message.blocks.find((block) => block.type === 'fields');
    expect(fields).toMatchObject({
      fields: [
        { label: 'Unidad', value: 'PIC-DP · Dirección Provincial de Pichincha' },
        { label: 'Provincia', value: 'Pichincha' },
        { label: 'Rendición', value: 'mar 15 sep, 10:00' },
        { label: 'Tipo', value: 'video' },
        { label: 'Descripción', value: 'Video institucional de 3 minutos' },
        { label: 'Enlace', value: 'https://drive.example.org/v/1' },
        { label: 'Solicitado por', value: 'oficial-pic' },
        { label: 'Solicitado', value: 'mar 1 sep, 09:00' },
      ],
    });
    expect(message.buttons?.map((candidate) => candidate.label)).toEqual(['Aprobar', 'Rechazar']);
    expect(findApprovalRequestById(bot.db, 1)).toMatchObject({ state: 'pending', requestedBy: 'oficial-pic' });
  });

  it('marks the session as showing a video, so the approval step applies', () => {
    setUp();
    expect(askForVideo().rendered).toContain('Se anotó en la rendición que mostrará video.');
    expect(bot.send('estado PIC-DP').rendered).toMatch(/⏳ `video` Video o fotos aprobados por la Dirección/);
  });

  it('refuses a second pending request of the same kind, so a double submission stores one', () => {
    setUp();
    askForVideo();
    const reply = askForVideo('Otro video');
    expect(reply.rendered).toContain('PIC-DP ya tiene pendiente la solicitud #1 de video');
    expect(findApprovalRequestById(bot.db, 2)).toBeUndefined();
  });

  it.each([
    ['an unknown kind', 'solicitar musica PIC-DP "Banda"', 'No conozco el tipo `musica`'],
    ['a missing description', 'solicitar video PIC-DP', 'Falta la descripción entre comillas'],
    ['a bad link', 'solicitar video PIC-DP "Video" ftp://x', '`ftp://x` no es un enlace válido'],
    ['an unregistered unit', 'solicitar video PIC-H1 "Video"', 'PIC-H1 aún no registra su rendición'],
    ["another officer's unit", 'solicitar video GUA-DP "Video"', 'Usted no es responsable de GUA-DP'],
  ])('refuses %s and stores nothing', (_case, text, message) => {
    setUp();
    const audits = bot.auditCount();
    const reply = bot.send(text, { as: 'oficial-pic' });
    expect(reply.rendered).toContain(message);
    expect(bot.auditCount()).toBe(audits);
    expect(bot.outbox()).toEqual([]);
  });

  it('refuses a request once the session has started', () => {
    setUp();
    bot.clock.set('2026-09-15T15:00:00Z');
    expect(askForVideo().rendered).toContain('La rendición de PIC-DP empezó el mar 15 sep, 10:00');
  });
});

describe('deciding a request', () => {
  it('approves with the button: records the decision, ticks the step, tells the requester and updates the card', () => {
    setUp();
    askForVideo();
    const reply = bot.press(button('Aprobar'), { as: DIRECTOR });
    expect(reply.title).toBe('Solicitud #1 aprobada');
    expect(reply.rendered).toContain('Se marcó el paso: Video o fotos aprobados por la Dirección.');
    expect(findApprovalRequestById(bot.db, 1)).toMatchObject({ state: 'approved', decidedBy: DIRECTOR });
    expect(doneSteps()).toContain('video');
    const [, direct, update] = bot.outbox();
    expect(direct).toMatchObject({ targetType: 'user', target: 'oficial-pic', fallbackChannelId: null });
    expect((direct?.message as CommandReply | undefined)?.blocks[0]).toEqual({
      type: 'text',
      text: '✅ Su solicitud #1 (video, PIC-DP) fue aprobada por dir-ana.',
    });
    expect(update).toMatchObject({ action: 'update', cardKey: 'approval:1', target: 'approvals' });
    const updated = update?.message as CommandReply;
    expect(updated.buttons).toBeUndefined();
    expect(JSON.stringify(updated.blocks)).toContain('✅ Aprobada por dir-ana el mar 1 sep, 09:00.');
  });

  it('rejects only with a reason, which the card and the requester both show', () => {
    setUp();
    askForVideo();
    const withoutReason = bot.press(button('Rechazar'), { as: DIRECTOR, input: '   ' });
    expect(withoutReason.rendered).toContain('Para rechazar hay que dar el motivo');
    expect(findApprovalRequestById(bot.db, 1)?.state).toBe('pending');
    bot.press(button('Rechazar'), { as: DIRECTOR, input: 'El video supera los 3 minutos' });
    expect(findApprovalRequestById(bot.db, 1)).toMatchObject({
      state: 'rejected',
      decisionReason: 'El video supera los 3 minutos',
    });
    expect(doneSteps()).not.toContain('video');
    const texts = bot.outbox().map((entry) => JSON.stringify(entry.message));
    expect(texts.some((text) => text.includes('fue rechazada por dir-ana: «El video supera los 3 minutos»'))).toBe(
      true,
    );
    expect(texts.some((text) => text.includes('❌ Rechazada por dir-ana el mar 1 sep, 09:00'))).toBe(true);
  });

  it('also decides by command, with an unquoted reason', () => {
    setUp();
    askForVideo();
    bot.send('solicitud rechazar 1 dura más de tres minutos', { as: DIRECTOR });
    expect(findApprovalRequestById(bot.db, 1)?.decisionReason).toBe('dura más de tres minutos');
  });

  it('records one decision for a double click and tells the second click who decided', () => {
    setUp();
    askForVideo();
    bot.press(button('Aprobar'), { as: DIRECTOR });
    const audits = bot.auditCount();
    const second = bot.press(button('Aprobar'), { as: SECOND_DIRECTOR });
    expect(second.rendered).toContain(
      'La solicitud #1 ya está aprobada (dir-ana, mar 1 sep, 09:00). No se cambió nada.',
    );
    expect(bot.auditCount()).toBe(audits);
    expect(
      listAuditEntries(bot.db, { entity: 'approval_request', entityId: '1' }).map((entry) => entry.action),
    ).toEqual(['approval.approved', 'approval.requested']);
  });

  it('answers a click on a rejected card with its state, even a click to approve', () => {
    setUp();
    askForVideo();
    bot.send('solicitud rechazar 1 "Muy largo"', { as: DIRECTOR });
    const reply = bot.press(button('Aprobar'), { as: SECOND_DIRECTOR });
    expect(reply.rendered).toContain('ya está rechazada');
    expect(findApprovalRequestById(bot.db, 1)?.state).toBe('rejected');
  });

  it('tells an officer who presses a button that only the Directorate decides, and changes nothing', () => {
    setUp();
    askForVideo();
    const audits = bot.auditCount();
    const reply = bot.press(button('Aprobar'), { as: 'oficial.gua@ejemplo.gob.ec' });
    expect(reply.visibility).toBe('private');
    expect(reply.rendered).toContain('Solo la Dirección puede decidir la solicitud #1. No se cambió nada.');
    expect(bot.auditCount()).toBe(audits);
    expect(findApprovalRequestById(bot.db, 1)?.state).toBe('pending');
  });

  it('does not let anyone approve their own request, even with the Directorate role', () => {
    setUp();
    bot.send(`solicitar cultural PIC-DP "Danza folclórica"`, { as: DIRECTOR });
    const reply = bot.press(button('Aprobar'), { as: DIRECTOR });
    expect(reply.rendered).toContain('No puede decidir su propia solicitud #1');
    expect(findApprovalRequestById(bot.db, 1)?.state).toBe('pending');
  });

  it('expires instead of deciding once the session has started', () => {
    setUp();
    askForVideo();
    bot.clock.set('2026-09-15T15:30:00Z');
    const reply = bot.press(button('Aprobar'), { as: DIRECTOR });
    expect(reply.rendered).toContain('ya está vencida');
    expect(findApprovalRequestById(bot.db, 1)?.state).toBe('expired');
  });
});

describe('withdrawing and resubmitting', () => {
  it('lets the requester withdraw a pending request and updates the card', () => {
    setUp();
    askForVideo();
    const reply = bot.send('solicitud retirar 1', { as: 'oficial-pic' });
    expect(reply.title).toBe('Solicitud #1 retirada');
    expect(findApprovalRequestById(bot.db, 1)).toMatchObject({ state: 'withdrawn', decidedBy: 'oficial-pic' });
    const update = bot.outbox().find((entry) => entry.action === 'update');
    expect(JSON.stringify(update?.message)).toContain('↩️ Retirada por oficial-pic');
  });

  it('refuses a withdrawal by anyone but the requester', () => {
    setUp();
    askForVideo();
    expect(bot.send('solicitud retirar 1', { as: DIRECTOR }).rendered).toContain(
      'Solo quien pidió la solicitud #1 (oficial-pic) puede retirarla.',
    );
    expect(findApprovalRequestById(bot.db, 1)?.state).toBe('pending');
  });

  it('links a new request after a rejection to the rejected one, and the card shows that history', () => {
    setUp();
    askForVideo();
    bot.send('solicitud rechazar 1 "Supera los 3 minutos"', { as: DIRECTOR });
    bot.deliverOutbox();
    askForVideo('Video recortado a 2 minutos');
    expect(findApprovalRequestById(bot.db, 2)?.previousRequestId).toBe(1);
    const card = bot.outbox().find((entry) => entry.cardKey === 'approval:2');
    expect(JSON.stringify(card?.message)).toContain(
      'Reenvío de la solicitud #1, rechazada por dir-ana: «Supera los 3 minutos».',
    );
  });
});

describe('solicitudes', () => {
  it('lists the pending requests with their age by default', () => {
    setUp();
    askForVideo();
    bot.clock.advanceHours(5);
    const reply = bot.send('solicitudes');
    expect(reply.title).toBe('Solicitudes: pendientes');
    expect(reply.rendered).toContain(
      '⏳ #1 video · `PIC-DP` · «Video institucional de 3 minutos» · pendiente · hace 5 h',
    );
  });

  it('lists every request of one unit, decided ones included', () => {
    setUp();
    askForVideo();
    bot.send('solicitud aprobar 1', { as: DIRECTOR });
    bot.send('solicitar cultural PIC-DP "Danza"', { as: 'oficial-pic' });
    const reply = bot.send('solicitudes pic-dp');
    expect(reply.title).toBe('Solicitudes: PIC-DP');
    expect(reply.rendered).toContain('✅ #1 video');
    expect(reply.rendered).toContain('⏳ #2 segmento cultural');
    expect(bot.send('solicitudes').rendered).not.toContain('#1 video');
  });

  it('shows the pending request in the summary, marked overdue after 24 hours', () => {
    setUp();
    askForVideo();
    bot.clock.advanceHours(23);
    expect(bot.send('resumen').rendered).toMatch(/#1 video · `PIC-DP` · hace 23 h$/m);
    bot.clock.advanceHours(2);
    expect(bot.send('resumen').rendered).toContain('#1 video · `PIC-DP` · hace 1 d 1 h · ⚠️ atrasada');
  });
});

describe('scheduled work', () => {
  it('escalates a request still pending 48 hours before its session, once', () => {
    setUp();
    askForVideo();
    bot.deliverOutbox();
    bot.clock.set('2026-09-13T14:59:00Z');
    bot.runScheduledWork();
    expect(approvalMessages()).toEqual([]);
    bot.clock.set('2026-09-13T15:01:00Z');
    bot.runScheduledWork();
    bot.runScheduledWork();
    const posted = approvalMessages();
    expect(posted).toHaveLength(1);
    const message = posted[0]?.message as CommandReply | undefined;
    expect(message?.title).toBe('⏰ Solicitud #1 sin decidir');
    expect(message?.buttons?.map((candidate) => candidate.label)).toEqual(['Aprobar', 'Rechazar']);
    expect(listAuditEntries(bot.db, { entity: 'approval_request' })[0]?.action).toBe('approval.escalated');
  });

  it('expires a request when its session starts: the card loses its buttons and the requester is told', () => {
    setUp();
    askForVideo();
    bot.deliverOutbox();
    bot.clock.set('2026-09-15T15:00:00Z');
    bot.runScheduledWork();
    expect(findApprovalRequestById(bot.db, 1)).toMatchObject({ state: 'expired', decidedBy: 'sistema' });
    const [direct, update] = approvalMessages();
    expect(JSON.stringify(direct?.message)).toContain('venció sin decisión: la rendición ya empezó');
    expect((update?.message as CommandReply | undefined)?.buttons).toBeUndefined();
    expect(JSON.stringify(update?.message)).toContain(
      '⌛ Venció sin decisión: la rendición empezó el mar 15 sep, 10:00.',
    );
    bot.runScheduledWork();
    expect(approvalMessages()).toHaveLength(2);
  });
});

describe('the approval steps', () => {
  it('are not ticked by hand by an officer, who is told to ask for the approval', () => {
    setUp();
    bot.send('registrar PIC-DP video=si');
    const reply = bot.send('marcar PIC-DP video', { as: 'oficial-pic' });
    expect(reply.rendered).toContain('El paso `video` lo marca la Dirección al aprobar');
    expect(doneSteps()).not.toContain('video');
  });
});
