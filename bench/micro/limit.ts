import { readFileSync } from 'node:fs';
import { asc, eq, sql } from 'drizzle-orm';
import { parseRoster } from '../../commands/core/roster/parse-roster.js';
import { openDatabase } from '../../db/client.js';
import { saveCampaign } from '../../db/queries/campaign.js';
import { inlineLimit } from '../../db/queries/prepared.js';
import { importRoster } from '../../db/roster/import-roster.js';
import { units } from '../../db/schema.js';
import { TEST_CAMPAIGN } from '../../testing/test-bot.js';
import { type AbResult, compare } from './ab.js';

/**
 * `findFirstUnit`'s statement (the demo's 126 units), prepared once: its LIMIT written into the
 * SQL (`inlineLimit`) against drizzle's plain `.limit(1)`, which binds it as a parameter; and,
 * for what compiling costs, the same SQL prepared anew on every call.
 */
export function measureLimit(): AbResult[] {
  const db = openDatabase(':memory:');
  try {
    const at = new Date('2026-09-01T14:00:00Z');
    const { campaign } = saveCampaign(db, TEST_CAMPAIGN, 'bench', at);
    const { rows } = parseRoster(readFileSync(new URL('../../db/demo/unidades-demo.csv', import.meta.url), 'utf8'));
    importRoster(db, { campaignId: campaign.id, rows, actor: 'bench', at });
    const firstUnit = (limit: number) =>
      db.orm
        .select()
        .from(units)
        .where(eq(units.campaignId, sql.placeholder('campaignId')))
        .orderBy(asc(units.province), asc(units.code))
        .limit(limit);
    const inlined = firstUnit(inlineLimit(1)).prepare();
    const bound = firstUnit(1).prepare();
    const boundSql = firstUnit(1).toSQL();
    const args = { campaignId: campaign.id };
    if (inlined.get(args)?.code !== bound.get(args)?.code) throw new Error('the two statements disagree');
    // A statement that costs next to nothing to run, so that what is left is compiling it.
    const byId = 'SELECT code FROM units WHERE id = ?';
    const tinyInlined = db.sqlite.prepare(`${byId} LIMIT 1`);
    const tinyBound = db.sqlite.prepare(`${byId} LIMIT ?`);
    // The control: a second parameter bound on every run too, but not the LIMIT.
    const tinyTwoParameters = db.sqlite.prepare(`${byId} AND ? = 1 LIMIT 1`);
    return [
      compare(
        'LIMIT: a lookup by primary key, prepared once',
        { label: 'LIMIT 1', run: () => tinyInlined.get(1) },
        { label: 'LIMIT ?, bound to 1', run: () => tinyBound.get(1, 1) },
      ),
      compare(
        'LIMIT: the same lookup, a second parameter bound that is not the LIMIT',
        { label: 'LIMIT 1', run: () => tinyInlined.get(1) },
        { label: 'AND ? = 1 ... LIMIT 1', run: () => tinyTwoParameters.get(1, 1) },
      ),
      compare(
        'LIMIT: the same lookup',
        { label: 'LIMIT ?, bound to 1', run: () => tinyBound.get(1, 1) },
        { label: 'prepared anew on every call', run: () => db.sqlite.prepare(`${byId} LIMIT ?`).get(1, 1) },
      ),
      compare(
        'LIMIT: findFirstUnit prepared once',
        { label: 'inlineLimit', run: () => inlined.get(args) },
        { label: 'drizzle .limit(1), bound', run: () => bound.get(args) },
      ),
      compare(
        'LIMIT: for scale, compiling the statement on every call',
        { label: 'inlineLimit', run: () => inlined.get(args) },
        { label: 'prepared anew', run: () => db.sqlite.prepare(boundSql.sql).get(campaign.id, 1) },
      ),
    ];
  } finally {
    db.close();
  }
}
