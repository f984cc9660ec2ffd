import { afterEach, describe, expect, it } from 'vitest';
import { createTempDir, repoPath, runProcess, type TempDir } from '../helpers/run-process.js';

const POLICY_CLI = repoPath('bot/cli/policy-cli.ts');
const tempDirs: TempDir[] = [];
afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => dir.remove()));
});

async function politica(args: string[], stdin = '') {
  const dir = await createTempDir();
  tempDirs.push(dir);
  const file = await dir.write(
    'borradores.txt',
    [
      'Comienza la sesion en https://www.eluniverso.com/nota',
      'TODOS A LA RENDICIÓN DE CUENTAS HOY',
      'Gracias a todos por acompañarnos.',
    ].join('\n'),
  );
  return runProcess({
    cwd: dir.path,
    script: POLICY_CLI,
    args: args.map((arg) => (arg === 'FILE' ? file : arg)),
    env: { DATABASE_PATH: dir.databasePath },
    stdin,
  });
}

describe('npm run politica', () => {
  it('prints each text with its findings by rule and exits 1 when one must not be published', {
    timeout: 60_000,
  }, async () => {
    const result = await politica(['FILE']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'Comienza la sesion en https://www.eluniverso.com/nota\n  ⚠️ Regla 4 (enlaces externos): www.eluniverso.com',
    );
    expect(result.stdout).toContain('⚠️ Regla 10 (ortografía): revise «sesion» (¿sesión');
    expect(result.stdout).toContain('TODOS A LA RENDICIÓN DE CUENTAS HOY\n  ⛔ Regla 11 (mayúsculas)');
    expect(result.stdout).toContain('Gracias a todos por acompañarnos.\n  ✓ Sin observaciones.');
  });

  it('prints one JSON object per line with --json, and --dominios makes a site institutional', {
    timeout: 60_000,
  }, async () => {
    const result = await politica(['FILE', '--json', '--dominios', 'eluniverso.com,iess.gob.ec']);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { text: string; findings: { rule: unknown; severity: string; message: string }[] },
      );
    expect(lines).toHaveLength(3);
    expect(lines[0]?.findings.map((finding) => finding.rule)).toEqual([10]);
    expect(lines[1]?.findings).toEqual([
      expect.objectContaining({ rule: 11, severity: 'block', message: expect.stringContaining('Regla 11') }),
    ]);
    expect(lines[2]).toEqual({ text: 'Gracias a todos por acompañarnos.', findings: [] });
  });

  it('reads the texts from standard input and exits 0 when nothing blocks', { timeout: 60_000 }, async () => {
    const result = await politica(['-'], 'La sesión empieza a las 10:00.\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✓ Sin observaciones.');
  });
});
