import { afterEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client.js';
import { saveCampaign } from '../../db/queries/campaign.js';
import { databaseVersion } from '../../db/queries/changes.js';
import { TEST_CAMPAIGN } from '../../testing/test-bot.js';
import { createTempDir, type TempDir } from '../helpers/run-process.js';

let dir: TempDir | undefined;
const open: Database[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) db.close();
  await dir?.remove();
  dir = undefined;
});

// The engine keeps what it read before a command while databaseVersion stays the same
// (commands/engine-snapshot.ts). These pin the SQLite behaviour that relies on.
describe('databaseVersion', () => {
  it('stays the same across reads, and moves on a write of this connection and on a commit of another', async () => {
    dir = await createTempDir();
    const db = openDatabase(dir.databasePath);
    const other = openDatabase(dir.databasePath);
    open.push(db, other);
    saveCampaign(db, TEST_CAMPAIGN, 'test', new Date('2026-09-01T14:00:00Z'));
    const first = databaseVersion(db);
    db.sqlite.prepare('SELECT count(*) FROM units').get();
    expect(databaseVersion(db)).toBe(first);

    db.sqlite
      .prepare(
        "INSERT INTO role_assignments (user_id, role, scope, granted_by, granted_at) VALUES ('ana', 'admin', '', 't', 0)",
      )
      .run();
    const afterOwnWrite = databaseVersion(db);
    expect(afterOwnWrite).not.toBe(first);

    other.sqlite.prepare("DELETE FROM role_assignments WHERE user_id = 'ana'").run();
    expect(databaseVersion(db)).not.toBe(afterOwnWrite);
  });
});
