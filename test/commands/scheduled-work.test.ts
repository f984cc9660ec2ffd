import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandReply, ReplyButton } from '../../commands/core/types.js';
import type { OutboxEntry } from '../../db/queries/chat-outbox.js';
import { listScheduledPosts } from '../../db/queries/schedule.js';
import { createTestBot, type TestBot } from '../../testing/test-bot.js';

let bot: TestBot | undefined;
const others: TestBot[] = [];
let directory: string | undefined;
afterEach(() => {
  bot?.close();
  for (const other of others.splice(0)) other.close();
  if (directory) rmSync(directory, { recursive: true, force: true });
  bot = undefined;
  directory = undefined;
});

const summaries = (entries: OutboxEntry[]) => entries.filter((entry) => entry.target === 'summary');
const reminders = (entries: OutboxEntry[]) => entries.filter((entry) => entry.targetType === 'user');
const messageOf = (entry: OutboxEntry | undefined) => entry?.message as CommandReply | undefined;

/** Guayaquil is UTC−5 all year: 08:00 there is 13:00Z. */
const at = (day: string, localTime: string) => {
  const [hours, minutes] = localTime.split(':').map(Number) as [number, number];
  return new Date(Date.parse(`${day}T00:00:00Z`) + ((hours + 5) * 60 + minutes) * 60_000).toISOString();
};

describe('scheduled summaries', () => {
  it('posts the summary to the summary channel at its slot, and not twice', () => {
    bot = createTestBot({ now: at('2026-09-01', '07:00') });
    bot.clock.set(at('2026-09-01', '07:59'));
    bot.runScheduledWork();
    expect(summaries(bot.outbox())).toEqual([]);
    bot.clock.set(at('2026-09-01', '08:01'));
    bot.runScheduledWork();
    bot.runScheduledWork();
    const posted = summaries(bot.outbox());
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({
      targetType: 'channel',
      action: 'post',
      cardKey: 'summary:2026-09-01T13:00:00.000Z',
    });
    expect(messageOf(posted[0])?.title).toBe('Resumen: Rendición de Cuentas 2026');
  });

  it('catches up once after downtime: one summary, not one per missed slot', () => {
    bot = createTestBot({ now: at('2026-09-01', '07:00') });
    bot.clock.set(at('2026-09-14', '20:30'));
    bot.runScheduledWork();
    expect(summaries(bot.outbox())).toHaveLength(1);
    expect(listScheduledPosts(bot.db, 'summary').map((post) => post.slot)).toEqual(['2026-09-14T23:00:00.000Z']);
  });

  it('adds the 18:00 summary only on the days of the campaign window', () => {
    bot = createTestBot({ now: at('2026-09-01', '07:00') });
    bot.clock.set(at('2026-09-05', '08:30'));
    bot.runScheduledWork();
    bot.clock.set(at('2026-09-05', '18:30'));
    bot.runScheduledWork();
    expect(listScheduledPosts(bot.db, 'summary').map((post) => post.slot)).toEqual(['2026-09-05T13:00:00.000Z']);
    bot.clock.set(at('2026-09-13', '18:30'));
    bot.runScheduledWork();
    expect(listScheduledPosts(bot.db, 'summary').map((post) => post.slot)).toEqual([
      '2026-09-05T13:00:00.000Z',
      '2026-09-13T23:00:00.000Z',
    ]);
  });

  it('does not post for a slot that passed before the campaign existed', () => {
    bot = createTestBot({ now: at('2026-09-01', '09:00') });
    bot.runScheduledWork();
    expect(summaries(bot.outbox())).toEqual([]);
  });

  it('posts once when two bot processes share the database', () => {
    directory = mkdtempSync(join(tmpdir(), 'rendicion-schedule-'));
    const databasePath = join(directory, 'bot.db');
    bot = createTestBot({ now: at('2026-09-01', '07:00'), databasePath });
    const second = createTestBot({ now: at('2026-09-01', '07:00'), databasePath });
    others.push(second);
    bot.clock.set(at('2026-09-02', '08:01'));
    second.clock.set(at('2026-09-02', '08:01'));
    second.runScheduledWork();
    bot.runScheduledWork();
    expect(summaries(bot.outbox())).toHaveLength(1);
  });
});

