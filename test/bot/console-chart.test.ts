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
});
