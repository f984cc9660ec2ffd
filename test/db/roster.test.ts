import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client.js';
import { countAuditEntries, listAuditEntries } from '../../db/queries/audit.js';
import { saveCampaign } from '../../db/queries/campaign.js';
import { listUnits } from '../../db/queries/units.js';
import { importRoster } from '../../db/roster/import-roster.js';
import { parseRoster, type RosterRow } from '../../db/roster/parse-roster.js';
import { TEST_CAMPAIGN } from '../helpers/test-bot.js';

const HEADER = 'codigo,nombre,provincia,tipo,responsable';

function roster(...lines: string[]): string {
  return `${[HEADER, ...lines].join('\n')}\n`;
}

function rowsOf(text: string): RosterRow[] {
  const { rows, problems } = parseRoster(text);
  if (problems.length) throw new Error(`unexpected problems: ${JSON.stringify(problems)}`);
  return rows;
}

describe('parseRoster', () => {
  it('reads a good file with a BOM, a comment line and a quoted name containing a comma', () => {
    const text = [
      '\uFEFF# Unidades de la campaña 2026',
      HEADER,
      'PIC-DP,"Dirección Provincial de Pichincha, Quito",Pichincha,direccion-provincial,oficial-pic',
      'GUA-H1,Hospital General Guayaquil,Guayas,hospital,oficial.gua@ejemplo.gob.ec',
      'MAN-DP,Dirección Provincial de Manabí,Manabí,direccion-provincial,',
    ].join('\n');
    expect(parseRoster(text)).toEqual({
      rows: [
        {
          line: 3,
          code: 'PIC-DP',
          name: 'Dirección Provincial de Pichincha, Quito',
          province: 'Pichincha',
          kind: 'direccion-provincial',
          officer: 'oficial-pic',
        },
        {
          line: 4,
          code: 'GUA-H1',
          name: 'Hospital General Guayaquil',
          province: 'Guayas',
          kind: 'hospital',
          officer: 'oficial.gua@ejemplo.gob.ec',
        },
        {
          line: 5,
          code: 'MAN-DP',
          name: 'Dirección Provincial de Manabí',
          province: 'Manabí',
          kind: 'direccion-provincial',
          officer: null,
        },
      ],
      problems: [],
    });
  });

  it('counts comment and blank lines in the line numbers', () => {
    const text = `${HEADER}\n# comentario\n\nPIC-DP,Pichincha,Pichincha,direccion-provincial,oficial-pic\n`;
    expect(rowsOf(text).map((row) => row.line)).toEqual([4]);
  });

  it('trims spaces around values and upper-cases the code', () => {
    const [row] = rowsOf(roster(' pic-dp , Pichincha , Pichincha , direccion-provincial , oficial-pic '));
    expect(row).toMatchObject({ code: 'PIC-DP', name: 'Pichincha', officer: 'oficial-pic' });
  });

  it('accepts a header with capitals and accents', () => {
    const text = 'Código,Nombre,Provincia,Tipo,Responsable\nPIC-DP,Pichincha,Pichincha,dp,oficial-pic\n';
    expect(rowsOf(text)).toHaveLength(1);
  });

  it('reports a wrong header on its line, with what it found', () => {
    expect(parseRoster('code,name,province,kind,officer\nPIC-DP,A,B,C,oficial-pic\n')).toEqual({
      rows: [],
      problems: [{ line: 1, problem: 'header', found: 'code,name,province,kind,officer' }],
    });
  });

  it('reports a wrong header after comment lines on its own line', () => {
    expect(parseRoster('# comentario\ncodigo,nombre\n').problems).toEqual([
      { line: 2, problem: 'header', found: 'codigo,nombre' },
    ]);
  });

  it('reports an empty file as a wrong header on line 1', () => {
    expect(parseRoster('').problems).toEqual([{ line: 1, problem: 'header', found: '' }]);
  });

  it('reports a row with the wrong number of columns with its line number and count', () => {
    const text = roster('PIC-DP,Pichincha,Pichincha,dp,oficial-pic', 'GUA-DP,Guayas,Guayas,dp');
    expect(parseRoster(text).problems).toEqual([{ line: 3, problem: 'columns', count: 4 }]);
  });

  it('reports an empty nombre with its line number', () => {
    const text = roster('PIC-DP,Pichincha,Pichincha,dp,oficial-pic', 'GUA-DP,,Guayas,dp,oficial-gua');
    expect(parseRoster(text).problems).toEqual([{ line: 3, problem: 'empty', column: 'nombre' }]);
  });

  it('reports an empty codigo with its line number', () => {
    expect(parseRoster(roster(',Pichincha,Pichincha,dp,oficial-pic')).problems).toEqual([
      { line: 2, problem: 'empty', column: 'codigo' },
    ]);
  });

  it('reports a bad codigo with its line number and the value as typed', () => {
    expect(parseRoster(roster('pic dp,Pichincha,Pichincha,dp,oficial-pic')).problems).toEqual([
      { line: 2, problem: 'code', value: 'pic dp' },
    ]);
  });

  it('reports a codigo longer than 20 characters', () => {
    const code = 'A'.repeat(21);
    expect(parseRoster(roster(`${code},Pichincha,Pichincha,dp,oficial-pic`)).problems).toEqual([
      { line: 2, problem: 'code', value: code },
    ]);
  });

  it('reports a nombre longer than 120 characters', () => {
    expect(parseRoster(roster(`PIC-DP,${'n'.repeat(121)},Pichincha,dp,oficial-pic`)).problems).toEqual([
      { line: 2, problem: 'too_long', column: 'nombre', max: 120 },
    ]);
  });

  it('reports a bad responsable with its line number and value', () => {
    expect(parseRoster(roster('PIC-DP,Pichincha,Pichincha,dp,ana perez')).problems).toEqual([
      { line: 2, problem: 'officer', value: 'ana perez' },
    ]);
  });

  it('reports a duplicate codigo on its line, naming the first line', () => {
    const text = roster(
      'PIC-DP,Pichincha,Pichincha,dp,oficial-pic',
      'GUA-DP,Guayas,Guayas,dp,oficial-gua',
      'pic-dp,Pichincha otra vez,Pichincha,dp,oficial-pic',
    );
    expect(parseRoster(text).problems).toEqual([{ line: 4, problem: 'duplicate', code: 'PIC-DP', firstLine: 2 }]);
  });

  it('reports a header without rows as no_rows on the header line', () => {
    expect(parseRoster(`${HEADER}\n`)).toEqual({ rows: [], problems: [{ line: 1, problem: 'no_rows' }] });
  });

  it('reports every problem of every line', () => {
    const text = roster('PIC-DP,,Pichincha,dp,oficial-pic', 'GUA DP,Guayas,Guayas,dp,ana perez');
    expect(parseRoster(text)).toEqual({
      rows: [],
      problems: [
        { line: 2, problem: 'empty', column: 'nombre' },
        { line: 3, problem: 'code', value: 'GUA DP' },
        { line: 3, problem: 'officer', value: 'ana perez' },
      ],
    });
  });

  it('reports an unclosed quote as a csv problem', () => {
    const { rows, problems } = parseRoster(roster('PIC-DP,"Pichincha,Pichincha,dp,oficial-pic'));
    expect(rows).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.problem).toBe('csv');
  });
});

