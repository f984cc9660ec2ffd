import { afterEach, describe, expect, it } from 'vitest';
import { createTestBot, type TestBot } from '../../testing/test-bot.js';

const URL = 'https://www.ejemplo.gob.ec/rendicion/agenda';
const LINE = `Agenda pública para la ciudadanía: ${URL}`;

let bot: TestBot;
afterEach(() => bot.close());

describe('AGENDA_PUBLIC_URL', () => {
  it('is mentioned in ayuda, the summary and the pinned tweet preview when set', () => {
    bot = createTestBot({ agendaPublicUrl: URL });
    expect(bot.send('ayuda').rendered).toContain(LINE);
    expect(bot.send('resumen').rendered).toContain(LINE);
    expect(bot.send('tuit-fijo', { roles: ['directorate'] }).rendered).toContain(LINE);
  });

  it('is not mentioned anywhere when unset', () => {
    bot = createTestBot();
    for (const command of ['ayuda', 'resumen', 'tuit-fijo']) {
      expect(bot.send(command, { roles: ['directorate'] }).rendered).not.toContain('Agenda pública');
    }
  });
});
