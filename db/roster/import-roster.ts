import { eq } from 'drizzle-orm';
import { type Database, inTransaction } from '../client.js';
import { recordAudit } from '../queries/audit.js';
import { findUnitByCode, listUnits } from '../queries/units.js';
import { units } from '../schema.js';

/** One unit as the roster gives it (a parsed row of commands/core/roster/parse-roster.ts). */
export interface RosterUnit {
  code: string;
  name: string;
  province: string;
  kind: string;
  officer: string | null;
}

export interface RosterImportResult {
  created: string[];
  updated: string[];
  unchanged: number;
  /** Units in the database that the file no longer lists; they are kept (events refer to them). */
  notInFile: string[];
}

/** Adds and updates units in one transaction; re-importing the same rows changes nothing. */
export function importRoster(
  db: Database,
  input: { campaignId: number; rows: readonly RosterUnit[]; actor: string; at: Date },
): RosterImportResult {
  return inTransaction(db, () => {
    const result: RosterImportResult = { created: [], updated: [], unchanged: 0, notInFile: [] };
    for (const row of input.rows) {
      const values = { name: row.name, province: row.province, kind: row.kind, officer: row.officer };
      const existing = findUnitByCode(db, input.campaignId, row.code);
      if (!existing) {
        const unit = db.orm
          .insert(units)
          .values({ campaignId: input.campaignId, code: row.code, ...values, createdAt: input.at, updatedAt: input.at })
          .returning()
          .get();
        recordAudit(db, {
          at: input.at,
          actor: input.actor,
          action: 'unit.created',
          entity: 'unit',
          entityId: unit.code,
          after: values,
        });
        result.created.push(unit.code);
        continue;
      }
      const before = {
        name: existing.name,
        province: existing.province,
        kind: existing.kind,
        officer: existing.officer,
      };
      if (JSON.stringify(before) === JSON.stringify(values)) {
        result.unchanged += 1;
        continue;
      }
      db.orm
        .update(units)
        .set({ ...values, updatedAt: input.at })
        .where(eq(units.id, existing.id))
        .run();
      recordAudit(db, {
        at: input.at,
        actor: input.actor,
        action: 'unit.updated',
        entity: 'unit',
        entityId: existing.code,
        before,
        after: values,
      });
      result.updated.push(existing.code);
    }
    const inFile = new Set(input.rows.map((row) => row.code));
    result.notInFile = listUnits(db, input.campaignId)
      .map((unit) => unit.code)
      .filter((code) => !inFile.has(code.toUpperCase()));
    return result;
  });
}
