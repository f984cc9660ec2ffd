import { afterEach, describe, expect, it } from 'vitest';
import { createSheetSync } from '../../bot/sheet-sync.js';
import { silentLogger } from '../../commands/core/logger.js';
import { importRoster } from '../../db/roster/import-roster.js';
import { parseRoster } from '../../db/roster/parse-roster.js';
import { createSheetWriter } from '../../integrations/google-sheets/sheet-writer.js';
import { type FakeGoogle, startFakeGoogle } from '../helpers/fake-google.js';
import { createTestBot, type TestBot } from '../helpers/test-bot.js';

const SHEET_ID = 'sheet1234567890abcdefghij';
let bot: TestBot | undefined;
let google: FakeGoogle | undefined;
afterEach(async () => {
  bot?.close();
  await google?.close();
  bot = undefined;
  google = undefined;
});

async function setUp(options: { sheetConfigured?: boolean } = {}) {
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
    locale: 'es',
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

  it('tries again after a quota error without losing anything', async () => {
    const { fake, sync } = await setUp();
    fake.failNext(429, 'rateLimitExceeded');
    expect(await sync()).toBe(false);
    expect(await sync()).toBe(true);
    expect(fake.spreadsheets.get(SHEET_ID)?.values).toHaveLength(5);
  });
});

describe('hoja', () => {
  it('has the sheet rewritten on command, and says so when no sheet is configured', async () => {
    const { current, fake, sync } = await setUp();
    await sync();
    expect(current.send('hoja').rendered).toContain('No hay una hoja de Google configurada');
    const withSheet = createTestBot({ now: '2026-09-10T15:00:00Z', sheetConfigured: true });
    expect(withSheet.send('hoja').rendered).toContain('La hoja se reescribirá entera en el próximo minuto.');
    withSheet.close();
    expect(fake.spreadsheets.get(SHEET_ID)?.writes).toBe(1);
  });
});
