import { afterEach, describe, expect, it } from 'vitest';
import type { CommandReply, ReplyButton } from '../../commands/core/types.js';
import { findApprovalRequestById } from '../../db/queries/approvals.js';
import { findTweet } from '../../db/queries/tweets.js';
import { createTestBot, type TestBot } from '../../testing/test-bot.js';

let bot: TestBot;
afterEach(() => bot.close());

function setUp(): TestBot {
  bot = createTestBot({ now: '2026-09-15T15:30:00Z' });
  bot.send('registrar PIC-DP 15/09/2026 10:00 zoom forzar=si');
  bot.send('rol comunica comunicacion');
  bot.send('rol dir-ana direccion');
  bot.deliverOutbox();
  return bot;
}

const button = (reply: CommandReply, label: string) =>
  reply.buttons?.find((candidate) => candidate.label === label) as ReplyButton;

describe('tuit', () => {
  it('previews the tweet with the campaign hashtag added, its length as X counts it and Publicar/Cancelar', () => {
    setUp();
    const reply = bot.send('tuit PIC-DP "Comienza la sesión. Informe en https://www.ejemplo.gob.ec/informe-2026"', {
      as: 'comunica',
    });
    expect(reply.title).toBe('Vista previa del tuit · PIC-DP');
    expect(reply.blocks[0]).toEqual({
      type: 'text',
      text: 'Comienza la sesión. Informe en https://www.ejemplo.gob.ec/informe-2026 #RendiciónDeCuentas2026',
    });
    expect(reply.rendered).toContain('Longitud según X: 78/280');
    expect(reply.rendered).toContain('Se agregó el hashtag de la campaña, #RendiciónDeCuentas2026.');
    expect(reply.buttons?.map((candidate) => candidate.label)).toEqual(['Publicar', 'Cancelar']);
    expect(findTweet(bot.db, 1)?.state).toBe('draft');
  });

  it('does not add the hashtag twice, whatever its accents or case', () => {
    setUp();
    const reply = bot.send('tuit PIC-DP "En vivo ahora #rendiciondecuentas2026"', { as: 'comunica' });
    expect(reply.blocks[0]).toEqual({ type: 'text', text: 'En vivo ahora #rendiciondecuentas2026' });
  });

  it('offers no Publicar for a tweet that breaks a blocking rule, and says why', () => {
    setUp();
    const reply = bot.send('tuit PIC-DP "HOY TODOS A LA RENDICIÓN DE CUENTAS DEL IESS"', { as: 'comunica' });
    expect(reply.tone).toBe('error');
    expect(reply.rendered).toContain('⛔ Regla 11 (mayúsculas)');
    expect(reply.buttons?.map((candidate) => candidate.label)).toEqual(['Cancelar']);
  });

  it('queues the tweet for X when Communication presses Publicar, once even on a double click', () => {
    setUp();
    const preview = bot.send('tuit PIC-DP "Comienza la sesión de Pichincha"', { as: 'comunica' });
    expect(bot.press(button(preview, 'Publicar'), { as: 'comunica' }).title).toBe('Tuit en cola');
    expect(bot.press(button(preview, 'Publicar'), { as: 'comunica' }).rendered).toContain('Este tuit ya está en cola');
    expect(findTweet(bot.db, 1)).toMatchObject({ state: 'queued', publishedBy: 'comunica' });
  });

  it("sends an officer's tweet to the Directorate, and queues it when approved", () => {
    setUp();
    const preview = bot.send('tuit PIC-DP "Ya pueden enviar sus preguntas"', { as: 'oficial-pic' });
    expect(preview.rendered).toContain('Al pulsar Publicar, el tuit irá a la Dirección para su aprobación.');
    expect(bot.press(button(preview, 'Publicar'), { as: 'oficial-pic' }).title).toBe(
      'Tuit enviado a la Dirección (solicitud #1)',
    );
    expect(findApprovalRequestById(bot.db, 1)).toMatchObject({ kind: 'tuit', state: 'pending' });
    expect(findTweet(bot.db, 1)).toMatchObject({ state: 'awaiting_approval', approvalRequestId: 1 });
    const card = bot.outbox().find((entry) => entry.cardKey === 'approval:1');
    expect(JSON.stringify(card?.message)).toContain('Ya pueden enviar sus preguntas #RendiciónDeCuentas2026');
    bot.send('solicitud aprobar 1', { as: 'dir-ana' });
    expect(findTweet(bot.db, 1)).toMatchObject({ state: 'queued', publishedBy: 'dir-ana' });
  });

  it('cancels the tweet when the Directorate rejects it', () => {
    setUp();
    const preview = bot.send('tuit PIC-DP "Ya pueden enviar sus preguntas"', { as: 'oficial-pic' });
    bot.press(button(preview, 'Publicar'), { as: 'oficial-pic' });
    bot.send('solicitud rechazar 1 "Mejor después de la sesión"', { as: 'dir-ana' });
    expect(findTweet(bot.db, 1)?.state).toBe('cancelled');
  });

  it('sends a tweet with an external link to the Directorate even from Communication', () => {
    setUp();
    const preview = bot.send('tuit PIC-DP "Nota de prensa https://www.eluniverso.com/nota"', { as: 'comunica' });
    expect(preview.rendered).toContain('⚠️ Regla 4 (enlaces externos): www.eluniverso.com');
    expect(bot.press(button(preview, 'Publicar'), { as: 'comunica' }).title).toBe(
      'Tuit enviado a la Dirección (solicitud #1)',
    );
  });

  it('blocks a tweet that repeats one already queued (rule 12)', () => {
    setUp();
    const first = bot.send('tuit PIC-DP "Comienza la sesión de Pichincha"', { as: 'comunica' });
    bot.press(button(first, 'Publicar'), { as: 'comunica' });
    const second = bot.send('tuit PIC-DP "¡Comienza la sesión de Pichincha!"', { as: 'comunica' });
    expect(second.rendered).toContain('⛔ Regla 12 (spam)');
    expect(second.buttons?.map((candidate) => candidate.label)).toEqual(['Cancelar']);
  });

  it('cancels a draft with Cancelar', () => {
    setUp();
    const preview = bot.send('tuit PIC-DP "Comienza la sesión de Pichincha"', { as: 'comunica' });
    expect(bot.press(button(preview, 'Cancelar'), { as: 'comunica' }).title).toBe('Tuit cancelado');
    expect(findTweet(bot.db, 1)?.state).toBe('cancelled');
  });

  it('refuses an officer writing for another unit, and a person without a role', () => {
    setUp();
    bot.send('registrar GUA-DP 15/09/2026 10:00 zoom forzar=si');
    expect(bot.send('tuit GUA-DP "Hola"', { as: 'oficial-pic' }).rendered).toContain(
      'Usted no es responsable de GUA-DP',
    );
    expect(bot.send('tuit PIC-DP "Hola"', { as: 'ciudadano' }).rendered).toContain(
      'Solo el responsable de una unidad, Comunicación o la Dirección pueden usar `tuit`.',
    );
    expect(findTweet(bot.db, 1)).toBeUndefined();
  });
});
