import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.js';
import { getCampaign } from '../../db/queries/campaign.js';
import { countUnits } from '../../db/queries/units.js';
import { BOT_MAIN, createTempDir, repoPath, runProcess, type TempDir } from '../helpers/run-process.js';
import { type RunningProcess, startProcess } from '../helpers/running-process.js';

const BACKUP_CLI = repoPath('bot/cli/backup-cli.ts');
let dir: TempDir | undefined;
let bot: RunningProcess | undefined;
afterEach(async () => {
  if (bot?.isRunning()) await bot.stop();
  bot = undefined;
  await dir?.remove();
  dir = undefined;
});

describe('npm run backup', () => {
  it("makes a consistent copy of the live database that opens as the bot's database", { timeout: 60_000 }, async () => {
    dir = await createTempDir();
    const env = { DATABASE_PATH: dir.databasePath };
    bot = startProcess({ cwd: dir.path, script: BOT_MAIN, env });
    bot.writeLine('registrar AZU-H1 05/12/2026 10:00 zoom forzar=si');
    await bot.waitForOutput(/Rendición registrada: AZU-H1/);
    const target = join(dir.path, 'respaldo.db');
    const result = await runProcess({ cwd: dir.path, script: BACKUP_CLI, env, args: [target] });
    // The copy was taken while the bot still had the database open.
    expect(bot.isRunning()).toBe(true);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Respaldo consistente guardado en ${target}`);
    const restored = openDatabase(target);
    try {
      expect(countUnits(restored, getCampaign(restored).id)).toBe(126);
      expect(
        restored.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'event.registered'").get(),
      ).toEqual({ n: 43 });
    } finally {
      restored.close();
    }
    const again = await runProcess({ cwd: dir.path, script: BACKUP_CLI, env, args: [target] });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('ya existe');
    expect(await bot.stop()).toBe(0);
  });

  it('says there is nothing to back up when the database does not exist', { timeout: 60_000 }, async () => {
    dir = await createTempDir();
    const result = await runProcess({ cwd: dir.path, script: BACKUP_CLI, env: { DATABASE_PATH: dir.databasePath } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no existe; no hay nada que respaldar');
    expect(existsSync(dir.databasePath)).toBe(false);
  });
});
