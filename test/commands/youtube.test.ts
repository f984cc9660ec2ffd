import { afterEach, describe, expect, it } from 'vitest';
import type { ReplyButton } from '../../commands/core/types.js';
import { listAuditEntries } from '../../db/queries/audit.js';
import { createTestBot, type TestBot } from '../../testing/test-bot.js';

let bot: TestBot;
afterEach(() => bot.close());

function setUp(): TestBot {
  bot = createTestBot({ now: '2026-09-16T15:00:00Z' });
  bot.send('registrar PIC-DP 15/09/2026 10:00 zoom forzar=si');
  return bot;
}

describe('youtube', () => {
  it('stores a link "sin verificar" without a YouTube key, and ticks the step', () => {
    setUp();
    const reply = bot.send('youtube PIC-DP https://www.youtube.com/live/dQw4w9WgXcQ?si=abc', { as: 'oficial-pic' });
    expect(reply.title).toBe('Enlace de YouTube recibido: PIC-DP');
    expect(reply.rendered).toContain('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(reply.rendered).toContain('Guardado "sin verificar"');
    expect(bot.send('estado PIC-DP').rendered).toMatch(/✅ `youtube`/);
  });

  it('refuses what is not a video link, with an example, and stores nothing', () => {
    setUp();
    const audits = bot.auditCount();
    expect(bot.send('youtube PIC-DP https://www.youtube.com/@IESSec', { as: 'oficial-pic' }).rendered).toContain(
      'no es el enlace de un video de YouTube',
    );
    expect(bot.auditCount()).toBe(audits);
  });

  it('changes nothing when the same video is reported twice', () => {
    setUp();
    bot.send('youtube PIC-DP https://youtu.be/dQw4w9WgXcQ', { as: 'oficial-pic' });
    const audits = bot.auditCount();
    expect(bot.send('youtube PIC-DP https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3s').rendered).toContain(
      'Ese enlace ya estaba registrado',
    );
    expect(bot.auditCount()).toBe(audits);
  });

  it('replaces a different link only after the confirmation button, keeping both in the audit log', () => {
    setUp();
    bot.send('youtube PIC-DP https://youtu.be/dQw4w9WgXcQ', { as: 'oficial-pic' });
    const question = bot.send('youtube PIC-DP https://youtu.be/aaaaaaaaaaa', { as: 'oficial-pic' });
    expect(question.rendered).toContain('¿Reemplazarlo por https://www.youtube.com/watch?v=aaaaaaaaaaa?');
    expect(bot.send('enlaces').rendered).toContain('dQw4w9WgXcQ');
    bot.press(question.buttons?.[0] as ReplyButton, { as: 'oficial-pic' });
    expect(bot.send('enlaces').rendered).toContain('aaaaaaaaaaa');
    const actions = listAuditEntries(bot.db, { entity: 'event' }).map((entry) => entry.action);
    expect(actions.filter((action) => action === 'youtube.reported')).toHaveLength(2);
    expect(actions).toContain('youtube.replaced');
  });

  it("refuses another unit's officer", () => {
    setUp();
    expect(
      bot.send('youtube PIC-DP https://youtu.be/dQw4w9WgXcQ', { as: 'oficial.gua@ejemplo.gob.ec' }).rendered,
    ).toContain('Usted no es responsable de PIC-DP');
  });
});

describe('enlaces', () => {
  it('lists every unit with its link or what is missing, and counts them', () => {
    setUp();
    bot.send('youtube PIC-DP https://youtu.be/dQw4w9WgXcQ');
    const reply = bot.send('enlaces');
    expect(reply.rendered).toContain('1 de 4 enlaces reportados.');
    expect(reply.rendered).toContain(
      '`PIC-DP` Dirección Provincial de Pichincha — https://www.youtube.com/watch?v=dQw4w9WgXcQ (sin verificar)',
    );
    expect(reply.rendered).toContain('`GUA-DP` Dirección Provincial del Guayas — falta');
    expect(bot.send('enlaces pichincha').rendered).toContain('1 de 2 enlaces reportados.');
  });
});

describe('exportar', () => {
  it('returns a UTF-8 CSV with a BOM: every unit, every step with who and when, and the link', () => {
    setUp();
    bot.send('marcar PIC-DP invitacion', { as: 'oficial-pic' });
    bot.send('youtube PIC-DP https://youtu.be/dQw4w9WgXcQ');
    const { file } = bot.send('exportar');
    expect(file?.name).toBe('rendicion-2026-09-16.csv');
    expect(
      file?.content.startsWith(
        '\uFEFFcodigo,unidad,provincia,fecha y hora,inicio (ISO 8601),plataforma,fecha,fecha (quién),fecha (cuándo)',
      ),
    ).toBe(true);
    const lines = file?.content.trim().split('\n') ?? [];
    expect(lines).toHaveLength(5);
    const pichincha = lines.find((line) => line.startsWith('PIC-DP'));
    expect(pichincha).toContain('hecho,oficial-pic,2026-09-16T10:00:00-05:00');
    expect(pichincha).toContain('https://www.youtube.com/watch?v=dQw4w9WgXcQ,sin verificar');
    expect(lines.find((line) => line.startsWith('MAN-DP'))).toContain('Dirección Provincial de Manabí,Manabí,,');
  });
});
