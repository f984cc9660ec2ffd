import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client.js';
import { getCampaign } from '../../db/queries/campaign.js';
import { listUnits } from '../../db/queries/units.js';
import { BOT_MAIN, createTempDir, ROSTER_CLI, runProcess, type TempDir } from '../helpers/run-process.js';

const TEST_TIMEOUT = 60_000;

const GOOD_ROSTER = `codigo,nombre,provincia,tipo,responsable
PIC-DP,Dirección Provincial de Pichincha,Pichincha,direccion-provincial,oficial-pic
PIC-H1,"Hospital General Quito Sur, Quitumbe",Pichincha,hospital,oficial-pic
GUA-DP,Dirección Provincial del Guayas,Guayas,direccion-provincial,oficial.gua@ejemplo.gob.ec
`;

/** Line 3 has a code with a space and a "!": the whole file must be refused. */
const BAD_ROSTER = `codigo,nombre,provincia,tipo,responsable
PIC-DP,Dirección Provincial de Pichincha,Pichincha,direccion-provincial,oficial-pic
PIC H1!,Hospital General Quito Sur,Pichincha,hospital,oficial-pic
GUA-DP,Dirección Provincial del Guayas,Guayas,direccion-provincial,oficial.gua@ejemplo.gob.ec
`;

const CAMPAIGN = {
  nombre: 'Rendición de Cuentas 2026',
  zonaHoraria: 'America/Guayaquil',
  inicio: '2026-09-12',
  fin: '2026-09-26',
  hashtag: '#RendiciónDeCuentas2026',
  sitioWeb: 'https://www.ejemplo.gob.ec/rendicion-de-cuentas',
  dominiosInstitucionales: ['ejemplo.gob.ec'],
};

const tempDirs: TempDir[] = [];
afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => dir.remove()));
});

interface Workspace {
  dir: TempDir;
  env: Record<string, string>;
  /** `npm run roster -- <args>` in the workspace. */
  roster(...args: string[]): ReturnType<typeof runProcess>;
  /** Unit codes in the workspace's database, sorted. */
  unitCodes(): string[];
}

/** A temp dir with a valid campaign file, a fresh DATABASE_PATH and the two roster files. */
async function workspace(): Promise<Workspace> {
  const dir = await createTempDir();
  tempDirs.push(dir);
  const campaignFile = await dir.write('campana.json', JSON.stringify(CAMPAIGN));
  await dir.write('unidades.csv', GOOD_ROSTER);
  await dir.write('malas.csv', BAD_ROSTER);
  const env = { DATABASE_PATH: dir.databasePath, CAMPAIGN_FILE: campaignFile };
  return {
    dir,
    env,
    roster: (...args) => runProcess({ cwd: dir.path, script: ROSTER_CLI, args, env }),
    unitCodes: () =>
      inspect(dir.databasePath, (db) =>
        listUnits(db, getCampaign(db).id)
          .map((unit) => unit.code)
          .sort(),
      ),
  };
}

function inspect<T>(path: string, read: (db: Database) => T): T {
  const db = openDatabase(path);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe('roster CLI (npm run roster)', () => {
  it('imports a valid CSV into a fresh database and reports nothing to do when it is imported again', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const ws = await workspace();
    const first = await ws.roster('import', 'unidades.csv');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('3 unidades en el archivo: 3 nuevas, 0 actualizadas, 0 sin cambios.');
    expect(ws.unitCodes()).toEqual(['GUA-DP', 'PIC-DP', 'PIC-H1']);
    const stored = inspect(ws.dir.databasePath, (db) => listUnits(db, getCampaign(db).id));
    expect(stored.find((unit) => unit.code === 'PIC-H1')).toMatchObject({
      name: 'Hospital General Quito Sur, Quitumbe',
      province: 'Pichincha',
      kind: 'hospital',
      officer: 'oficial-pic',
    });

    const again = await ws.roster('import', 'unidades.csv');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('3 unidades en el archivo: 0 nuevas, 0 actualizadas, 3 sin cambios.');
    expect(ws.unitCodes()).toEqual(['GUA-DP', 'PIC-DP', 'PIC-H1']);
  });

  it('refuses a file with a bad row, naming its line, and imports none of its rows', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const ws = await workspace();
    const result = await ws.roster('import', 'malas.csv');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('malas.csv: 1 problema:');
    expect(result.stderr).toContain('línea 3: el código "PIC H1!" no es válido');
    expect(result.stderr).toContain('No se importó nada.');
    expect(result.stderr).not.toMatch(/^\s+at /m);

    // A later start of the bot on the same database sees the campaign with none of the file's units.
    const bot = await runProcess({ cwd: ws.dir.path, script: BOT_MAIN, env: ws.env, stdin: 'estado todo\n' });
    expect(bot.code).toBe(0);
    expect(bot.stdout).toContain(`Estado de la campaña: ${CAMPAIGN.nombre}`);
    expect(bot.stdout).toMatch(/^ {2}Unidades:\s+0$/m);
    expect(ws.unitCodes()).toEqual([]);
  });

  it('validates the file and writes nothing, not even the database, with --simular', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const ws = await workspace();
    const result = await ws.roster('import', 'unidades.csv', '--simular');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('El archivo es válido: 3 unidades. Simulación: no se guardó nada.');
    // A dry run does not even create the database (nor the campaign in it).
    expect(existsSync(ws.dir.databasePath)).toBe(false);
  });

  it('prints the usage and exits 2 when called without arguments', { timeout: TEST_TIMEOUT }, async () => {
    const ws = await workspace();
    const result = await ws.roster();
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith('Uso: npm run roster -- import <archivo.csv> [--simular]')).toBe(true);
    expect(result.stderr).toContain('codigo,nombre,provincia,tipo,responsable');
  });

  it('refuses, without creating anything, to import a real roster into a fresh database without CAMPAIGN_FILE', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const ws = await workspace();
    const env = { DATABASE_PATH: ws.dir.databasePath };
    const result = await runProcess({ cwd: ws.dir.path, script: ROSTER_CLI, args: ['import', 'unidades.csv'], env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No se importó nada: falta CAMPAIGN_FILE');
    expect(result.stderr).toContain('126 unidades ficticias');
    expect(result.stderr).toContain('Defina CAMPAIGN_FILE con el archivo de su campaña');
    expect(existsSync(ws.dir.databasePath)).toBe(false);
  });

  it('refuses to put a real roster beside the demo units', { timeout: TEST_TIMEOUT }, async () => {
    const ws = await workspace();
    const env = { DATABASE_PATH: ws.dir.databasePath };
    // The bot's first start without CAMPAIGN_FILE creates the demo.
    await runProcess({ cwd: ws.dir.path, script: BOT_MAIN, env, stdin: '' });
    expect(ws.unitCodes()).toHaveLength(126);
    const result = await runProcess({ cwd: ws.dir.path, script: ROSTER_CLI, args: ['import', 'unidades.csv'], env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('tiene la campaña de demostración (126 unidades ficticias)');
    expect(ws.unitCodes()).toHaveLength(126);
  });

  it('names the line and the closest province of an unknown one', { timeout: TEST_TIMEOUT }, async () => {
    const ws = await workspace();
    await ws.dir.write(
      'provincias.csv',
      'codigo,nombre,provincia,tipo,responsable\nPIC-DP,Dirección,Pichinca,direccion-provincial,\n',
    );
    const result = await ws.roster('import', 'provincias.csv');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('línea 2: la provincia "Pichinca" no existe; ¿quiso decir "Pichincha"?');
    expect(existsSync(ws.dir.databasePath)).toBe(false);
  });
});
