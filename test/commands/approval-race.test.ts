import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandReply } from '../../commands/core/types.js';
import { findApprovalRequestById } from '../../db/queries/approvals.js';
import { listAuditEntries } from '../../db/queries/audit.js';
import { BEFORE_WINDOW, createTestBot } from '../../testing/test-bot.js';

const WORKER = new URL('../helpers/race-worker-entry.mjs', import.meta.url);
const APPROVERS = ['dir-1', 'dir-2', 'dir-3', 'dir-4', 'dir-5', 'dir-6'];

let directory: string | undefined;
afterEach(() => {
  if (directory) rmSync(directory, { recursive: true, force: true });
  directory = undefined;
});

interface RaceResult {
  userId: string;
  title?: string;
  text: string;
}

function runRace(databasePath: string, buttons: NonNullable<CommandReply['buttons']>): Promise<RaceResult[]> {
  const barrier = new SharedArrayBuffer(8);
  const signals = new Int32Array(barrier);
  const workers = APPROVERS.map((userId, index) => {
    // Half press Aprobar, half press Rechazar (with a reason), all at once.
    const button = buttons[index % 2];
    if (!button) throw new Error('the card has no buttons');
    return new Worker(WORKER, {
      workerData: {
        databasePath,
        now: BEFORE_WINDOW,
        userId,
        actionId: button.actionId,
        payload: button.payload,
        input: button.input ? `Motivo de ${userId}` : undefined,
        barrier,
      },
    });
  });
  const results = workers.map(
    (worker) =>
      new Promise<RaceResult>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
  );
  // Release everyone together once all are waiting at the barrier. Each thread loads tsx and the
  // engine first (about 3 s apiece on a loaded 2-core machine), hence the generous bound.
  const deadline = Date.now() + 50_000;
  const release = setInterval(() => {
    if (Atomics.load(signals, 1) === APPROVERS.length || Date.now() > deadline) {
      clearInterval(release);
      Atomics.store(signals, 0, 1);
      Atomics.notify(signals, 0);
    }
  }, 5);
  return Promise.all(results).finally(() => Promise.all(workers.map((worker) => worker.terminate())));
}

describe('approvers racing on one request', () => {
  it('records exactly one decision when six approvers press Aprobar or Rechazar at the same moment', {
    timeout: 60_000,
  }, async () => {
    directory = mkdtempSync(join(tmpdir(), 'rendicion-race-'));
    const databasePath = join(directory, 'race.db');
    const bot = createTestBot({ databasePath });
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    for (const userId of APPROVERS) bot.send(`rol ${userId} direccion`);
    bot.send('solicitar video PIC-DP "Video institucional"', { as: 'oficial-pic' });
    const card = bot.outbox().find((entry) => entry.cardKey === 'approval:1');
    const buttons = (card?.message as CommandReply | undefined)?.buttons ?? [];
    bot.close();

    const results = await runRace(databasePath, buttons);

    const winners = results.filter((result) => /^Solicitud #1 (aprobada|rechazada)$/.test(result.title ?? ''));
    const losers = results.filter((result) => result.text.includes('No se cambió nada.'));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(APPROVERS.length - 1);
    const winner = winners[0]?.userId;
    for (const loser of losers) expect(loser.text).toContain(`(${winner}, mar 1 sep, 09:00)`);

    const check = createTestBot({ databasePath: join(directory, 'race.db') });
    const request = findApprovalRequestById(check.db, 1);
    expect(request?.decidedBy).toBe(winner);
    const decisions = listAuditEntries(check.db, { entity: 'approval_request', entityId: '1' }).filter((entry) =>
      /approval\.(approved|rejected)/.test(entry.action),
    );
    expect(decisions).toHaveLength(1);
    expect(decisions[0]?.actor).toBe(winner);
    check.close();
  });
});
