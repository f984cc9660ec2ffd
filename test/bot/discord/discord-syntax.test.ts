import { describe, expect, it } from 'vitest';
import { exampleForDiscord, withDiscordExamples } from '../../../bot/discord/discord-syntax.js';
import { type CommandName, messagesFor } from '../../../commands/core/i18n/catalogue.js';
import { COMMANDS } from '../../../commands/registry.js';

describe('examples in Discord option form', () => {
  it.each([
    [
      '/rendicion registrar PIC-DP 24/11/2026 10:00 zoom',
      'registrar unidad:PIC-DP fecha:24/11/2026 hora:10:00 plataforma:zoom',
    ],
    [
      '/rendicion registrar PIC-DP 15/09/2026 15h30 teams sala="Auditorio principal" video=si',
      'registrar unidad:PIC-DP fecha:15/09/2026 hora:15h30 plataforma:teams sala:Auditorio principal video:True',
    ],
    ['/rendicion marcar PIC-DP invitacion no', 'marcar unidad:PIC-DP paso:invitacion desmarcar:True'],
    ['/rendicion solicitud 12', 'solicitud numero:12'],
    ['/rendicion solicitud rechazar 12 "Muy largo"', 'solicitud accion:rechazar numero:12 motivo:Muy largo'],
    ['/rendicion alerta-cuenta "Un tuit raro"', 'alerta-cuenta que-vio:Un tuit raro'],
    ['/rendicion alerta-cuenta resolver', 'alerta-cuenta resolver:True'],
    ['/rendicion resumen grafico', 'resumen grafico:True'],
    ['/rendicion resumen hoy 2', 'resumen dia:hoy pagina:2'],
    ['/rendicion summary tomorrow 3', 'resumen dia:manana pagina:3'],
    ['/rendicion solicitudes pendientes 2', 'solicitudes filtro:pendientes pagina:2'],
    ['/rendicion estado Pichincha 2', 'estado alcance:Pichincha pagina:2'],
    ['/rendicion status "Los Ríos" 3', 'estado alcance:Los Ríos pagina:3'],
    [
      '/rendicion register PIC-DP 24/11/2026 10:00 zoom',
      'registrar unidad:PIC-DP fecha:24/11/2026 hora:10:00 plataforma:zoom',
    ],
  ])('%s', (typed, discord) => {
    expect(exampleForDiscord(typed)).toBe(`/rendicion ${discord}`);
  });

  it('leaves usage lines with placeholders, and what does not map, as they are', () => {
    expect(exampleForDiscord('/rendicion marcar <unidad> <paso> [no]')).toBeUndefined();
    expect(exampleForDiscord('/rendicion marcar PIC-DP invitacion no sobra')).toBeUndefined();
    expect(withDiscordExamples('Use `/rendicion estado todo` o `otra cosa`.')).toBe(
      'Use `/rendicion estado alcance:todo` o `otra cosa`.',
    );
  });

  it('converts every example of the help, in both languages', () => {
    for (const locale of ['es', 'en'] as const) {
      const t = messagesFor(locale, { unitCode: 'PIC-DP', date: '15/09/2026' });
      for (const command of COMMANDS) {
        for (const example of t.commands[command.name as CommandName].examples) {
          expect(exampleForDiscord(example), example).toMatch(new RegExp(`^/rendicion ${command.name}( |$)`));
        }
      }
    }
  });
});
