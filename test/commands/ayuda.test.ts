import { afterEach, describe, expect, it } from 'vitest';
import { CHECKLIST } from '../../commands/core/checklist.js';
import { createTestBot, type TestBot } from '../../testing/test-bot.js';

let bot: TestBot;
afterEach(() => bot.close());

const listedCommands = (rendered: string) => [...rendered.matchAll(/• `([a-z-]+)` —/g)].map((match) => match[1]);

describe('ayuda', () => {
  it('shows an admin every command with an example that uses a real unit', () => {
    bot = createTestBot();
    const reply = bot.send('ayuda');
    expect(reply.title).toBe('Comandos de /rendicion');
    expect(listedCommands(reply.rendered)).toEqual([
      'ayuda',
      'registrar',
      'marcar',
      'estado',
      'solicitar',
      'solicitudes',
      'solicitud',
      'tuit',
      'tuit-fijo',
      'alerta-cuenta',
      'youtube',
      'presentacion',
      'declarar',
      'enlaces',
      'exportar',
      'hoja',
      'resumen',
      'recordatorios',
      'rol',
    ]);
    expect(reply.rendered).toContain('`/rendicion registrar GUA-DP 12/09/2026 10:00 zoom`');
    expect(reply.rendered).toContain('Usted es: administrador.');
  });

  it("does not show an officer the admin's commands, and uses the officer's own unit in examples", () => {
    bot = createTestBot();
    const reply = bot.send('ayuda', { as: 'oficial-pic' });
    expect(listedCommands(reply.rendered)).toEqual([
      'ayuda',
      'registrar',
      'marcar',
      'estado',
      'solicitar',
      'solicitudes',
      'solicitud',
      'tuit',
      'alerta-cuenta',
      'youtube',
      'presentacion',
      'enlaces',
      'exportar',
      'resumen',
      'recordatorios',
    ]);
    expect(reply.rendered).toContain('`/rendicion registrar PIC-DP 12/09/2026 10:00 zoom`');
    expect(reply.rendered).toContain('Usted es: oficial de PIC-DP, PIC-H1.');
  });

  it('shows a user without a role only the commands that read', () => {
    bot = createTestBot();
    const reply = bot.send('ayuda', { as: 'ciudadano' });
    expect(listedCommands(reply.rendered)).toEqual([
      'ayuda',
      'estado',
      'solicitudes',
      'solicitud',
      'enlaces',
      'resumen',
    ]);
    expect(reply.rendered).toContain('Usted es: sin rol (solo consulta).');
  });

  it('uses tomorrow as the example date once the campaign has started', () => {
    bot = createTestBot({ now: '2026-09-20T15:00:00Z' });
    expect(bot.send('ayuda').rendered).toContain('registrar GUA-DP 21/09/2026 10:00 zoom');
  });

  it('explains one command with its usage, examples, options and English alias', () => {
    bot = createTestBot();
    const reply = bot.send('ayuda registrar');
    expect(reply.title).toBe('/rendicion registrar');
    expect(reply.rendered).toContain('/rendicion registrar <unidad> <fecha> <hora> <plataforma>');
    expect(reply.rendered).toContain('`forzar=si`');
    expect(reply.rendered).toContain('También en inglés: register');
  });

  it('lists every checklist step id with its due rule under `ayuda marcar`', () => {
    bot = createTestBot();
    const reply = bot.send('ayuda marcar');
    for (const step of CHECKLIST) expect(reply.rendered).toContain(`\`${step.id}\``);
    expect(reply.rendered).toContain(
      '`invitacion` — Invitación digital enviada (indica el medio) (vence 3 días antes)',
    );
    expect(reply.rendered).toContain(
      '`youtube` — Grabación en YouTube y enlace enviado (vence 2 días después; se marca solo con el enlace: `/rendicion youtube <unidad> <enlace>`)',
    );
    expect(reply.rendered).toContain(
      '`video` — Video o fotos aprobados por la Dirección (vence 2 días antes; solo si muestra video o fotos)',
    );
    expect(reply.rendered).toContain('`fecha` — Fecha y hora definidas (vence 7 días antes; se marca al registrar)');
  });

  it('suggests the closest command for a typo in `ayuda`', () => {
    bot = createTestBot();
    expect(bot.send('ayuda regsitrar').rendered).toContain('¿Quiso decir `/rendicion registrar`?');
  });

  it('answers in English with English command names', () => {
    bot = createTestBot();
    const reply = bot.send('help', { locale: 'en' });
    expect(reply.title).toBe('/rendicion commands');
    expect(listedCommands(reply.rendered)).toEqual([
      'help',
      'register',
      'check',
      'status',
      'request-approval',
      'requests',
      'request',
      'tweet',
      'pinned-tweet',
      'account-alert',
      'video-link',
      'presentation',
      'declare',
      'links',
      'export',
      'sheet',
      'summary',
      'reminders',
      'role',
    ]);
  });
});
