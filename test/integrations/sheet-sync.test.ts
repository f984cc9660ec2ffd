import { afterEach, describe, expect, it } from 'vitest';
import { createSheetSync } from '../../bot/sheet-sync.js';
import { silentLogger } from '../../commands/core/logger.js';
import { parseRoster } from '../../commands/core/roster/parse-roster.js';
import { importRoster } from '../../db/roster/import-roster.js';
import { createSheetWriter } from '../../integrations/google-sheets/sheet-writer.js';
import { type FakeGoogle, startFakeGoogle } from '../../testing/fake-google.js';
import { createTestBot, type TestBot } from '../../testing/test-bot.js';

const SHEET_ID = 'sheet1234567890abcdefghij';
let bot: TestBot | undefined;
let google: FakeGoogle | undefined;
afterEach(async () => {
  bot?.close();
  await google?.close();
  bot = undefined;
  google = undefined;
});

async function setUp(options: { sheetConfigured?: boolean; locale?: 'es' | 'en' } = {}) {
  google = await startFakeGoogle();
  bot = createTestBot({ now: '2026-09-10T15:00:00Z', sheetConfigured: options.sheetConfigured });
  const sync = createSheetSync({
    db: bot.db,
    writer: createSheetWriter({
      spreadsheetId: SHEET_ID,
      sheetName: 'Rendiciones',
      rootUrl: google.url,
      credentials: {
        kind: 'owner',
        clientId: 'c',
        clientSecret: 's',
        refreshToken: 'r',
        tokenUrl: `${google.url}token`,
      },
    }),
    clock: bot.clock,
    logger: silentLogger,
    locale: options.locale ?? 'es',
  });
  return { current: bot, fake: google, sync };
}

