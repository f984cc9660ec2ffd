import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.js';
import { findApprovalRequestById } from '../../db/queries/approvals.js';
import { BOT_MAIN, createTempDir, runProcess, type TempDir } from '../helpers/run-process.js';

const TEST_TIMEOUT = 60_000;

const tempDirs: TempDir[] = [];
afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => dir.remove()));
});

describe('approvals in console mode', () => {
  it('an officer asks, the Directorate rejects with a reason typed at the prompt, the resubmission is approved', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const dir = await createTempDir();
    tempDirs.push(dir);
    const result = await runProcess({
      cwd: dir.path,
      script: BOT_MAIN,
      env: { DATABASE_PATH: dir.databasePath },
      // AZU-DP is registered by the demo (every third unit is). Button 2 is Rechazar on the card.
      stdin: [
        'rol directora direccion',
        '/yo oficial-azu',
        'solicitar video AZU-DP "Video institucional de 3 minutos"',
        '/yo directora',
        '2',
        'El video supera los 3 minutos',
        '/yo oficial-azu',
        'solicitar video AZU-DP "Video de 2 minutos"',
        '/yo directora',
        '1',
        '',
      ].join('\n'),
    });
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('📣 Canal #aprobaciones\nSolicitud #1: video · AZU-DP');
    expect(out).toContain('[1] Aprobar   [2] Rechazar');
    expect(out).toContain('Motivo del rechazo (deje la línea vacía para cancelar):');
    expect(out).toContain('✉️ Mensaje directo para oficial-azu\n❌ Su solicitud #1 (video, AZU-DP) fue rechazada');
    expect(out).toContain('✏️ Tarjeta actualizada en #aprobaciones');
    expect(out).toContain('Reenvío de la solicitud #1, rechazada por directora: «El video supera los 3 minutos».');
    expect(out).toContain('Solicitud #2 aprobada');

    const db = openDatabase(dir.databasePath);
    try {
      expect(findApprovalRequestById(db, 1)).toMatchObject({
        state: 'rejected',
        decidedBy: 'directora',
        decisionReason: 'El video supera los 3 minutos',
      });
      expect(findApprovalRequestById(db, 2)).toMatchObject({ state: 'approved', previousRequestId: 1 });
    } finally {
      db.close();
    }
  });

  it('cancels a rejection when the reason line is empty, and nothing changes', { timeout: TEST_TIMEOUT }, async () => {
    const dir = await createTempDir();
    tempDirs.push(dir);
    const result = await runProcess({
      cwd: dir.path,
      script: BOT_MAIN,
      env: { DATABASE_PATH: dir.databasePath },
      stdin: ['/yo oficial-azu', 'solicitar cultural AZU-DP "Danza"', '/yo consola', '2', '', 'solicitudes'].join('\n'),
    });
    expect(result.stdout).toContain('Cancelado: no se cambió nada.');
    expect(result.stdout).toContain('⏳ #1 segmento cultural · `AZU-DP` · «Danza» · pendiente');
  });

  it('takes a line starting with / typed for the reason as a command: the rejection is cancelled and the bot says so', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const dir = await createTempDir();
    tempDirs.push(dir);
    const result = await runProcess({
      cwd: dir.path,
      script: BOT_MAIN,
      env: { DATABASE_PATH: dir.databasePath },
      stdin: [
        '/yo oficial-azu',
        'solicitar cultural AZU-DP "Danza"',
        '/yo consola',
        '2',
        '/rendicion solicitudes',
      ].join('\n'),
    });
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain(
      'Cancelado: escribió el comando `/rendicion solicitudes` en lugar del texto pedido, así que no se cambió nada. Para terminar la acción, pulse de nuevo su botón.',
    );
    // The command ran, and the request is still pending: nobody was told it was rejected.
    expect(out).toContain('⏳ #1 segmento cultural · `AZU-DP` · «Danza» · pendiente');
    expect(out).not.toContain('fue rechazada');
    const db = openDatabase(dir.databasePath);
    try {
      expect(findApprovalRequestById(db, 1)).toMatchObject({ state: 'pending', decisionReason: null, decidedBy: null });
    } finally {
      db.close();
    }
  });
});
