import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ROSTER_PATH, demoCampaignSettings } from '../../bot/demo-campaign.js';
import type { CommandReply } from '../../commands/core/types.js';
import { unitTimeZone } from '../../commands/core/unit-time-zone.js';
import { findApprovalRequestById } from '../../db/queries/approvals.js';
import { findEventByUnit } from '../../db/queries/events.js';
import { findUnitByCode } from '../../db/queries/units.js';
import { createTestBot, type TestBot } from '../../testing/test-bot.js';

let bot: TestBot;
afterEach(() => bot.close());

/** A mainland unit and a Galápagos one (Ecuador keeps two zones: UTC−5 and, in Galápagos, UTC−6). */
const ROSTER = `codigo,nombre,provincia,tipo,responsable
PIC-DP,Dirección Provincial de Pichincha,Pichincha,direccion-provincial,oficial-pic
GAL-DP,Dirección Provincial de Galápagos,Galápagos,direccion-provincial,oficial-gal
`;

function eventOf(code: string) {
  const unit = findUnitByCode(bot.db, bot.campaign.id, code);
  if (!unit) throw new Error(`no unit ${code}`);
  return findEventByUnit(bot.db, unit.id);
}

describe('a unit in Galápagos (UTC−6) in a campaign kept in Guayaquil (UTC−5)', () => {
  it("stores its officer's 10:00 as 16:00Z and shows it back as 10:00, naming the zone", () => {
    bot = createTestBot({ roster: ROSTER });
    const reply = bot.send('registrar GAL-DP 15/09/2026 10:00 zoom', { as: 'oficial-gal' });
    expect(reply.tone).toBe('success');
    expect(eventOf('GAL-DP')?.startsAt.toISOString()).toBe('2026-09-15T16:00:00.000Z');
    expect(reply.rendered).toContain('mar 15 sep, 10:00 (hora de Galápagos)');
    // The next step falls due three days before, at the same local hour.
    expect(reply.rendered).toContain('vence sáb 12 sep, 10:00 (hora de Galápagos)');
    expect(bot.send('estado GAL-DP').rendered).toContain('mar 15 sep, 10:00 (hora de Galápagos)');
    expect(bot.send('estado Galápagos').rendered).toContain('mar 15 sep, 10:00 (hora de Galápagos)');
    expect(bot.send('status GAL-DP', { locale: 'en' }).rendered).toContain('Tue, Sep 15, 10:00 (Galapagos Time)');
  });

  it('leaves a mainland unit as it was: its 10:00 is 15:00Z, with no zone named', () => {
    bot = createTestBot({ roster: ROSTER });
    const reply = bot.send('registrar PIC-DP 15/09/2026 10h zoom', { as: 'oficial-pic' });
    expect(eventOf('PIC-DP')?.startsAt.toISOString()).toBe('2026-09-15T15:00:00.000Z');
    expect(reply.rendered).toContain('mar 15 sep, 10:00');
    expect(reply.rendered).not.toContain('hora de');
  });

  it("lists the day's sessions by their exact instant, each in its own time", () => {
    bot = createTestBot({ roster: ROSTER });
    bot.send('registrar GAL-DP 15/09/2026 10:00 zoom');
    bot.send('registrar PIC-DP 15/09/2026 10:30 teams');
    bot.clock.set('2026-09-15T12:00:00Z');
    const lines = bot
      .send('resumen hoy')
      .rendered.split('\n')
      .filter((line) => line.includes('· `'));
    expect(lines).toEqual([
      '  • 10:30 · `PIC-DP` Dirección Provincial de Pichincha · Microsoft Teams',
      '  • 10:00 (hora de Galápagos) · `GAL-DP` Dirección Provincial de Galápagos · Zoom',
    ]);
  });

  it('expires a pending approval at the exact start, an hour after the mainland clock reads 10:00', () => {
    bot = createTestBot({ roster: ROSTER });
    bot.send('registrar GAL-DP 15/09/2026 10:00 zoom video=si');
    bot.send('solicitar video GAL-DP "Video de 3 minutos"', { as: 'oficial-gal' });
    bot.clock.set('2026-09-15T15:30:00Z');
    bot.runScheduledWork();
    expect(findApprovalRequestById(bot.db, 1)?.state).toBe('pending');
    bot.clock.set('2026-09-15T16:00:00Z');
    bot.runScheduledWork();
    expect(findApprovalRequestById(bot.db, 1)?.state).toBe('expired');
    expect(bot.send('solicitud 1').rendered).toContain('mar 15 sep, 10:00 (hora de Galápagos)');
  });

  it('reminds a Galápagos officer at 19:30 there, while it is already quiet hours (20:30) on the mainland', () => {
    bot = createTestBot({ roster: ROSTER });
    bot.send('registrar GAL-DP 15/09/2026 10:00 zoom');
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    bot.deliverOutbox();
    bot.clock.set('2026-09-13T01:30:00Z');
    bot.runScheduledWork();
    const reminders = bot.deliverOutbox().filter((entry) => entry.targetType === 'user');
    expect(reminders.map((entry) => entry.target)).toEqual(['oficial-gal']);
    const text = JSON.stringify((reminders[0]?.message as CommandReply | undefined)?.blocks);
    expect(text).toContain('mar 15 sep, 10:00 (hora de Galápagos)');
    expect(text).toContain('sáb 12 sep, 10:00 (hora de Galápagos)');
  });

  it("exports its start as ISO 8601 with Galápagos' offset", () => {
    bot = createTestBot({ roster: ROSTER });
    bot.send('registrar GAL-DP 15/09/2026 10:00 zoom');
    const line = bot
      .send('exportar')
      .file?.content.split('\n')
      .find((row) => row.startsWith('GAL-DP'));
    expect(line).toContain('"mar 15 sep, 10:00 (hora de Galápagos)",2026-09-15T10:00:00-06:00,Zoom');
  });
});

