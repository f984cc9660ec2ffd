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

describe('Ecuadorian institutional writing passes clean', () => {
  it.each([
    ['times written HHhMM in either case', 'La sesión empieza a las 11h15 y termina a las 16H45; mañana, a las 9h00.'],
    [
      'ordinals and number abbreviations',
      'Auditorio del 2.º piso, 4.ª sesión, 1.er trimestre, 3ra jornada; N.º de atención: 140.',
    ],
    ['titles before a name', 'Intervienen el Dr. Pérez, la Ing. Cedeño, el Abg. Toapanta y la Mgs. Chicaiza.'],
    ['a title opening the text', 'Abg. Segundo Chicaiza agradece a los asistentes.'],
    [
      'day and month abbreviations of written dates',
      'Rinde cuentas el jue 17 sep a las 10h00; la siguiente, el mié 4 de nov.',
    ],
    ['imperatives with pronouns', 'Inscríbete, síganos en vivo, escríbanos, suscríbete y descárgala hoy.'],
    [
      'places, Kichwa words and acronyms',
      'Alli puncha, Sucumbíos: yupaychani a Shushufindi, Cuyabeno y a los GADs de Orellana.',
    ],
    ['words made with a prefix', 'Se reprogramó la sesión y la preinscripción sigue abierta.'],
    ['medical vocabulary', 'El nuevo tomógrafo y la consulta oncológica llegan al hospital; hay tamizajes gratuitos.'],
    ['a gender-inclusive @', 'Tod@s l@s afiliad@s pueden participar.'],
    ["the institution's own channel on another site", 'Véala en https://www.youtube.com/@IESSec/live'],
  ])('%s', (_case, text) => {
    expect(check(text, { institutionalLinks: ['youtube.com/@IESSec'] })).toEqual([]);
  });

  it('still flags a verb with pronouns that lacks its written accent, and a missing accent the dictionary hides', () => {
    const [finding] = check('Inscribete hoy. El informe esta disponible y ademas gratuito.').filter(
      (candidate) => candidate.rule === 10,
    );
    expect(finding?.code === 'spelling' && finding.words).toEqual([
      { word: 'Inscribete', suggestions: expect.any(Array) },
      { word: 'esta', suggestions: ['está'] },
      { word: 'ademas', suggestions: ['además'] },
    ]);
  });

  it('spells the words of a text written in capitals', () => {
    const spelling = check('ATENCION: LA SESION DE CUENCA EMPIEZA A LAS 09H30.').find((finding) => finding.rule === 10);
    expect(spelling?.code === 'spelling' && spelling.words.map((entry) => entry.word)).toEqual(['ATENCION', 'SESION']);
  });

  it('does not take an ordinal such as "1.er" for a link', () => {
    expect(rulesOf(check('El 1.er pago se acredita el lunes.'))).not.toContain(4);
  });
});

describe('rule 2: disguised and regional insults', () => {
  it.each([
    ['digits for letters', 'El c0ñ0 del técnico no llegó', 'c0ñ0'],
    ['a symbol for a letter', 'Ya nos j0d@ la lluvia', 'j0d@'],
    ['dots between letters', 'p.u.t.a madre, lea el informe', 'p.u.t.a'],
    ['letters typed one by one', 'son unos p u t o s', 'p u t o s'],
    ['a masked letter', 'una m*erda de sonido', 'm*erda'],
    ['a spelling that sounds the same', 'los weones del chat', 'weones'],
    ['dropped vowels', 'el kbron del chat', 'kbron'],
    ['stretched letters and symbols together', 'qué m!3rdaaa de audio', 'm!3rdaaa'],
    ['Mexico', 'qué pinche desorden', 'pinche'],
    ['Río de la Plata', 'boludo el que lo crea', 'boludo'],
    ['Spain', 'menudo capullo', 'capullo'],
    ['Ecuador', 'no sean cojudos', 'cojudos'],
    ['Chile and Peru', 'conchetumare, se fue la señal', 'conchetumare'],
    ['a conjugated verb with a pronoun', 'Jódete, troll.', 'Jódete'],
    ['a past tense', 'Cagaron la transmisión otra vez', 'Cagaron'],
    ['a noun made from a verb', 'qué cagada lo del proyector', 'cagada'],
    ['English', 'This is bullshit', 'bullshit'],
    ['a phrase', 'ese concha de tu madre', 'concha de tu madre'],
    ['a hashtag', 'Otra vez sin audio #QuéMierda', 'Mierda'],
  ])('blocks %s', (_case, text, word) => {
    const finding = check(text).find((candidate) => candidate.rule === 2);
    expect(finding?.code === 'profanity' && finding.words).toContain(word);
  });

  it.each([
    'El reputado cardiólogo Dr. Galo Játiva dictará una charla.',
    'Zorrilla, Proaño y Yépez se suman al Seguro Social Campesino de Carchi.',
    'La señora Concha Pérez y el gerente Longo visitaron Putumayo, Chone y Pichincha.',
    'Análisis de orina y de materia fecal; salud sexual; prevención del consumo de drogas.',
    'Los pagos retrasados se acreditan el lunes. Sexo: masculino. Una heroína de la salud.',
    'El cono de seguridad es de color negro.',
  ])('lets through words that contain or resemble an insult: %s', (text) => {
    expect(rulesOf(check(text))).not.toContain(2);
  });

  it('never suggests an insult as the spelling of a word', () => {
    const spelling = check('Es merda, carajp y cabrom.').find((finding) => finding.rule === 10);
    const suggestions = spelling?.code === 'spelling' ? spelling.words.flatMap((entry) => entry.suggestions) : [];
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions).not.toContain('mierda');
    expect(suggestions).not.toContain('carajo');
    expect(suggestions).not.toContain('cabrona');
  });

  it.each(['mierdaaaa de servicio', 'Esto es una ch1ngadera.'])(
    'reports a disguised insult under rule 2 only, never as a spelling mistake: %s',
    (text) => {
      expect(rulesOf(check(text))).toEqual([2]);
    },
  );
});