describe('Google Sheets sync (real @googleapis/sheets against a fake Google)', () => {
  it('writes a row per unit and a column per step, the same table as the CSV export', async () => {
    const { current, fake, sync } = await setUp();
    current.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    expect(await sync()).toBe(true);
    const written = fake.spreadsheets.get(SHEET_ID);
    expect(written?.range).toBe("'Rendiciones'!A1");
    expect(written?.values[0]?.slice(0, 7)).toEqual([
      'codigo',
      'unidad',
      'provincia',
      'fecha y hora',
      'inicio (ISO 8601)',
      'plataforma',
      'fecha',
    ]);
    expect(written?.values).toHaveLength(5);
    expect(written?.values.find((row) => row[0] === 'PIC-DP')?.slice(3, 7)).toEqual([
      'mar 15 sep, 10:00',
      '2026-09-15T10:00:00-05:00',
      'Zoom',
      'hecho',
    ]);
  });

  it('writes the session link in the last column', async () => {
    const { current, fake, sync } = await setUp();
    current.send('registrar PIC-DP 15/09/2026 10:00 zoom enlace=https://zoom.us/j/85012345678');
    expect(await sync()).toBe(true);
    const written = fake.spreadsheets.get(SHEET_ID);
    expect(written?.values[0]?.at(-1)).toBe('enlace de la sesion');
    expect(written?.values.find((row) => row[0] === 'PIC-DP')?.at(-1)).toBe('https://zoom.us/j/85012345678');
  });

  it('writes again only after a change, and at most once a minute', async () => {
    const { current, fake, sync } = await setUp();
    await sync();
    expect(await sync()).toBe(false);
    current.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    expect(await sync()).toBe(false);
    current.clock.advanceHours(0.02);
    expect(await sync()).toBe(true);
    expect(fake.spreadsheets.get(SHEET_ID)?.writes).toBe(2);
  });

  it('after the first whole write, sends only the rows that changed, in one request', async () => {
    const { current, fake, sync } = await setUp();
    expect(await sync()).toBe(true);
    const before = fake.spreadsheets.get(SHEET_ID)?.values.map((row) => [...row]) ?? [];
    current.send('registrar GUA-DP 16/09/2026 11:00 meet');
    current.clock.advanceHours(0.02);
    expect(await sync()).toBe(true);
    const sheet = fake.spreadsheets.get(SHEET_ID);
    const row = before.findIndex((values) => values[0] === 'GUA-DP');
    expect(sheet?.writes).toBe(2);
    expect(sheet?.lastRanges).toEqual([`'Rendiciones'!A${row + 1}`]);
    expect(sheet?.values[row]?.slice(3, 6)).toEqual(['mié 16 sep, 11:00', '2026-09-16T11:00:00-05:00', 'Google Meet']);
    expect(sheet?.values.filter((_, index) => index !== row)).toEqual(before.filter((_, index) => index !== row));
  });

  it('rewrites the whole sheet after `hoja`, and when a unit is added', async () => {
    const { current, fake, sync } = await setUp({ sheetConfigured: true });
    await sync();
    current.send('hoja');
    current.clock.advanceHours(0.02);
    await sync();
    expect(fake.spreadsheets.get(SHEET_ID)).toMatchObject({ writes: 2, lastRanges: [] });
    const roster = `codigo,nombre,provincia,tipo,responsable\nLOJ-DP,Dirección Provincial de Loja,Loja,direccion-provincial,\n`;
    importRoster(current.db, {
      campaignId: current.campaign.id,
      rows: parseRoster(roster).rows,
      actor: 'test',
      at: current.clock.now(),
    });
    current.clock.advanceHours(0.02);
    await sync();
    expect(fake.spreadsheets.get(SHEET_ID)).toMatchObject({ writes: 3, lastRanges: [] });
    expect(fake.spreadsheets.get(SHEET_ID)?.values).toHaveLength(6);
  });

  it('tries again after a quota error, after a back-off, without losing anything', async () => {
    const { current, fake, sync } = await setUp();
    fake.failNext(429, 'rateLimitExceeded');
    expect(await sync()).toBe(false);
    current.clock.advanceHours(30 / 3600);
    expect(await sync()).toBe(true);
    expect(fake.spreadsheets.get(SHEET_ID)?.values).toHaveLength(5);
  });

  it('backs off after a failing call instead of calling Sheets on every pass: 30 s, then 60 s', async () => {
    const { current, fake, sync } = await setUp();
    const sheetCalls = () => fake.requests.filter((url) => url.pathname.startsWith('/v4/')).length;
    fake.failNext(503, 'backendError');
    expect(await sync()).toBe(false);
    const afterFirst = sheetCalls();
    expect(afterFirst).toBeGreaterThan(0);
    for (let pass = 0; pass < 5; pass += 1) {
      current.clock.advanceHours(5 / 3600);
      expect(await sync()).toBe(false);
    }
    expect(sheetCalls()).toBe(afterFirst);
    fake.failNext(503, 'backendError');
    current.clock.advanceHours(5 / 3600);
    expect(await sync()).toBe(false);
    const afterSecond = sheetCalls();
    expect(afterSecond).toBeGreaterThan(afterFirst);
    current.clock.advanceHours(59 / 3600);
    expect(await sync()).toBe(false);
    expect(sheetCalls()).toBe(afterSecond);
    current.clock.advanceHours(2 / 3600);
    expect(await sync()).toBe(true);
    expect(fake.spreadsheets.get(SHEET_ID)?.values).toHaveLength(5);
  });

  it('refreshes when only the clock changed: a step that fell due shows as overdue with no command run', async () => {
    const { current, fake, sync } = await setUp();
    current.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    expect(await sync()).toBe(true);
    const sheet = () => fake.spreadsheets.get(SHEET_ID);
    const header = sheet()?.values[0] ?? [];
    const invitation = () => sheet()?.values.find((row) => row[0] === 'PIC-DP')?.[header.indexOf('invitacion')];
    expect(invitation()).toBe('pendiente');
    const audits = current.auditCount();
    // An hour later nothing fell due: no call.
    current.clock.advanceHours(1);
    expect(await sync()).toBe(false);
    expect(sheet()?.writes).toBe(1);
    // The invitation is due three days before, on 12 September at 10:00 (15:00Z).
    current.clock.set('2026-09-12T15:01:00Z');
    expect(await sync()).toBe(true);
    expect(current.auditCount()).toBe(audits);
    expect(invitation()).toBe('atrasado');
    expect(sheet()?.lastRanges).toHaveLength(1);
  });

  it('writes its headers and states in the bot language', async () => {
    const { current, fake, sync } = await setUp({ locale: 'en' });
    current.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    await sync();
    const [header, ...rows] = fake.spreadsheets.get(SHEET_ID)?.values ?? [];
    expect(header?.slice(0, 9)).toEqual([
      'code',
      'unit',
      'province',
      'date and time',
      'start (ISO 8601)',
      'platform',
      'fecha',
      'fecha (by)',
      'fecha (when)',
    ]);
    expect(header?.slice(-3)).toEqual(['youtube link', 'link state', 'join link']);
    expect(header?.join(',')).not.toMatch(/quién|cuándo|enlace|estado|inicio/);
    expect(rows.find((row) => row[0] === 'PIC-DP')?.[6]).toBe('done');
  });
});

describe('hoja', () => {
  it('says when a configured sheet will be rewritten, and the next pass rewrites it whole', async () => {
    const { current, fake, sync } = await setUp({ sheetConfigured: true });
    await sync();
    expect(current.send('hoja').rendered).toContain('La hoja se reescribirá entera en el próximo minuto.');
    current.clock.advanceHours(0.02);
    await sync();
    expect(fake.spreadsheets.get(SHEET_ID)).toMatchObject({ writes: 2, lastRanges: [] });
  });

  it('says so when no sheet is configured, and asks nothing of Google', async () => {
    const { current, fake } = await setUp();
    expect(current.send('hoja').rendered).toContain('No hay una hoja de Google configurada');
    expect(fake.requests).toEqual([]);
  });
});
