import { afterEach, describe, expect, it } from 'vitest';
import { findEventByUnit } from '../../db/queries/events.js';
import { findUnitByCode } from '../../db/queries/units.js';
import { createTestBot, type TestBot } from '../../testing/test-bot.js';

let bot: TestBot;
afterEach(() => bot.close());

function eventOf(code: string) {
  const unit = findUnitByCode(bot.db, bot.campaign.id, code);
  if (!unit) throw new Error(`no unit ${code}`);
  return findEventByUnit(bot.db, unit.id);
}

describe('registrar enlace=', () => {
  it.each([
    ['zoom', 'https://us02web.zoom.us/j/85012345678?pwd=abc'],
    ['teams', 'https://teams.microsoft.com/l/meetup-join/19%3ameeting'],
    ['meet', 'https://meet.google.com/abc-defg-hij'],
    ['youtube', 'https://www.youtube.com/live/abcdEFGH123'],
    ['youtube', 'https://youtu.be/abcdEFGH123'],
    ['webex', 'https://iess.webex.com/meet/rendicion'],
    ['facebook', 'https://www.facebook.com/iess/live'],
    ['zoom', `https://www.ejemplo.gob.ec/rendicion/en-vivo`],
  ])('stores a %s link on its platform (or an institutional domain): %s', (platform, url) => {
    bot = createTestBot();
    const reply = bot.send(`registrar PIC-DP 15/09/2026 10:00 ${platform} enlace=${url}`);
    expect(reply.tone).not.toBe('error');
    expect(eventOf('PIC-DP')?.joinUrl).toBe(new URL(url).href);
    expect(bot.send('estado PIC-DP').rendered).toContain(new URL(url).href);
  });

  it('accepts the English alias link=', () => {
    bot = createTestBot();
    bot.send('register PIC-DP 15/09/2026 10:00 meet link=https://meet.google.com/abc-defg-hij');
    expect(eventOf('PIC-DP')?.joinUrl).toBe('https://meet.google.com/abc-defg-hij');
  });

  it.each([
    ['http, not https', 'zoom', 'http://zoom.us/j/85012345678'],
    ['another platform', 'zoom', 'https://meet.google.com/abc-defg-hij'],
    ['a look-alike domain', 'zoom', 'https://zoom.us.example.com/j/1'],
    ['a shortener', 'youtube', 'https://bit.ly/abc'],
    ['not a URL', 'teams', 'reunion-de-teams'],
    ['a script', 'meet', 'javascript:alert(1)'],
  ])('refuses %s in Spanish, saying what is expected, and stores nothing', (_what, platform, url) => {
    bot = createTestBot();
    const reply = bot.send(`registrar PIC-DP 15/09/2026 10:00 ${platform} enlace="${url}"`);
    expect(reply.tone).toBe('error');
    expect(reply.rendered).toContain('no sirve como enlace de la sesión');
    expect(reply.rendered).toContain('https://');
    expect(reply.rendered).toContain('ejemplo.gob.ec');
    expect(eventOf('PIC-DP')).toBeUndefined();
  });

  it('checks the kept link again when only the platform changes', () => {
    bot = createTestBot();
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom enlace=https://zoom.us/j/85012345678');
    const reply = bot.send('registrar PIC-DP 15/09/2026 10:00 teams');
    expect(reply.rendered).toContain('Microsoft Teams');
    expect(eventOf('PIC-DP')?.platform).toBe('zoom');
  });

  it('puts the link in the CSV export', () => {
    bot = createTestBot();
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom enlace=https://zoom.us/j/85012345678');
    const csv = bot.send('exportar').file?.content ?? '';
    expect(csv.split('\n')[0]).toContain('enlace de la sesion');
    expect(csv).toContain('https://zoom.us/j/85012345678');
  });
});
