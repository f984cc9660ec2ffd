import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRoster } from '../../../../commands/core/roster/parse-roster.js';
import { ROSTER_HEADER, roster, rowsOf } from '../../../helpers/roster-text.js';

describe('parseRoster', () => {
  it('reads a good file with a BOM, a comment line and a quoted name containing a comma', () => {
    const text = [
      '\uFEFF# Unidades de la campaña 2026',
      ROSTER_HEADER,
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
    const text = `${ROSTER_HEADER}\n# comentario\n\nPIC-DP,Pichincha,Pichincha,direccion-provincial,oficial-pic\n`;
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
    expect(parseRoster(`${ROSTER_HEADER}\n`)).toEqual({ rows: [], problems: [{ line: 1, problem: 'no_rows' }] });
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
  const text = readFileSync(new URL('../../../../db/demo/unidades-demo.csv', import.meta.url), 'utf8');
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
