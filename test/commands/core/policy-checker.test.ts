import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkPolicy,
  knownWordsOf,
  type PolicyInput,
  type RatedFinding,
  type Speller,
} from '../../../commands/core/policy/policy-checker.js';
import { loadSpanishSpeller } from '../../../commands/core/policy/spanish-speller.js';

let speller: Speller;
beforeAll(async () => {
  speller = await loadSpanishSpeller();
});

const DOMAINS = ['iess.gob.ec', 'gob.ec'];
const known = knownWordsOf(['Dirección Provincial de Pichincha', 'Guayas', 'Hospital Quitumbe', 'RendiciónDeCuentas']);

function check(text: string, extra: Partial<PolicyInput> = {}): RatedFinding[] {
  return checkPolicy({ text, institutionalDomains: DOMAINS, knownWords: known, ...extra }, speller).findings;
}

const rulesOf = (findings: RatedFinding[]) => findings.map((finding) => finding.rule);

describe('clean texts pass', () => {
  it.each([
    'En vivo desde Quito, la Dirección Provincial de Pichincha rinde cuentas a la ciudadanía. #RendiciónDeCuentas',
    'Conozca el informe completo en https://www.iess.gob.ec/rendicion-de-cuentas',
    'El IESS atendió a 1.250.000 afiliados en 2026; el director Juan Pérez presentó los resultados.',
    '¿Tiene preguntas? Escríbanos a preguntas@iess.gob.ec durante la sesión.',
    'La atención en el hospital de Quitumbe mejoró un 30 % este año.',
    'Gracias a @IESSec y a todos los asistentes por acompañarnos hoy.',
    'Hoy la transmisión es IMPORTANTE para todos los afiliados de la provincia del Guayas.',
  ])('%s', (text) => {
    expect(check(text)).toEqual([]);
  });
});

describe('rule 2: insults and profanity', () => {
  it.each([
    ['a plain word', 'Esto es una mierda', 'mierda'],
    ['capitals and an accent', 'Qué IMBÉCIL fue ese comentario', 'IMBÉCIL'],
    ['repeated letters', 'mierdaaaa de servicio', 'mierdaaaa'],
    ['symbol swaps', 'servicio de m1erd4', 'm1erd4'],
    ['a plural', 'son unos pendejos', 'pendejos'],
    ['English', 'what the fuck is this', 'fuck'],
  ])('blocks %s', (_case, text, word) => {
    const [finding] = check(text).filter((candidate) => candidate.rule === 2);
    expect(finding).toMatchObject({ rule: 2, severity: 'block', code: 'profanity' });
    expect(finding?.code === 'profanity' && finding.words).toContain(word);
  });

  it.each([
    'La computadora nueva ya funciona.',
    'Visitamos Scunthorpe y Puteaux.',
    'El cipote ganó el concurso de dibujo.',
  ])('does not trip on words that merely contain a bad word: %s', (text) => {
    expect(rulesOf(check(text))).not.toContain(2);
  });
});

describe('rule 4: links to external organisations', () => {
  it('asks for the Directorate on a link outside the institutional domains', () => {
    expect(check('Vea https://www.eluniverso.com/noticia-1')).toContainEqual(
      expect.objectContaining({ rule: 4, severity: 'warn', hosts: ['www.eluniverso.com'] }),
    );
  });

  it('treats a link shortener as external', () => {
    expect(check('Informe: https://bit.ly/3abcXYZ')).toContainEqual(
      expect.objectContaining({ rule: 4, hosts: ['bit.ly'] }),
    );
  });

  it('accepts a subdomain of an institutional domain', () => {
    expect(rulesOf(check('Detalles en https://servicios.iess.gob.ec/informe'))).not.toContain(4);
  });
});

describe('rule 10: spelling', () => {
  it('flags a missing written accent that makes a non-word, with the suggestion', () => {
    const [finding] = check('La sesion de hoy tiene informacion para todos.').filter(
      (candidate) => candidate.rule === 10,
    );
    expect(finding).toMatchObject({ severity: 'warn' });
    expect(finding?.code === 'spelling' && finding.words).toEqual([
      { word: 'sesion', suggestions: expect.arrayContaining(['sesión']) },
      { word: 'informacion', suggestions: ['información'] },
    ]);
  });

  it('does not flag hashtags, mentions, links, numbers, acronyms, proper names or roster names', () => {
    expect(
      rulesOf(
        check(
          'Hoy #RendicionDeCuentasxyz con @iessxyz en https://iess.gob.ec/abc, 2026, IESSXYZ y Quitumbe, Pichincha.',
        ),
      ),
    ).not.toContain(10);
  });
});

describe('rule 11: all capitals', () => {
  it('blocks a text mostly in capitals', () => {
    expect(check('HOY TODOS A LA RENDICIÓN DE CUENTAS DEL HOSPITAL')).toContainEqual(
      expect.objectContaining({ rule: 11, severity: 'block' }),
    );
  });

  it('accepts a short acronym and one emphasised word', () => {
    expect(rulesOf(check('El IESS presenta HOY su informe anual a la ciudadanía.'))).not.toContain(11);
  });
});

describe('rule 12: spam', () => {
  const at = new Date('2026-09-15T15:00:00Z');

  it('blocks the same text as a recent tweet, and a nearly identical one', () => {
    const recentTweets = [{ text: 'Comienza la rendición de cuentas de Pichincha. #RendiciónDeCuentas', at }];
    expect(
      check('Comienza la rendición de cuentas de Pichincha. #RendiciónDeCuentas', { recentTweets }),
    ).toContainEqual(expect.objectContaining({ rule: 12, code: 'duplicate', severity: 'block' }));
    expect(
      check('¡Comienza la rendición de cuentas de Pichincha! #RendiciónDeCuentas', { recentTweets }),
    ).toContainEqual(expect.objectContaining({ rule: 12, code: 'duplicate' }));
    expect(rulesOf(check('Termina la sesión de Guayas con 200 asistentes.', { recentTweets }))).not.toContain(12);
  });

  it('blocks more than the allowed tweets for one event in the window', () => {
    expect(check('Otro tuit de la sesión.', { eventTweetsInWindow: 5, maxTweetsPerEvent: 5 })).toContainEqual(
      expect.objectContaining({ rule: 12, code: 'too_many', count: 5, minutes: 60 }),
    );
  });
});

describe("X's length limit", () => {
  it('counts a link as 23 characters and blocks over 280', () => {
    const long = `${'a'.repeat(260)} https://www.iess.gob.ec/${'x'.repeat(200)}`;
    expect(checkPolicy({ text: long, institutionalDomains: DOMAINS }, speller).weightedLength).toBe(284);
    expect(check(long)).toContainEqual(
      expect.objectContaining({ rule: 'longitud', severity: 'block', weightedLength: 284 }),
    );
    expect(rulesOf(check(`${'a'.repeat(256)} https://www.iess.gob.ec/${'x'.repeat(200)}`))).not.toContain('longitud');
  });

  it('lets the configuration decide which rules block', () => {
    const findings = check('La sesion empieza', { blockingRules: [10] });
    expect(findings).toContainEqual(expect.objectContaining({ rule: 10, severity: 'block' }));
  });
});

describe('known words', () => {
  it('excuse the roster and campaign words only as written, accents included', () => {
    const campaignWords = knownWordsOf(['Rendición de Cuentas 2026']);
    const findings = checkPolicy(
      { text: 'Comienza la rendicion de cuentas.', institutionalDomains: DOMAINS, knownWords: campaignWords },
      speller,
    ).findings;
    expect(findings).toContainEqual(expect.objectContaining({ rule: 10 }));
  });
});