describe('unitTimeZone', () => {
  const ecuador = { timeZone: 'America/Guayaquil', unitTimeZones: {} };

  it("puts Galápagos in its zone whatever the spelling, and every other province in the campaign's", () => {
    expect(unitTimeZone(ecuador, { code: 'X', province: 'GALAPAGOS' })).toBe('Pacific/Galapagos');
    expect(unitTimeZone(ecuador, { code: 'X', province: 'Pichincha' })).toBe('America/Guayaquil');
    expect(unitTimeZone({ ...ecuador, timeZone: 'America/El_Salvador' }, { code: 'X', province: 'Galápagos' })).toBe(
      'America/El_Salvador',
    );
  });

  it("takes the campaign file's zone for a unit over its province's, and its province's over the default", () => {
    const campaign = {
      timeZone: 'America/Guayaquil',
      unitTimeZones: { provinces: { 'los rios': 'America/Bogota' }, units: { 'gal-h1': 'America/Guayaquil' } },
    };
    expect(unitTimeZone(campaign, { code: 'GAL-H1', province: 'Galápagos' })).toBe('America/Guayaquil');
    expect(unitTimeZone(campaign, { code: 'GAL-DP', province: 'Galápagos' })).toBe('Pacific/Galapagos');
    expect(unitTimeZone(campaign, { code: 'LRI-DP', province: 'Los Ríos' })).toBe('America/Bogota');
  });

  it('gives the demo campaign Galápagos units in Galápagos time', () => {
    const settings = demoCampaignSettings('2026-09-01');
    const galapagos = readFileSync(DEMO_ROSTER_PATH, 'utf8')
      .split('\n')
      .filter((line) => line.split(',')[2] === 'Galápagos');
    expect(galapagos.length).toBeGreaterThanOrEqual(2);
    expect(unitTimeZone(settings, { code: 'GAL-DP', province: 'Galápagos' })).toBe('Pacific/Galapagos');
  });
});
