import { describe, expect, it } from 'vitest';
import { findApprovalRequestById } from '../../../db/queries/approvals.js';
import { findCardLocation } from '../../../db/queries/chat-outbox.js';
import {
  APPROVALS_CHANNEL,
  DISCORD_DIRECTOR,
  DISCORD_OFFICER,
  DISCORD_STRANGER,
} from '../../../testing/discord-harness.js';
import type { InteractionResult } from '../../../testing/fake-discord.js';
import { waitFor } from '../../../testing/fake-slack.js';
import {
  admin,
  button,
  buttonsOf,
  director,
  director2,
  discordHarnessPerTest,
  EPHEMERAL,
  eventOf,
  messageOf,
  officer,
  type Row,
  registerAndAsk,
  stranger,
  textOf,
} from '../../helpers/discord-messages.js';

const start = discordHarnessPerTest();

describe('Discord adapter (real discord.js client against a fake Discord on 127.0.0.1)', () => {
  it('logs in through the gateway the fake REST points to, with the bot token', async () => {
    const h = await start();
    expect(h.discord.identified[0]).toMatchObject({ token: expect.stringMatching(/fake\.discord-test-token$/) });
    expect(h.adapter.state()).toBe('connected');
  });

  it('reports "starting" while the gateway connection is down, and answers again once it resumes', async () => {
    const h = await start();
    h.discord.dropGateway();
    await waitFor(() => h.adapter.state() === 'starting');
    await waitFor(() => h.adapter.state() === 'connected', 15_000);
    const result = await h.discord.interact(h.discord.slashCommand(officer, 'estado', { alcance: 'PIC-DP' }));
    expect(result.callback.body.type).toBe(4);
  });

  it('registers from the typed options and answers in the channel with an embed', async () => {
    const h = await start();
    const { discord } = h;
    const result = await discord.interact(
      discord.slashCommand(officer, 'registrar', {
        unidad: 'PIC-DP',
        fecha: '15/09/2098',
        hora: '10:00',
        plataforma: 'teams',
        sala: 'Auditorio 1',
        asistentes: 120,
        video: true,
      }),
    );
    expect(result.callback.body.type).toBe(4);
    const reply = messageOf(result.callback);
    expect(reply.flags).toBeUndefined();
    expect(reply.embeds[0]?.title).toContain('PIC-DP');
    expect(eventOf(h, 'PIC-DP')).toMatchObject({
      platform: 'teams',
      room: 'Auditorio 1',
      expectedAttendance: 120,
      showsVideo: true,
      registeredBy: DISCORD_OFFICER,
    });
  });

  it('answers bad input privately in Spanish, says what to type, and stores nothing', async () => {
    const h = await start();
    const { discord } = h;
    const result = await discord.interact(
      discord.slashCommand(officer, 'registrar', {
        unidad: 'PIC-DP',
        fecha: '31/02/2098',
        hora: '10:00',
        plataforma: 'zoom',
      }),
    );
    const reply = messageOf(result.callback);
    expect(reply.flags).toBe(EPHEMERAL);
    expect(textOf(result.callback)).toMatch(/31\/02\/2098/);
    expect(textOf(result.callback)).toContain('Escriba día/mes/año');
    expect(eventOf(h, 'PIC-DP')).toBeUndefined();
  });

  it('writes the examples it suggests in the form Discord users type them', async () => {
    const h = await start();
    const result = await h.discord.interact(h.discord.slashCommand(officer, 'estado', { alcance: 'PIC-DP' }));
    expect(textOf(result.callback)).toMatch(
      /`\/rendicion registrar unidad:PIC-DP fecha:\d\d\/\d\d\/\d{4} hora:10:00 plataforma:zoom`/,
    );
  });

  it('posts the approvals card to DISCORD_APPROVALS_CHANNEL with Aprobar and Rechazar, and remembers where', async () => {
    const h = await start();
    const card = await registerAndAsk(h);
    expect(textOf(card)).toContain('Solicitud #1: video · PIC-DP');
    expect(buttonsOf(card).map((candidate) => candidate.label)).toEqual(['Aprobar', 'Rechazar']);
    expect(card.body.allowed_mentions).toEqual({ parse: [] });
    expect(findCardLocation(h.bot.db, 'approval:1', 'discord')).toMatchObject({ channelRef: APPROVALS_CHANNEL });
  });

  it('approves from the button: the card is edited in place without buttons, with who decided, and the officer gets a DM', async () => {
    const h = await start();
    const { discord } = h;
    const card = await registerAndAsk(h);
    const result = await discord.interact(discord.button(director, button(card, 'Aprobar'), APPROVALS_CHANNEL));
    expect(messageOf(result.callback).flags).toBe(EPHEMERAL);
    const location = findCardLocation(h.bot.db, 'approval:1', 'discord');
    const editPath = new RegExp(`^/channels/${APPROVALS_CHANNEL}/messages/${location?.messageRef}$`);
    await waitFor(() => discord.callsTo('PATCH', editPath).length === 1);
    const edit = discord.callsTo('PATCH', editPath)[0];
    expect(buttonsOf(edit)).toEqual([]);
    expect(textOf(edit)).toContain(`Aprobada por <@${DISCORD_DIRECTOR}>`);
    expect(findApprovalRequestById(h.bot.db, 1)).toMatchObject({ state: 'approved', decidedBy: DISCORD_DIRECTOR });
    await waitFor(() => discord.callsTo('POST', new RegExp(`^/channels/dm-${DISCORD_OFFICER}/messages$`)).length === 1);
    expect(discord.callsTo('POST', /^\/users\/@me\/channels$/)[0]?.body).toEqual({ recipient_id: DISCORD_OFFICER });
  });

  it('opens a modal for the rejection reason, and rejects with what was typed', async () => {
    const h = await start();
    const { discord } = h;
    const card = await registerAndAsk(h);
    const opened = await discord.interact(discord.button(director, button(card, 'Rechazar'), APPROVALS_CHANNEL));
    expect(opened.callback.body.type).toBe(9);
    const modal = opened.callback.body.data as { custom_id: string; title: string; components: Row[] };
    expect(JSON.stringify(modal)).toContain('Motivo del rechazo');
    expect(findApprovalRequestById(h.bot.db, 1)?.state).toBe('pending');
    const input = modal.components[0]?.components[0]?.custom_id ?? '';
    await discord.interact(
      discord.modalSubmit(director, modal.custom_id, { [input]: 'El video supera los 3 minutos' }),
    );
    expect(findApprovalRequestById(h.bot.db, 1)).toMatchObject({
      state: 'rejected',
      decisionReason: 'El video supera los 3 minutos',
    });
    await waitFor(() => discord.callsTo('PATCH', /^\/channels\/\d+\/messages\/\d+$/).length === 1);
    const edit = discord.callsTo('PATCH', /^\/channels\/\d+\/messages\/\d+$/)[0];
    expect(textOf(edit)).toContain('Rechazada por');
    expect(textOf(edit)).toContain('El video supera los 3 minutos');
  });

  it('tells a user without the Directorate role that only the Directorate decides, and changes nothing', async () => {
    const h = await start();
    const { discord } = h;
    const card = await registerAndAsk(h);
    const result = await discord.interact(discord.button(stranger, button(card, 'Aprobar'), APPROVALS_CHANNEL));
    expect(messageOf(result.callback).flags).toBe(EPHEMERAL);
    expect(textOf(result.callback)).toContain('Solo la Dirección puede decidir la solicitud #1');
    expect(findApprovalRequestById(h.bot.db, 1)?.state).toBe('pending');
    expect(discord.callsTo('PATCH', /^\/channels\//)).toEqual([]);
  });

  it('records one decision when clicks of two approvers arrive together at one process, and tells the others who decided', async () => {
    const h = await start();
    const { discord } = h;
    const card = await registerAndAsk(h);
    const approve = button(card, 'Aprobar');
    const results: InteractionResult[] = await Promise.all([
      discord.interact(discord.button(director, approve, APPROVALS_CHANNEL)),
      discord.interact(discord.button(director2, approve, APPROVALS_CHANNEL)),
      discord.interact(discord.button(director2, approve, APPROVALS_CHANNEL)),
    ]);
    const request = findApprovalRequestById(h.bot.db, 1);
    expect(request?.state).toBe('approved');
    const decisions = h.bot.db.sqlite
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'approval.approved'")
      .get() as { n: number };
    expect(decisions.n).toBe(1);
    const told = results.filter((result) => textOf(result.callback).includes('La solicitud #1 ya está aprobada'));
    expect(told.length).toBe(2);
    for (const loser of told) expect(textOf(loser.callback)).toContain(`(<@${request?.decidedBy}>,`);
  });

  it('gives a role to the user picked in the user option', async () => {
    const h = await start();
    const { discord } = h;
    await discord.interact(discord.slashCommand(admin, 'rol', { usuario: DISCORD_STRANGER, rol: 'comunicacion' }));
    const roles = h.bot.db.sqlite.prepare('SELECT user_id, role FROM role_assignments').all();
    expect(roles).toContainEqual({ user_id: DISCORD_STRANGER, role: 'communication' });
  });

  it('defers `resumen grafico` and completes it with the chart attached as a PNG', async () => {
    const h = await start();
    const { discord } = h;
    const result = await discord.interact(discord.slashCommand(officer, 'resumen', { grafico: true }));
    expect(result.callback.body.type).toBe(5);
    expect(result.edit?.files).toEqual([expect.stringMatching(/^resumen-.*\.png$/)]);
    expect(JSON.stringify(result.edit?.body)).toContain('attachment://resumen-');
  });

  it('sends the CSV export as a file in a private reply', async () => {
    const h = await start();
    const { discord } = h;
    const result = await discord.interact(discord.slashCommand(admin, 'exportar', {}));
    expect(result.callback.body).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    expect(result.edit?.files).toEqual([expect.stringMatching(/^rendicion-.*\.csv$/)]);
  });

  it('shows what users type without pinging anyone', async () => {
    const h = await start();
    const { discord } = h;
    const result = await discord.interact(
      discord.slashCommand(officer, 'registrar', {
        unidad: 'PIC-DP',
        fecha: '15/09/2098',
        hora: '10:00',
        plataforma: 'zoom',
        sala: '@everyone **Sala** <@&600000000000000001>',
      }),
    );
    expect(result.callback.body.data).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(eventOf(h, 'PIC-DP')?.room).toBe('@everyone **Sala** <@&600000000000000001>');
    expect(textOf(result.callback)).toContain('\\\\*\\\\*Sala\\\\*\\\\*');
  });
});
