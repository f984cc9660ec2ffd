import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCampaignFile } from '../../bot/campaign-file.js';
import { StartupError } from '../../bot/startup-error.js';

const VALID_FILE = {
  nombre: 'Rendición de Cuentas 2026',
  zonaHoraria: 'America/Guayaquil',
  inicio: '2026-09-12',
  fin: '2026-09-26',
  hashtag: '#RendiciónDeCuentas2026',
  sitioWeb: 'https://www.ejemplo.gob.ec/rendicion-de-cuentas',
  dominiosInstitucionales: ['Ejemplo.GOB.ec', 'www.gob.ec'],
  youtube: { canal: 'UCabcdefghijklmnopqrstuv', listaDeReproduccion: 'PLabcdefghijklmnopqrstuvwxyz012345' },
  idioma: 'es',
  palabras: ['Quitumbe', 'Yaruquí'],
  enlacesInstitucionales: ['youtube.com/@IESSec', 'https://www.facebook.com/IESSec'],
};

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'campaign-file-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function writeCampaign(content: unknown, name = 'campana.json'): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2), 'utf8');
  return path;
}

/** The problems of the StartupError that loading this file throws. */
function problemsOf(path: string): readonly string[] {
  try {
    loadCampaignFile(path);
  } catch (error) {
    expect(error).toBeInstanceOf(StartupError);
    return (error as StartupError).problems;
  }
  throw new Error(`expected ${path} to be refused`);
}

function problemsOfContent(content: unknown): readonly string[] {
  return problemsOf(writeCampaign(content));
}