describe('the demo roster', () => {
  const text = readFileSync(new URL('../../db/demo/unidades-demo.csv', import.meta.url), 'utf8');
  const { rows, problems } = parseRoster(text);

  it('parses with no problems', () => {
    expect(problems).toEqual([]);
  });

  it('has exactly 126 units', () => {
    expect(rows).toHaveLength(126);
  });

  it('has unique unit codes', () => {
    expect(new Set(rows.map((row) => row.code)).size).toBe(126);
  });

  it('covers 24 provinces', () => {
    expect(new Set(rows.map((row) => row.province)).size).toBe(24);
  });
});

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

describe('one spelling per province', () => {
  it('trims every field, collapses inner spaces and writes each province one way whatever its case and accents', () => {
    const rows = rowsOf(
      roster(
        ' pic-dp ,  Dirección   Provincial de Pichincha ,pichincha, direccion-provincial , oficial-pic ',
        'PIC-H1,Hospital General Quito Sur, PICHINCHA ,hospital,',
        'RIO-DP,Dirección Provincial de Los Ríos,Los rios,direccion-provincial,',
        'SDT-DP,Dirección Provincial,santo domingo de los tsachilas,direccion-provincial,',
        'ZAM-DP,Dirección Provincial,Zamora-Chinchipe,direccion-provincial,',
      ),
    );
    expect(rows.map((row) => [row.code, row.name, row.province, row.kind, row.officer])).toEqual([
      ['PIC-DP', 'Dirección Provincial de Pichincha', 'Pichincha', 'direccion-provincial', 'oficial-pic'],
      ['PIC-H1', 'Hospital General Quito Sur', 'Pichincha', 'hospital', null],
      ['RIO-DP', 'Dirección Provincial de Los Ríos', 'Los Ríos', 'direccion-provincial', null],
      ['SDT-DP', 'Dirección Provincial', 'Santo Domingo de los Tsáchilas', 'direccion-provincial', null],
      ['ZAM-DP', 'Dirección Provincial', 'Zamora Chinchipe', 'direccion-provincial', null],
    ]);
  });

  it('refuses an unknown province with its line number and the closest province', () => {
    const { rows, problems } = parseRoster(
      roster(
        'PIC-DP,Dirección,Pichincha,direccion-provincial,',
        'GUA-DP,Dirección,Guyas,direccion-provincial,',
        'X-1,Unidad,Atlántida,hospital,',
      ),
    );
    expect(problems).toEqual([
      { line: 3, problem: 'province', value: 'Guyas', suggestion: 'Guayas' },
      { line: 4, problem: 'province', value: 'Atlántida', suggestion: undefined },
    ]);
    expect(rows.map((row) => row.code)).toEqual(['PIC-DP']);
  });

  it("takes the campaign file's own list instead of Ecuador's", () => {
    const { rows, problems } = parseRoster(
      roster('SS-DP,Dirección,san salvador,direccion-provincial,', 'PIC-DP,Dirección,Pichincha,direccion-provincial,'),
      { provinces: ['San Salvador', 'La Libertad'] },
    );
    expect(rows.map((row) => row.province)).toEqual(['San Salvador']);
    expect(problems).toEqual([{ line: 3, problem: 'province', value: 'Pichincha', suggestion: undefined }]);
  });

  it("keeps the demo roster's 126 units, its provinces already in their one spelling", () => {
    const { rows, problems } = parseRoster(readFileSync('db/demo/unidades-demo.csv', 'utf8'));
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(126);
    expect(new Set(rows.map((row) => row.province)).size).toBe(24);
  });
});
