import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client.js';
import { listAuditEntries } from '../../db/queries/audit.js';
import { getCampaign } from '../../db/queries/campaign.js';
import { findEventByUnit } from '../../db/queries/events.js';
import { listDoneSteps } from '../../db/queries/steps.js';
import { countUnits, findUnitByCode } from '../../db/queries/units.js';
import {
  BOT_MAIN,
  createTempDir,
  type RunOptions,
  repoPath,
  runProcess,
  type TempDir,
} from '../helpers/run-process.js';

const TEST_TIMEOUT = 60_000;

const tempDirs: TempDir[] = [];
afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => dir.remove()));
});

async function tempDir(): Promise<TempDir> {
  const dir = await createTempDir();
  tempDirs.push(dir);
  return dir;
}

/** Runs the bot in console mode on the temp dir's database, with these lines as standard input. */
function runBot(
  dir: TempDir,
  lines: readonly string[],
  options: { env?: Record<string, string>; args?: string[] } = {},
): ReturnType<typeof runProcess> {
  const run: RunOptions = {
    cwd: dir.path,
    script: BOT_MAIN,
    args: options.args ?? [],
    env: { DATABASE_PATH: dir.databasePath, ...options.env },
    stdin: lines.map((line) => `${line}\n`).join(''),
  };
  return runProcess(run);
}

