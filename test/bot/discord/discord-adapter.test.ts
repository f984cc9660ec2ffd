import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { findApprovalRequestById } from '../../../db/queries/approvals.js';
import { enqueueChatMessage, findCardLocation } from '../../../db/queries/chat-outbox.js';
import { findEventByUnit } from '../../../db/queries/events.js';
import { findUnitByCode } from '../../../db/queries/units.js';
import {
  APPROVALS_CHANNEL,
  DISCORD_ADMIN,
  DISCORD_DIRECTOR,
  DISCORD_DIRECTOR_2,
  DISCORD_OFFICER,
  DISCORD_STRANGER,
  type DiscordHarness,
  ROLE_DIRECTORATE,
  SUMMARY_CHANNEL,
  startDiscordHarness,
} from '../../../testing/discord-harness.js';
import type { DiscordCall, FakeDiscord, InteractionResult } from '../../../testing/fake-discord.js';
import { waitFor } from '../../../testing/fake-slack.js';
import { TYPED_CHARACTERS } from '../../helpers/typed-characters.js';

let harness: DiscordHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(): Promise<DiscordHarness> {
  harness = await startDiscordHarness();
  return harness;
}

const EPHEMERAL = 64;
const admin = { id: DISCORD_ADMIN };
const officer = { id: DISCORD_OFFICER };
const director = { id: DISCORD_DIRECTOR, roles: [ROLE_DIRECTORATE] };
const director2 = { id: DISCORD_DIRECTOR_2, roles: [ROLE_DIRECTORATE] };
const stranger = { id: DISCORD_STRANGER };

type Embed = {
  title?: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string }[];
  image?: { url: string };
};
type Row = { components: { custom_id: string; label: string; style: number }[] };

function messageOf(call: DiscordCall | undefined): { embeds: Embed[]; components: Row[]; flags?: number } {
  const body = (call?.body.data ?? call?.body ?? {}) as { embeds?: Embed[]; components?: Row[]; flags?: number };
  return { embeds: body.embeds ?? [], components: body.components ?? [], flags: body.flags };
}

const textOf = (call: DiscordCall | undefined) => JSON.stringify(messageOf(call).embeds);
const buttonsOf = (call: DiscordCall | undefined) => messageOf(call).components.flatMap((row) => row.components);

function eventOf(h: DiscordHarness, code: string) {
  const unit = findUnitByCode(h.bot.db, h.bot.campaign.id, code);
  return unit && findEventByUnit(h.bot.db, unit.id);
}

/** `/rendicion registrar` for PIC-DP on 15/09/2098 at 10:00 on Zoom, as `user`. */
function registerPicDp(discord: FakeDiscord, user: { id: string; roles?: string[] }) {
  return discord.interact(
    discord.slashCommand(user, 'registrar', {
      unidad: 'PIC-DP',
      fecha: '15/09/2098',
      hora: '10:00',
      plataforma: 'zoom',
    }),
  );
}

async function registerAndAsk(h: DiscordHarness): Promise<DiscordCall> {
  const { discord } = h;
  await registerPicDp(discord, admin);
  await discord.interact(
    discord.slashCommand(officer, 'solicitar', { tipo: 'video', unidad: 'PIC-DP', descripcion: 'Video institucional' }),
  );
  const cardPath = new RegExp(`^/channels/${APPROVALS_CHANNEL}/messages$`);
  await waitFor(() => discord.callsTo('POST', cardPath).length === 1);
  await waitFor(() => findCardLocation(h.bot.db, 'approval:1', 'discord') !== undefined);
  const card = discord.callsTo('POST', cardPath)[0];
  if (!card) throw new Error('no card');
  return card;
}

