import { describe, expect, it } from 'vitest';
import { findApprovalRequestById } from '../../../db/queries/approvals.js';
import {
  admin,
  discordHarnessPerTest,
  EPHEMERAL,
  eventOf,
  messageOf,
  officer,
  type Row,
  registerPicDp,
  textOf,
} from '../../helpers/discord-messages.js';
import { TYPED_CHARACTERS } from '../../helpers/typed-characters.js';

const start = discordHarnessPerTest();

describe('Discord forms and suggestions (real discord.js client against a fake Discord)', () => {
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
});
