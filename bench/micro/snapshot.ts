import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveAccess } from '../../commands/core/access.js';
import { createSnapshots } from '../../commands/engine-snapshot.js';
import { getCampaign } from '../../db/queries/campaign.js';
import { findFirstRegisteredUnit, findFirstUnit } from '../../db/queries/units.js';
import { createTestBot } from '../../testing/test-bot.js';
import { type AbResult, compare } from './ab.js';

/**
 * What the engine reads before every command (the campaign, the user's access, the examples'
 * unit): from the snapshot kept while the database version stays the same, against reading them
 * every time. Then a whole read-only command, for scale. On a database file, as the bot runs.
 */
export function measureSnapshot(): AbResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'rendicion-micro-'));
  const bot = createTestBot({ now: '2026-09-14T15:00:00Z', databasePath: join(dir, 'rendicion.db') });
  try {
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    const request = { user: { id: 'oficial-pic' } };
    const deps = { db: bot.db, admins: ['admin-1'] };
    const snapshots = createSnapshots(deps);
    const command = (text: string) => () =>
      bot.engine.handleCommand({ requestId: randomUUID(), platform: 'console', user: request.user, text });
    return [
      compare(
        'engine: what a request reads before its command',
        {
          label: 'snapshot',
          run: () => {
            const snapshot = snapshots();
            return [snapshot.accessOf(request), snapshot.exampleUnitCode()];
          },
        },
        {
          label: 'read every time',
          run: () => {
            const campaign = getCampaign(bot.db);
            const access = resolveAccess(bot.db, { campaignId: campaign.id, user: request.user, admins: deps.admins });
            return [access, (findFirstRegisteredUnit(bot.db, campaign.id) ?? findFirstUnit(bot.db, campaign.id))?.code];
          },
        },
      ),
      compare(
        'engine: whole read-only commands, for scale',
        { label: 'estado PIC-DP', run: command('estado PIC-DP') },
        { label: 'ayuda', run: command('ayuda') },
      ),
    ];
  } finally {
    bot.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
