import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client.js';
import { countAuditEntries, listAuditEntries } from '../../db/queries/audit.js';
import { saveCampaign } from '../../db/queries/campaign.js';
import { listUnits } from '../../db/queries/units.js';
import { importRoster } from '../../db/roster/import-roster.js';
import { TEST_CAMPAIGN } from '../../testing/test-bot.js';
import { roster, rowsOf } from '../helpers/roster-text.js';

describe('importRoster', () => {
  const FIRST_IMPORT = new Date('2026-09-01T14:00:00Z');
  const LATER = new Date('2026-09-02T14:00:00Z');
  const ROWS = roster(
    'PIC-DP,Dirección Provincial de Pichincha,Pichincha,direccion-provincial,oficial-pic',
    'PIC-H1,Hospital General Quito Sur,Pichincha,hospital,oficial-pic',
    'GUA-DP,Dirección Provincial del Guayas,Guayas,direccion-provincial,oficial.gua@ejemplo.gob.ec',
    'MAN-DP,Dirección Provincial de Manabí,Manabí,direccion-provincial,',
  );

  let db: Database;
  let campaignId: number;

  beforeEach(() => {
    db = openDatabase(':memory:');
    campaignId = saveCampaign(db, TEST_CAMPAIGN, 'test', FIRST_IMPORT).campaign.id;
  });

  afterEach(() => {
    db.close();
  });

  function importText(text: string, at: Date) {
    return importRoster(db, { campaignId, rows: rowsOf(text), actor: 'admin-1', at });
  }

  it('creates every unit on the first import', () => {
    const result = importText(ROWS, FIRST_IMPORT);
    expect(result).toEqual({
      created: ['PIC-DP', 'PIC-H1', 'GUA-DP', 'MAN-DP'],
      updated: [],
      unchanged: 0,
      notInFile: [],
    });
    expect(
      listUnits(db, campaignId).map(({ code, name, province, kind, officer }) => ({
        code,
        name,
        province,
        kind,
        officer,
      })),
    ).toEqual([
      {
        code: 'GUA-DP',
        name: 'Dirección Provincial del Guayas',
        province: 'Guayas',
        kind: 'direccion-provincial',
        officer: 'oficial.gua@ejemplo.gob.ec',
      },
      {
        code: 'MAN-DP',
        name: 'Dirección Provincial de Manabí',
        province: 'Manabí',
        kind: 'direccion-provincial',
        officer: null,
      },
      {
        code: 'PIC-DP',
        name: 'Dirección Provincial de Pichincha',
        province: 'Pichincha',
        kind: 'direccion-provincial',
        officer: 'oficial-pic',
      },
      {
        code: 'PIC-H1',
        name: 'Hospital General Quito Sur',
        province: 'Pichincha',
        kind: 'hospital',
        officer: 'oficial-pic',
      },
    ]);
  });

  it('writes one unit.created audit row per unit on the first import', () => {
    importText(ROWS, FIRST_IMPORT);
    const entries = listAuditEntries(db, { entity: 'unit' });
    expect(entries.map((entry) => [entry.action, entry.entityId, entry.actor]).reverse()).toEqual([
      ['unit.created', 'PIC-DP', 'admin-1'],
      ['unit.created', 'PIC-H1', 'admin-1'],
      ['unit.created', 'GUA-DP', 'admin-1'],
      ['unit.created', 'MAN-DP', 'admin-1'],
    ]);
    expect(entries.find((entry) => entry.entityId === 'MAN-DP')?.after).toEqual({
      name: 'Dirección Provincial de Manabí',
      province: 'Manabí',
      kind: 'direccion-provincial',
      officer: null,
    });
  });

  it('changes nothing when the same rows are imported again', () => {
    importText(ROWS, FIRST_IMPORT);
    const unitsBefore = listUnits(db, campaignId);
    const auditBefore = countAuditEntries(db);

    const result = importText(ROWS, LATER);

    expect(result).toEqual({ created: [], updated: [], unchanged: 4, notInFile: [] });
    expect(listUnits(db, campaignId)).toEqual(unitsBefore);
    expect(countAuditEntries(db)).toBe(auditBefore);
  });

  it('updates a changed row and writes one audit row with the before and after values', () => {
    importText(ROWS, FIRST_IMPORT);
    const auditBefore = countAuditEntries(db);
    const changed = ROWS.replace(
      'Hospital General Quito Sur,Pichincha,hospital,oficial-pic',
      'Hospital Quito Sur,Pichincha,hospital,ana@ejemplo.gob.ec',
    );

    const result = importText(changed, LATER);

    expect(result).toEqual({ created: [], updated: ['PIC-H1'], unchanged: 3, notInFile: [] });
    expect(countAuditEntries(db)).toBe(auditBefore + 1);
    const [entry] = listAuditEntries(db, { entity: 'unit', entityId: 'PIC-H1' });
    expect(entry).toMatchObject({
      action: 'unit.updated',
      actor: 'admin-1',
      at: LATER,
      before: { name: 'Hospital General Quito Sur', province: 'Pichincha', kind: 'hospital', officer: 'oficial-pic' },
      after: { name: 'Hospital Quito Sur', province: 'Pichincha', kind: 'hospital', officer: 'ana@ejemplo.gob.ec' },
    });
    const unit = listUnits(db, campaignId).find((candidate) => candidate.code === 'PIC-H1');
    expect(unit).toMatchObject({ name: 'Hospital Quito Sur', officer: 'ana@ejemplo.gob.ec', updatedAt: LATER });
  });

  it('keeps units that the new file no longer lists and reports them in notInFile', () => {
    importText(ROWS, FIRST_IMPORT);
    const auditBefore = countAuditEntries(db);

    const result = importText(
      roster('PIC-DP,Dirección Provincial de Pichincha,Pichincha,direccion-provincial,oficial-pic'),
      LATER,
    );

    expect(result.unchanged).toBe(1);
    expect([...result.notInFile].sort()).toEqual(['GUA-DP', 'MAN-DP', 'PIC-H1']);
    expect(listUnits(db, campaignId).map((unit) => unit.code)).toEqual(['GUA-DP', 'MAN-DP', 'PIC-DP', 'PIC-H1']);
    expect(countAuditEntries(db)).toBe(auditBefore);
  });

  it('matches an existing unit whatever the case of its code in the file', () => {
    importText(ROWS, FIRST_IMPORT);
    const result = importText(
      roster('pic-dp,Dirección Provincial de Pichincha,Pichincha,direccion-provincial,oficial-pic'),
      LATER,
    );
    expect(result.created).toEqual([]);
    expect(result.unchanged).toBe(1);
  });
});