function button(card: DiscordCall, label: string): string {
  const found = buttonsOf(card).find((candidate) => candidate.label === label);
  if (!found) throw new Error(`no ${label} button`);
  return found.custom_id;
}

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

  it('opens the registration form when `registrar` comes without what it needs, and registers from it', async () => {
    const h = await start();
    const { discord } = h;
    const opened = await discord.interact(discord.slashCommand(officer, 'registrar', {}));
    expect(opened.callback.body.type).toBe(9);
    const modal = opened.callback.body.data as { custom_id: string; components: Row[] };
    const fields = modal.components.map((row) => row.components[0]?.custom_id);
    expect(fields).toEqual(['unidad', 'fecha', 'plataforma', 'sala', 'enlace']);
    const result = await discord.interact(
      discord.modalSubmit(officer, modal.custom_id, {
        unidad: 'PIC-DP',
        fecha: '15/09/2098 10h30',
        plataforma: 'Meet',
        sala: 'Sala "A"',
      }),
    );
    expect(messageOf(result.callback).embeds[0]?.title).toContain('PIC-DP');
    expect(eventOf(h, 'PIC-DP')).toMatchObject({ platform: 'meet', room: 'Sala "A"' });
  });

  it('stores what was typed in a form unchanged, whatever quotes, backslashes, = or emoji it holds', async () => {
    const h = await start();
    const { discord } = h;
    const room = TYPED_CHARACTERS.slice(0, 120);
    await discord.interact(
      discord.modalSubmit(officer, 'rf:registrar', {
        unidad: 'PIC-DP',
        fecha: '15/09/2098 10:00',
        plataforma: 'zoom',
        sala: room,
      }),
    );
    expect(eventOf(h, 'PIC-DP')?.room).toBe(room);
    await discord.interact(
      discord.modalSubmit(officer, 'rf:solicitar', { tipo: 'video', unidad: 'PIC-DP', descripcion: TYPED_CHARACTERS }),
    );
    expect(findApprovalRequestById(h.bot.db, 1)?.description).toBe(TYPED_CHARACTERS);
  });

  it('stores the join link given as the enlace option, also through the form it opens', async () => {
    const h = await start();
    const { discord } = h;
    const opened = await discord.interact(
      discord.slashCommand(officer, 'registrar', {
        unidad: 'PIC-DP',
        fecha: '15/09/2098',
        enlace: 'https://meet.google.com/abc-defg-hij',
      }),
    );
    expect(opened.callback.body.type).toBe(9);
    const modal = opened.callback.body.data as { custom_id: string; components: Row[] };
    const link = modal.components.find((row) => row.components[0]?.custom_id === 'enlace')?.components[0];
    expect(link).toMatchObject({ value: 'https://meet.google.com/abc-defg-hij' });
    await discord.interact(
      discord.modalSubmit(officer, modal.custom_id, {
        unidad: 'PIC-DP',
        fecha: '15/09/2098 10:00',
        plataforma: 'meet',
        enlace: 'https://meet.google.com/abc-defg-hij',
      }),
    );
    expect(eventOf(h, 'PIC-DP')?.joinUrl).toBe('https://meet.google.com/abc-defg-hij');
  });

  it('stores a join link typed in the form, and refuses one of another platform saying what it expects', async () => {
    const h = await start();
    const { discord } = h;
    const refused = await discord.interact(
      discord.modalSubmit(officer, 'rf:registrar', {
        unidad: 'PIC-DP',
        fecha: '15/09/2098 10h',
        plataforma: 'zoom',
        enlace: 'https://meet.google.com/abc-defg-hij',
      }),
    );
    expect(messageOf(refused.callback).flags).toBe(EPHEMERAL);
    expect(textOf(refused.callback)).toContain('zoom.us');
    expect(eventOf(h, 'PIC-DP')).toBeUndefined();
    await discord.interact(
      discord.modalSubmit(officer, 'rf:registrar', {
        unidad: 'PIC-DP',
        fecha: '15/09/2098 10h',
        plataforma: 'zoom',
        enlace: 'https://zoom.us/j/85012345678',
      }),
    );
    expect(eventOf(h, 'PIC-DP')?.joinUrl).toBe('https://zoom.us/j/85012345678');
  });

  it('opens the form filled with the registered session when only the unit is given, to reschedule it', async () => {
    const h = await start();
    const { discord } = h;
    await registerPicDp(discord, officer);
    const opened = await discord.interact(discord.slashCommand(officer, 'registrar', { unidad: 'PIC-DP' }));
    expect(opened.callback.body.type).toBe(9);
    const modal = opened.callback.body.data as {
      custom_id: string;
      components: { components: { custom_id: string; value?: string }[] }[];
    };
    const shown = Object.fromEntries(
      modal.components.map((row) => [row.components[0]?.custom_id, row.components[0]?.value]),
    );
    expect(shown).toMatchObject({ unidad: 'PIC-DP', fecha: '15/09/2098 10:00', plataforma: 'zoom' });
    await discord.interact(
      discord.modalSubmit(officer, modal.custom_id, { ...shown, fecha: '15/09/2098 16:30' } as Record<string, string>),
    );
    const event = eventOf(h, 'PIC-DP');
    expect(event?.startsAt.toISOString()).toBe('2098-09-15T21:30:00.000Z');
  });

  it('keeps the options a form has no field for, and applies them when the form is sent', async () => {
    const h = await start();
    const { discord } = h;
    const opened = await discord.interact(
      discord.slashCommand(officer, 'registrar', {
        unidad: 'PIC-DP',
        fecha: '15/09/2098',
        correo: 'preguntas@ejemplo.gob.ec',
        cultural: true,
      }),
    );
    const modal = opened.callback.body.data as { custom_id: string; components: Row[] };
    expect(opened.callback.body.type).toBe(9);
    expect(JSON.stringify(modal)).toContain('15/09/2098');
    await discord.interact(
      discord.modalSubmit(officer, modal.custom_id, {
        unidad: 'PIC-DP',
        fecha: '15/09/2098 09:00',
        plataforma: 'zoom',
      }),
    );
    expect(eventOf(h, 'PIC-DP')).toMatchObject({
      questionsEmail: 'preguntas@ejemplo.gob.ec',
      hasCulturalSegment: true,
    });
  });

  it('refuses a form with a bad value privately, saying what to type, and stores nothing', async () => {
    const h = await start();
    const { discord } = h;
    const result = await discord.interact(
      discord.modalSubmit(officer, 'rf:registrar', {
        unidad: 'PIC-DP',
        fecha: '15/09/2098 10:00',
        plataforma: 'skype',
      }),
    );
    expect(messageOf(result.callback).flags).toBe(EPHEMERAL);
    expect(textOf(result.callback)).toContain('skype');
    expect(textOf(result.callback)).toContain('zoom');
    expect(eventOf(h, 'PIC-DP')).toBeUndefined();
  });

  it('opens the request form for `solicitar` without a description, and files the request from it', async () => {
    const h = await start();
    const { discord } = h;
    await registerPicDp(discord, admin);
    const opened = await discord.interact(
      discord.slashCommand(officer, 'solicitar', { tipo: 'fotos', unidad: 'PIC-DP' }),
    );
    const modal = opened.callback.body.data as { custom_id: string };
    expect(opened.callback.body.type).toBe(9);
    await discord.interact(
      discord.modalSubmit(officer, modal.custom_id, {
        tipo: 'fotos',
        unidad: 'PIC-DP',
        descripcion: 'Diez fotos del evento',
      }),
    );
    expect(findApprovalRequestById(h.bot.db, 1)).toMatchObject({ kind: 'fotos', state: 'pending' });
  });

  it('suggests units as the user types, their own units first', async () => {
    const h = await start();
    const { discord } = h;
    const result = await discord.interact(discord.autocomplete(officer, 'marcar', { unidad: '' }, 'unidad'));
    expect(result.callback.body.type).toBe(8);
    const choices = (result.callback.body.data as { choices: { name: string; value: string }[] }).choices;
    expect(choices.slice(0, 2).map((choice) => choice.value)).toEqual(['PIC-DP', 'PIC-H1']);
    const typed = await discord.interact(discord.autocomplete(officer, 'marcar', { unidad: 'guay' }, 'unidad'));
    expect((typed.callback.body.data as { choices: { value: string }[] }).choices).toEqual([
      { name: 'GUA-DP · Dirección Provincial del Guayas', value: 'GUA-DP' },
    ]);
  });

  it('suggests checklist steps for `marcar`, and ticks the one chosen', async () => {
    const h = await start();
    const { discord } = h;
    const result = await discord.interact(
      discord.autocomplete(officer, 'marcar', { unidad: 'PIC-DP', paso: 'invit' }, 'paso'),
    );
    const choices = (result.callback.body.data as { choices: { value: string }[] }).choices;
    expect(choices.map((choice) => choice.value)).toContain('invitacion');
    await registerPicDp(discord, officer);
    const ticked = await discord.interact(
      discord.slashCommand(officer, 'marcar', { unidad: 'PIC-DP', paso: 'invitacion' }),
    );
    expect(messageOf(ticked.callback).embeds[0]?.color).toBe(0x2e7d32);
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

  it('pages `enlaces` for a 126-unit campaign into messages Discord accepts, every missing unit shown', async () => {
    const roster = readFileSync('db/demo/unidades-demo.csv', 'utf8');
    harness = await startDiscordHarness({ roster });
    const { discord } = harness;
    // `enlaces` pages at 25 like the other lists: six pages hold the 126 units.
    const messages = [];
    for (const pagina of [1, 2, 3, 4, 5, 6]) {
      const result = await discord.interact(discord.slashCommand(admin, 'enlaces', pagina === 1 ? {} : { pagina }));
      messages.push(...[result.callback, ...result.followUps].map(messageOf));
    }
    expect(JSON.stringify(messages)).toContain('`/rendicion enlaces provincia:todo pagina:2`');
    for (const message of messages) {
      expect(message.embeds.length).toBeLessThanOrEqual(10);
      expect(JSON.stringify(message.embeds).length).toBeLessThan(6000 + 200 * message.embeds.length);
      for (const embed of message.embeds) expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
    }
    const shown = JSON.stringify(messages);
    const codes = roster
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .slice(1)
      .map((line) => line.split(',')[0]);
    expect(codes).toHaveLength(126);
    for (const code of codes) expect(shown).toContain(`${code}`);
  });

  it('does not let messages that cannot go out hold up the approvals card behind them', async () => {
    const h = await start();
    const { discord } = h;
    // Sixty private messages for people the roster names by e-mail, which Discord cannot reach.
    for (let index = 0; index < 60; index++) {
      enqueueChatMessage(h.bot.db, {
        platform: 'discord',
        targetType: 'user',
        target: `oficial${index}@ejemplo.gob.ec`,
        fallbackChannelId: null,
        action: 'post',
        cardKey: null,
        message: { visibility: 'private', tone: 'info', blocks: [{ type: 'text', text: 'Recordatorio' }] },
        createdAt: h.bot.clock.now(),
      });
    }
    await registerAndAsk(h);
    const failing = () =>
      h.bot.db.sqlite
        .prepare("SELECT attempts FROM chat_outbox WHERE platform = 'discord' AND delivered_at IS NULL")
        .all() as { attempts: number }[];
    expect(failing()).toHaveLength(60);
    expect(failing().every((row) => row.attempts === 1)).toBe(true);
    // Waiting out the back-off, they are tried again later, not on every pass.
    await h.adapter.deliverOutbox();
    expect(failing().every((row) => row.attempts === 1)).toBe(true);
    h.bot.clock.advanceHours(31 / 3600);
    await h.adapter.deliverOutbox();
    expect(failing().filter((row) => row.attempts === 2)).toHaveLength(50);
    expect(discord.callsTo('POST', /^\/channels\/dm-/)).toEqual([]);
  });

  it('shows a card once when its first post failed and the decision came before the retry', async () => {
    const h = await start();
    const { discord } = h;
    const cardPath = new RegExp(`^/channels/${APPROVALS_CHANNEL}/messages$`);
    discord.failNext('POST', cardPath, { status: 403, body: { message: 'Missing Access', code: 50001 } });
    await registerPicDp(discord, admin);
    await discord.interact(
      discord.slashCommand(officer, 'solicitar', {
        tipo: 'video',
        unidad: 'PIC-DP',
        descripcion: 'Video institucional',
      }),
    );
    await waitFor(() => discord.callsTo('POST', cardPath).length === 1);
    // The Directorate decides from the command while the card is waiting to be posted again.
    await discord.interact(discord.slashCommand(director, 'solicitud', { numero: 1, accion: 'aprobar' }));
    await waitFor(() => discord.callsTo('POST', cardPath).length === 2);
    h.bot.clock.advanceHours(1);
    await h.adapter.deliverOutbox();
    const posts = discord.callsTo('POST', cardPath);
    expect(posts).toHaveLength(2);
    expect(textOf(posts[1])).toContain('Aprobada por');
    expect(buttonsOf(posts[1])).toEqual([]);
    expect(discord.callsTo('PATCH', /^\/channels\//)).toEqual([]);
    const pending = h.bot.db.sqlite.prepare('SELECT count(*) AS n FROM chat_outbox WHERE delivered_at IS NULL').get();
    expect(pending).toEqual({ n: 0 });
  });

  it('posts the scheduled summary to DISCORD_SUMMARY_CHANNEL with its chart inside the embed', async () => {
    const h = await start();
    // A day later, the last scheduled slot is one the bot has not posted yet.
    h.bot.clock.advanceHours(24);
    h.bot.runScheduledWork();
    await h.adapter.deliverOutbox();
    const [posted] = h.discord.callsTo('POST', new RegExp(`^/channels/${SUMMARY_CHANNEL}/messages$`));
    expect(posted?.files).toEqual([expect.stringMatching(/\.png$/)]);
    expect(messageOf(posted).embeds[0]).toMatchObject({
      title: expect.stringContaining('Resumen'),
      image: { url: `attachment://${posted?.files[0]}` },
    });
  });

  it('keeps a card queued when Discord rate-limits it, and sends it once retry_after has passed', async () => {
    const h = await start();
    const { discord } = h;
    discord.failNext('POST', new RegExp(`^/channels/${APPROVALS_CHANNEL}/messages$`), {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 30, global: false },
      headers: { 'retry-after': '30', 'x-ratelimit-scope': 'user' },
    });
    await registerPicDp(discord, admin);
    await discord.interact(
      discord.slashCommand(officer, 'solicitar', {
        tipo: 'video',
        unidad: 'PIC-DP',
        descripcion: 'Video institucional',
      }),
    );
    const queued = () =>
      h.bot.db.sqlite
        .prepare("SELECT attempts, last_error FROM chat_outbox WHERE platform = 'discord' AND delivered_at IS NULL")
        .all() as {
        attempts: number;
        last_error: string;
      }[];
    await waitFor(() => queued().some((row) => row.attempts === 1));
    expect(queued()[0]?.last_error).toBe('rate_limited');
    expect(findCardLocation(h.bot.db, 'approval:1', 'discord')).toBeUndefined();
    // Discord asked for 30 seconds: a pass before that sends nothing, one after it sends the card.
    await h.adapter.deliverOutbox();
    expect(queued()).toHaveLength(1);
    h.bot.clock.advanceHours(31 / 3600);
    await h.adapter.deliverOutbox();
    expect(queued()).toEqual([]);
    expect(findCardLocation(h.bot.db, 'approval:1', 'discord')).toMatchObject({ channelRef: APPROVALS_CHANNEL });
  });
});