/** Opens the database a finished child process left behind, for assertions on what it holds. */
function inspect<T>(path: string, read: (db: Database) => T): T {
  const db = openDatabase(path);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

function eventOf(db: Database, code: string) {
  const unit = findUnitByCode(db, getCampaign(db).id, code);
  if (!unit) throw new Error(`the database has no unit ${code}`);
  return findEventByUnit(db, unit.id);
}

/**
 * A day `days` after today in Guayaquil: as typed in the chat (dd/mm/yyyy), its day of the month,
 * and the instant of 10:00 that day (Ecuador is UTC−5 all year). The demo window runs from today+7
 * to today+21, so today+9 is inside it even if the date changes while the test runs.
 */
function guayaquilDay(days: number): { typed: string; dayOfMonth: number; tenOClock: string } {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Guayaquil',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  const iso = day.toISOString().slice(0, 10);
  const [year, month, dayOfMonth] = iso.split('-');
  return {
    typed: `${dayOfMonth}/${month}/${year}`,
    dayOfMonth: day.getUTCDate(),
    tenOClock: `${iso}T15:00:00.000Z`,
  };
}

const STACK_FRAME = /^\s+at /m;

describe('console mode (the real bot through standard input)', () => {
  it('prints the Spanish help for `/rendicion ayuda` and exits 0 at the end of the input', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const dir = await tempDir();
    const result = await runBot(dir, ['/rendicion ayuda']);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Comandos de /rendicion');
    expect(result.stdout).toContain('Usted es: administrador.');
  });

  it('registers a unit, shows its checklist with numbered buttons and ticks a step when a number is typed', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const dir = await tempDir();
    const day = guayaquilDay(9);
    const result = await runBot(dir, [`registrar AZU-H1 ${day.typed} 10:00 zoom`, 'estado AZU-H1', '1']);
    expect(result.code).toBe(0);
    const registered = result.stdout.indexOf('Rendición registrada: AZU-H1');
    const checklist = result.stdout.indexOf('[1] Marcar invitacion');
    const ticked = result.stdout.indexOf('✅ Marcado: Invitación digital enviada');
    expect(registered).toBeGreaterThanOrEqual(0);
    expect(checklist).toBeGreaterThan(registered);
    expect(ticked).toBeGreaterThan(checklist);
    expect(result.stdout).toMatch(/\[1\] Marcar invitacion {3}\[2\] Marcar \S+/);

    inspect(dir.databasePath, (db) => {
      const event = eventOf(db, 'AZU-H1');
      expect(event?.startsAt.toISOString()).toBe(day.tenOClock);
      expect(event?.platform).toBe('zoom');
      const steps = listDoneSteps(db, event?.id ?? 0);
      expect(steps.map((step) => [step.stepId, step.doneBy]).sort()).toEqual([
        ['fecha', 'consola'],
        ['invitacion', 'consola'],
      ]);
    });
  });

  it('refuses to register another province’s unit after `/yo` switches to its officer', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const dir = await tempDir();
    const day = guayaquilDay(9);
    const result = await runBot(dir, ['/yo oficial-pic', `registrar AZU-H1 ${day.typed} 10:00 zoom`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Ahora usted es «oficial-pic».');
    expect(result.stdout).toContain('Usted no es responsable de AZU-H1');
    expect(result.stdout).not.toContain('Rendición registrada');
    inspect(dir.databasePath, (db) => {
      expect(eventOf(db, 'AZU-H1')).toBeUndefined();
      expect(listAuditEntries(db).filter((entry) => entry.actor === 'oficial-pic')).toEqual([]);
    });
  });

  it('answers an impossible date with a Spanish error and stores nothing, as a second process confirms', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const dir = await tempDir();
    const failed = await runBot(dir, ['registrar AZU-H1 31/02/2026 10:00 zoom']);
    expect(failed.code).toBe(0);
    expect(failed.stdout).toContain('✖ No se pudo completar');
    expect(failed.stdout).toContain('`31/02/2026` no es una fecha válida. Escriba día/mes/año');
    expect(failed.stdout).not.toContain('Rendición registrada');

    const after = await runBot(dir, ['estado AZU-H1']);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('Aún no registra su rendición');
    inspect(dir.databasePath, (db) => {
      expect(eventOf(db, 'AZU-H1')).toBeUndefined();
      expect(listAuditEntries(db).filter((entry) => entry.actor === 'consola')).toEqual([]);
    });
  });

  it('keeps a registration after a restart on the same DATABASE_PATH', { timeout: TEST_TIMEOUT }, async () => {
    const dir = await tempDir();
    const day = guayaquilDay(9);
    const first = await runBot(dir, [`registrar AZU-DP ${day.typed} 10:00 zoom`]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Rendición (registrada|actualizada): AZU-DP/);
    const registeredWhen = new RegExp(`Fecha y hora:\\s+\\S+ ${day.dayOfMonth} \\S+, 10:00`);
    expect(first.stdout).toMatch(registeredWhen);

    const second = await runBot(dir, ['estado AZU-DP']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('AZU-DP · Dirección Provincial de Azuay');
    expect(second.stdout).toMatch(registeredWhen);
    expect(second.stdout).toMatch(/Plataforma:\s+Zoom/);
    inspect(dir.databasePath, (db) => {
      expect(eventOf(db, 'AZU-DP')?.startsAt.toISOString()).toBe(day.tenOClock);
    });
  });

  it('speaks English when BOT_LANGUAGE is en', { timeout: TEST_TIMEOUT }, async () => {
    const dir = await tempDir();
    const result = await runBot(dir, ['/rendicion ayuda'], { env: { BOT_LANGUAGE: 'en' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('/rendicion commands');
    expect(result.stdout).not.toContain('Comandos de /rendicion');
  });

  it('starts as the user given with --as', { timeout: TEST_TIMEOUT }, async () => {
    const dir = await tempDir();
    const result = await runBot(dir, ['ayuda'], { args: ['--as', 'oficial-pic'] });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usted es: oficial de PIC-/);
    expect(result.stdout).not.toContain('Usted es: administrador');
  });

  it('stops with exit code 1 and names the missing fields when CAMPAIGN_FILE is invalid, writing no database', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const dir = await tempDir();
    const campaignFile = await dir.write('campana.json', '{"nombre":"X"}');
    const result = await runBot(dir, ['estado todo'], { env: { CAMPAIGN_FILE: campaignFile } });
    expect(result.code).toBe(1);
    expect(result.stderr.startsWith('No se pudo iniciar el bot')).toBe(true);
    expect(result.stderr).toContain(`CAMPAIGN_FILE (${campaignFile}): el campo "inicio" falta y es obligatorio`);
    expect(result.stderr).toContain('el campo "nombre"');
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.stdout).toBe('');
    expect(existsSync(dir.databasePath)).toBe(false);
  });

  it('stops with exit code 1 and a clear DATABASE_PATH message when the file is not a SQLite database', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const dir = await tempDir();
    const garbage = Buffer.alloc(8192, 'esto no es una base de datos \x00\xff\x13\x37 ');
    const databasePath = await dir.write('basura.db', garbage);
    const result = await runBot(dir, ['estado todo'], { env: { DATABASE_PATH: databasePath } });
    expect(result.code).toBe(1);
    expect(result.stderr.startsWith('No se pudo iniciar el bot')).toBe(true);
    expect(result.stderr).toContain(`DATABASE_PATH (${databasePath})`);
    expect(result.stderr).toContain('no es una base de datos SQLite válida');
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.stdout).toBe('');
    expect(readFileSync(databasePath).equals(garbage)).toBe(true);
  });

  it('stops with a clear message, not a stack trace, when another process holds the database locked', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const dir = await tempDir();
    const other = openDatabase(dir.databasePath);
    // Another bot in the middle of a write: the lock outlasts the start-up's busy timeout.
    other.sqlite.exec('BEGIN EXCLUSIVE');
    try {
      const result = await runBot(dir, ['estado todo'], { env: { DATABASE_PATH: dir.databasePath } });
      expect(result.code).toBe(1);
      expect(result.stderr.startsWith('No se pudo iniciar el bot')).toBe(true);
      expect(result.stderr).toContain('otro proceso la tiene bloqueada');
      expect(result.stderr).not.toMatch(STACK_FRAME);
      expect(result.stdout).toBe('');
    } finally {
      other.sqlite.exec('ROLLBACK');
      other.close();
    }
  });

  it('starts with the campaign of a valid CAMPAIGN_FILE and no units instead of the demo', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const dir = await tempDir();
    const example = repoPath('examples/campana.ejemplo.json');
    const settings: { nombre: string } = existsSync(example)
      ? JSON.parse(readFileSync(example, 'utf8'))
      : {
          nombre: 'Rendición de Cuentas 2026',
          zonaHoraria: 'America/Guayaquil',
          inicio: '2026-09-12',
          fin: '2026-09-26',
          hashtag: '#RendiciónDeCuentas2026',
          sitioWeb: 'https://www.ejemplo.gob.ec/rendicion-de-cuentas',
          dominiosInstitucionales: ['ejemplo.gob.ec'],
        };
    const campaignFile = await dir.write('campana.json', JSON.stringify(settings));
    const result = await runBot(dir, ['estado todo'], { env: { CAMPAIGN_FILE: campaignFile } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Estado de la campaña: ${settings.nombre}`);
    expect(result.stdout).toMatch(/^ {2}Unidades:\s+0$/m);
    expect(result.stdout).not.toContain('demostración');
    expect(result.stderr).not.toContain('demo campaign created');
    inspect(dir.databasePath, (db) => {
      const campaign = getCampaign(db);
      expect(campaign.name).toBe(settings.nombre);
      expect(campaign.isDemo).toBe(false);
      expect(countUnits(db, campaign.id)).toBe(0);
    });
  });
});
