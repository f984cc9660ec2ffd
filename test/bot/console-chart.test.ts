import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BOT_MAIN, createTempDir, runProcess, type TempDir } from '../helpers/run-process.js';

const tempDirs: TempDir[] = [];
afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => dir.remove()));
});

describe('the chart in console mode', () => {
  it('saves `resumen grafico` as a PNG under ./exports and prints its path', { timeout: 60_000 }, async () => {
    const dir = await createTempDir();
    tempDirs.push(dir);
    const result = await runProcess({
      cwd: dir.path,
      script: BOT_MAIN,
      env: { DATABASE_PATH: dir.databasePath },
      stdin: 'resumen grafico\n',
    });
    expect(result.code).toBe(0);
    const saved = /Gráfico guardado en (\S+\.png)/.exec(result.stdout)?.[1];
    expect(saved?.startsWith(join(dir.path, 'exports', 'resumen-'))).toBe(true);
    expect(existsSync(saved ?? '')).toBe(true);
    expect(
      readFileSync(saved ?? '')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  it('keeps every export: a second chart or CSV of the day gets its own file instead of replacing the first', {
    timeout: 60_000,
  }, async () => {
    const dir = await createTempDir();
    tempDirs.push(dir);
    const result = await runProcess({
      cwd: dir.path,
      script: BOT_MAIN,
      env: { DATABASE_PATH: dir.databasePath },
      stdin: 'resumen grafico\nexportar\nregistrar AZU-H1 mañana 10:00 zoom forzar=si\nresumen grafico\nexportar\n',
    });
    expect(result.code).toBe(0);
    const charts = [...result.stdout.matchAll(/Gráfico guardado en (\S+\.png)/g)].map((match) => match[1] ?? '');
    const exports = [...result.stdout.matchAll(/(\S+\.csv)/g)].map((match) => match[1] ?? '');
    expect(charts).toHaveLength(2);
    expect(exports).toHaveLength(2);
    expect(charts[1]).toBe(charts[0]?.replace(/\.png$/, '-2.png'));
    expect(exports[1]).toBe(exports[0]?.replace(/\.csv$/, '-2.csv'));
    for (const path of [...charts, ...exports]) expect(existsSync(path)).toBe(true);
    // The first CSV is still the one written before the registration.
    const first = readFileSync(exports[0] ?? '', 'utf8');
    const second = readFileSync(exports[1] ?? '', 'utf8');
    expect(first).not.toBe(second);
  });
});
