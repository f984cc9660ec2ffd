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

describe('npm run politica -- --evaluar', () => {
  it('prints the recall of each rule and the false alarms on the labelled corpus, and exits 0 when the targets are met', {
    timeout: 60_000,
  }, async () => {
    const dir = await createTempDir();
    tempDirs.push(dir);
    const result = await runProcess({
      cwd: dir.path,
      script: POLICY_CLI,
      args: ['--evaluar', repoPath('test/fixtures/politica-corpus.txt')],
      env: { DATABASE_PATH: dir.databasePath },
    });
    expect(result.stdout).toMatch(/^Corpus: \d{3} publicaciones, \d+ limpias y \d+ con alguna infracción\.$/m);
    for (const rule of ['Regla 2', 'Regla 4', 'Regla 10', 'Regla 11', 'Longitud']) {
      expect(result.stdout).toMatch(new RegExp(`^${rule}: encontró \\d+ de \\d+ \\(\\d+,\\d %\\)\\.$`, 'm'));
    }
    expect(result.stdout).toMatch(/^Falsas alarmas: \d+ de \d+ publicaciones limpias \(\d+,\d %\)\.$/m);
    expect(result.stdout).toContain('Metas: al menos 95,0 % por regla y a lo sumo 2,0 % de falsas alarmas: cumplidas.');
    expect(result.code).toBe(0);
  });

  it('names the missed posts and exits 1 when a target is not met, and refuses a malformed corpus with exit 2', {
    timeout: 60_000,
  }, async () => {
    const dir = await createTempDir();
    tempDirs.push(dir);
    const corpus = await dir.write(
      'corpus.txt',
      ['#! dominios: iess.gob.ec', '- | La sesión empieza a las 10h00.', '2 | Una sesión tranquila y puntual.'].join(
        '\n',
      ),
    );
    const missed = await runProcess({
      cwd: dir.path,
      script: POLICY_CLI,
      args: ['--evaluar', corpus],
      env: { DATABASE_PATH: dir.databasePath },
    });
    expect(missed.stdout).toContain(
      'Regla 2: encontró 0 de 1 (0,0 %).\n    no vio la línea 3: Una sesión tranquila y puntual.',
    );
    expect(missed.stdout).toContain('Falsas alarmas: 0 de 1 publicaciones limpias (0,0 %).');
    expect(missed.stdout).toContain('NO cumplidas');
    expect(missed.code).toBe(1);

    const bad = await dir.write('malo.txt', 'Texto sin etiquetas\n');
    const refused = await runProcess({
      cwd: dir.path,
      script: POLICY_CLI,
      args: ['--evaluar', bad],
      env: { DATABASE_PATH: dir.databasePath },
    });
    expect(refused.stdout).toContain('malo.txt, línea 1: escriba «etiquetas | texto»');
    expect(refused.code).toBe(2);
  });
});

describe('npm run politica with a campaign file', () => {
  it("accepts the file's words and links to the institution's own pages elsewhere", { timeout: 60_000 }, async () => {
    const dir = await createTempDir();
    tempDirs.push(dir);
    const campaignFile = await dir.write(
      'campana.json',
      JSON.stringify({
        nombre: 'Rendición de Cuentas 2026',
        inicio: '2026-09-12',
        fin: '2026-09-26',
        hashtag: '#RendiciónDeCuentas2026',
        sitioWeb: 'https://www.iess.gob.ec/rendicion',
        dominiosInstitucionales: ['iess.gob.ec'],
        palabras: ['Chuquiribamba'],
        enlacesInstitucionales: ['youtube.com/@IESSec'],
      }),
    );
    const result = await runProcess({
      cwd: dir.path,
      script: POLICY_CLI,
      args: ['-', '--json'],
      env: { DATABASE_PATH: dir.databasePath, CAMPAIGN_FILE: campaignFile },
      stdin:
        'Chuquiribamba rinde cuentas hoy: https://www.youtube.com/@IESSec/live\nVea https://www.youtube.com/@otrocanal\n',
    });
    const [own, other] = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { findings: { rule: unknown }[] });
    expect(own?.findings).toEqual([]);
    expect(other?.findings.map((finding) => finding.rule)).toEqual([4]);
  });
});