describe('reminders', () => {
  function registered(): TestBot {
    const created = createTestBot({ now: at('2026-09-01', '09:00') });
    created.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    created.deliverOutbox();
    bot = created;
    return created;
  }

  it('sends the officer one direct message with the steps that became overdue, with Hecho and Posponer', () => {
    const current = registered();
    current.clock.set(at('2026-09-12', '10:01'));
    current.runScheduledWork();
    const [reminder, ...rest] = reminders(current.outbox());
    expect(rest).toEqual([]);
    expect(reminder).toMatchObject({ targetType: 'user', target: 'oficial-pic' });
    const message = messageOf(reminder);
    expect(message?.title).toBe('⏰ Pasos atrasados: PIC-DP');
    expect(JSON.stringify(message?.blocks)).toContain('`invitacion` Invitación digital enviada (indica el medio)');
    expect(JSON.stringify(message?.blocks)).toContain('`correo`');
    expect(message?.buttons?.map((button) => button.label)).toEqual([
      'Hecho: invitación',
      'Posponer 1 h',
      'Posponer 4 h',
      'Hasta mañana',
    ]);
  });

  it("reminds each unit's officers of its overdue steps, unit by unit in the roster's order, once a day", () => {
    const current = registered();
    current.send('registrar PIC-H1 15/09/2026 09:30 zoom');
    current.send('registrar GUA-DP 14/09/2026 10:00 zoom');
    current.send('rol otra-persona oficial:PIC-H1');
    current.deliverOutbox();
    current.clock.set(at('2026-09-12', '10:01'));
    current.runScheduledWork();
    const sent = reminders(current.deliverOutbox()).map((entry) => `${messageOf(entry)?.title} → ${entry.target}`);
    expect(sent).toEqual([
      '⏰ Pasos atrasados: GUA-DP → oficial.gua@ejemplo.gob.ec',
      '⏰ Pasos atrasados: PIC-DP → oficial-pic',
      '⏰ Pasos atrasados: PIC-H1 → oficial-pic',
      '⏰ Pasos atrasados: PIC-H1 → otra-persona',
    ]);
    current.runScheduledWork();
    expect(reminders(current.outbox())).toEqual([]);
  });

  it('reminds a step at most once a day, again the next day, and not once it is done', () => {
    const current = registered();
    current.clock.set(at('2026-09-12', '10:01'));
    current.runScheduledWork();
    current.deliverOutbox();
    current.clock.set(at('2026-09-12', '16:00'));
    current.runScheduledWork();
    expect(reminders(current.outbox())).toEqual([]);
    current.send('marcar PIC-DP invitacion', { as: 'oficial-pic' });
    current.clock.set(at('2026-09-13', '09:00'));
    current.runScheduledWork();
    const text = JSON.stringify(messageOf(reminders(current.outbox())[0])?.blocks);
    expect(text).toContain('`correo`');
    expect(text).not.toContain('`invitacion`');
  });

  it('never reminds during quiet hours', () => {
    const current = registered();
    current.clock.set(at('2026-09-12', '21:00'));
    current.runScheduledWork();
    current.clock.set(at('2026-09-13', '06:59'));
    current.runScheduledWork();
    expect(reminders(current.outbox())).toEqual([]);
    current.clock.set(at('2026-09-13', '07:00'));
    current.runScheduledWork();
    expect(reminders(current.outbox())).toHaveLength(1);
  });

  it('ticks the step from the reminder with Hecho', () => {
    const current = registered();
    current.clock.set(at('2026-09-12', '10:01'));
    current.runScheduledWork();
    const done = messageOf(reminders(current.outbox())[0])?.buttons?.[0] as ReplyButton;
    expect(current.press(done, { as: 'oficial-pic' }).title).toBe(
      '✅ Marcado: Invitación digital enviada (indica el medio)',
    );
  });

  it('stays quiet until the snooze ends, then reminds again', () => {
    const current = registered();
    current.clock.set(at('2026-09-12', '10:01'));
    current.runScheduledWork();
    const snooze = messageOf(reminders(current.deliverOutbox())[0])?.buttons?.find(
      (button) => button.label === 'Hasta mañana',
    );
    expect(current.press(snooze as ReplyButton, { as: 'oficial-pic' }).rendered).toContain(
      'No le recordaremos nada de PIC-DP hasta el dom 13 sep, 08:00.',
    );
    current.clock.set(at('2026-09-13', '07:30'));
    current.runScheduledWork();
    expect(reminders(current.outbox())).toEqual([]);
    current.clock.set(at('2026-09-13', '08:01'));
    current.runScheduledWork();
    expect(reminders(current.outbox())).toHaveLength(1);
  });

  it('sends nothing to an officer who turned reminders off, and an admin sees who did', () => {
    const current = registered();
    expect(current.send('recordatorios off', { as: 'oficial-pic' }).rendered).toContain(
      'Listo: no recibirá más recordatorios.',
    );
    current.clock.set(at('2026-09-12', '10:01'));
    current.runScheduledWork();
    expect(reminders(current.outbox())).toEqual([]);
    expect(current.send('recordatorios').rendered).toContain('oficial-pic (desde el mar 1 sep, 09:00)');
    current.send('recordatorios on', { as: 'oficial-pic' });
    current.runScheduledWork();
    expect(reminders(current.outbox())).toHaveLength(1);
  });

  it('shows in estado when the officer was last reminded', () => {
    const current = registered();
    current.clock.set(at('2026-09-12', '10:01'));
    current.runScheduledWork();
    expect(current.send('estado PIC-DP').rendered).toContain('Último recordatorio: sáb 12 sep, 10:01, a oficial-pic.');
  });

  it('refuses an unknown setting and changes nothing', () => {
    const current = registered();
    const audits = current.auditCount();
    expect(current.send('recordatorios quizas', { as: 'oficial-pic' }).rendered).toContain('No entiendo `quizas`');
    expect(current.auditCount()).toBe(audits);
  });
});

describe('the posted summary', () => {
  it('is edited in place when the campaign moves, at most every 15 minutes, and left alone otherwise', () => {
    bot = createTestBot({ now: at('2026-09-01', '07:00') });
    bot.clock.set(at('2026-09-01', '08:01'));
    bot.runScheduledWork();
    bot.deliverOutbox();
    bot.clock.set(at('2026-09-01', '08:20'));
    bot.runScheduledWork();
    expect(summaries(bot.outbox())).toEqual([]);
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    bot.runScheduledWork();
    bot.runScheduledWork();
    const [update, ...rest] = summaries(bot.outbox());
    expect(rest).toEqual([]);
    expect(update).toMatchObject({ action: 'update', cardKey: 'summary:2026-09-01T13:00:00.000Z' });
    expect(JSON.stringify(messageOf(update)?.blocks)).toContain('"value":"1/4"');
  });
});