describe('loadCampaignFile', () => {
  it('returns the settings of a valid file', () => {
    expect(loadCampaignFile(writeCampaign(VALID_FILE))).toEqual({
      name: 'Rendición de Cuentas 2026',
      timeZone: 'America/Guayaquil',
      windowStart: '2026-09-12',
      windowEnd: '2026-09-26',
      hashtag: '#RendiciónDeCuentas2026',
      websiteUrl: 'https://www.ejemplo.gob.ec/rendicion-de-cuentas',
      institutionalDomains: ['ejemplo.gob.ec', 'www.gob.ec'],
      youtubeChannelId: 'UCabcdefghijklmnopqrstuv',
      youtubePlaylistId: 'PLabcdefghijklmnopqrstuvwxyz012345',
      policyWords: ['Quitumbe', 'Yaruquí'],
      institutionalLinks: ['youtube.com/@IESSec', 'https://www.facebook.com/IESSec'],
      language: 'es',
      unitTimeZones: {},
      isDemo: false,
    });
  });

  it('reads a zone per province and per unit, and refuses one that is not an IANA zone, naming the field', () => {
    const zones = { provincias: { Galápagos: 'Pacific/Galapagos' }, unidades: { 'PIC-DP': 'America/Bogota' } };
    expect(loadCampaignFile(writeCampaign({ ...VALID_FILE, zonasHorarias: zones })).unitTimeZones).toEqual({
      provinces: { Galápagos: 'Pacific/Galapagos' },
      units: { 'PIC-DP': 'America/Bogota' },
    });
    expect(() =>
      loadCampaignFile(writeCampaign({ ...VALID_FILE, zonasHorarias: { provincias: { Galápagos: 'UTC-6' } } })),
    ).toThrow(/"zonasHorarias\.provincias\.Galápagos" debe ser una zona horaria IANA/);
  });

  it('refuses words with spaces or digits and institutional pages without a path, saying what to write', () => {
    const problems = problemsOfContent({
      ...VALID_FILE,
      palabras: ['Santo Domingo'],
      enlacesInstitucionales: ['youtube.com'],
    });
    expect(problems).toEqual([
      expect.stringContaining('"palabras.0" debe ser una lista de palabras sueltas'),
      expect.stringContaining('"enlacesInstitucionales.0" debe ser una lista de páginas con su ruta'),
    ]);
  });

  it('fills in the default time zone, language, YouTube ids, words and pages when they are left out', () => {
    const {
      zonaHoraria: _zone,
      idioma: _language,
      youtube: _youtube,
      palabras: _words,
      enlacesInstitucionales: _pages,
      ...minimal
    } = VALID_FILE;
    expect(loadCampaignFile(writeCampaign(minimal))).toMatchObject({
      timeZone: 'America/Guayaquil',
      language: 'es',
      policyWords: [],
      institutionalLinks: [],
      youtubeChannelId: null,
      youtubePlaylistId: null,
    });
  });

  it('accepts a file that starts with a byte order mark', () => {
    const path = writeCampaign(`\uFEFF${JSON.stringify(VALID_FILE)}`);
    expect(loadCampaignFile(path).name).toBe('Rendición de Cuentas 2026');
  });

  it('accepts a campaign that starts and ends on the same day', () => {
    const settings = loadCampaignFile(writeCampaign({ ...VALID_FILE, fin: VALID_FILE.inicio }));
    expect(settings.windowEnd).toBe('2026-09-12');
  });

  it('loads the shipped example campaign file', () => {
    const path = fileURLToPath(new URL('../../examples/campana.ejemplo.json', import.meta.url));
    expect(loadCampaignFile(path).windowStart).toBe('2026-09-12');
  });

  it('refuses a file without nombre, saying the field is missing and required', () => {
    const { nombre: _name, ...withoutName } = VALID_FILE;
    const problems = problemsOfContent(withoutName);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('el campo "nombre"');
    expect(problems[0]).toContain('falta y es obligatorio');
  });

  it('refuses a date that does not exist in inicio', () => {
    const problems = problemsOfContent({ ...VALID_FILE, inicio: '2026-02-30', fin: '2026-03-10' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('el campo "inicio"');
    expect(problems[0]).toContain('AAAA-MM-DD');
  });

  it('refuses fin before inicio, naming fin', () => {
    const problems = problemsOfContent({ ...VALID_FILE, inicio: '2026-09-26', fin: '2026-09-12' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('el campo "fin"');
    expect(problems[0]).toContain('posterior a "inicio"');
  });

  it('refuses an unknown time zone, naming zonaHoraria', () => {
    const problems = problemsOfContent({ ...VALID_FILE, zonaHoraria: 'Mars/Base' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('el campo "zonaHoraria"');
    expect(problems[0]).toContain('zona horaria IANA');
  });

  it('refuses a hashtag with a space, naming hashtag', () => {
    const problems = problemsOfContent({ ...VALID_FILE, hashtag: '#Rendición de Cuentas' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('el campo "hashtag"');
    expect(problems[0]).toContain('no tener espacios');
  });

  it('refuses a web address without a scheme, naming sitioWeb', () => {
    const problems = problemsOfContent({ ...VALID_FILE, sitioWeb: 'www.ejemplo.gob.ec/rendicion' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('el campo "sitioWeb"');
    expect(problems[0]).toContain('dirección web completa');
  });

  it('refuses an empty list of institutional domains, naming dominiosInstitucionales', () => {
    const problems = problemsOfContent({ ...VALID_FILE, dominiosInstitucionales: [] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('el campo "dominiosInstitucionales"');
    expect(problems[0]).toContain('al menos un dominio');
  });

  it('refuses an institutional domain written as a URL, naming its position', () => {
    const problems = problemsOfContent({ ...VALID_FILE, dominiosInstitucionales: ['https://ejemplo.gob.ec'] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('el campo "dominiosInstitucionales.0"');
  });

  it('refuses an unknown extra key, naming it', () => {
    const problems = problemsOfContent({ ...VALID_FILE, fechaInicio: '2026-09-12' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('campo desconocido "fechaInicio"');
  });

  it('refuses an unknown key inside youtube, naming it with its parent', () => {
    const problems = problemsOfContent({ ...VALID_FILE, youtube: { canal: VALID_FILE.youtube.canal, lista: 'x' } });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('campo desconocido "youtube.lista"');
  });

  it('reports every problem of a file with several, one line each', () => {
    const problems = problemsOfContent({ ...VALID_FILE, hashtag: 'sin almohadilla', zonaHoraria: 'Mars/Base' });
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toContain('el campo "hashtag"');
    expect(problems.join('\n')).toContain('el campo "zonaHoraria"');
  });

  it('names the file in every problem', () => {
    const path = writeCampaign({ ...VALID_FILE, hashtag: 'sin almohadilla' });
    expect(problemsOf(path)[0]).toContain(`CAMPAIGN_FILE (${path})`);
  });

  it('refuses a file that is not valid JSON', () => {
    const path = writeCampaign('{ "nombre": "Rendición", }');
    const problems = problemsOf(path);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`CAMPAIGN_FILE (${path}): no es JSON válido`);
  });

  it('refuses a file that does not exist, naming the path', () => {
    const path = join(dir, 'no-existe.json');
    const problems = problemsOf(path);
    expect(problems).toEqual([`CAMPAIGN_FILE: no se puede leer el archivo "${path}". Revise la ruta.`]);
  });
});
