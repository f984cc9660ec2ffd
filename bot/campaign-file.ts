import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { CampaignSettings } from '../db/queries/campaign.js';
import { StartupError } from './startup-error.js';

const isTimeZone = (value: string) => {
  try {
    new Intl.DateTimeFormat('es', { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

const zone = z
  .string()
  .refine(isTimeZone, { error: 'debe ser una zona horaria IANA, por ejemplo "Pacific/Galapagos"' });
const date = z.iso.date({ error: 'debe ser una fecha real con la forma AAAA-MM-DD, por ejemplo "2026-09-12"' });
const hostname = z.string().regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/i, {
  error: 'debe ser un dominio como "iess.gob.ec", sin https:// ni rutas',
});

/** The campaign file (CAMPAIGN_FILE), written in Spanish by the people who run the campaign. */
export const campaignFileSchema = z
  .object({
    nombre: z.string().trim().min(3, { error: 'debe tener el nombre de la campaña' }),
    zonaHoraria: z
      .string()
      .refine(isTimeZone, { error: 'debe ser una zona horaria IANA, por ejemplo "America/Guayaquil"' })
      .default('America/Guayaquil'),
    inicio: date,
    fin: date,
    hashtag: z.string().regex(/^#[\p{L}\p{N}_]+$/u, {
      error: 'debe empezar con # y no tener espacios, por ejemplo "#RendiciónDeCuentas2026"',
    }),
    sitioWeb: z.url({
      protocol: /^https?$/,
      error: 'debe ser una dirección web completa, por ejemplo "https://www.iess.gob.ec/rendicion"',
    }),
    dominiosInstitucionales: z.array(hostname).min(1, { error: 'debe listar al menos un dominio institucional' }),
    youtube: z
      .object({
        canal: z
          .string()
          .regex(/^UC[\w-]{22}$/, { error: 'debe ser el id del canal (empieza con "UC", 24 caracteres)' })
          .optional(),
        listaDeReproduccion: z
          .string()
          .regex(/^PL[\w-]{10,}$/, { error: 'debe ser el id de la lista (empieza con "PL")' })
          .optional(),
      })
      .strict()
      .default({}),
    idioma: z.enum(['es', 'en'], { error: 'debe ser "es" o "en"' }).default('es'),
    /** The provinces (departments...) a roster may name, instead of Ecuador's 24. */
    provincias: z
      .array(z.string().trim().min(2, { error: 'cada provincia debe tener un nombre' }))
      .min(1, { error: 'debe listar al menos una provincia, o no estar' })
      .optional(),
    zonasHorarias: z
      .object({ provincias: z.record(z.string(), zone).optional(), unidades: z.record(z.string(), zone).optional() })
      .strict()
      .default({}),
    /** Words the spelling rule must accept besides its own lists (unit names come from the roster). */
    palabras: z
      .array(
        z.string().regex(/^[\p{L}'-]+$/u, {
          error: 'debe ser una lista de palabras sueltas, sin espacios ni números, por ejemplo ["Quitumbe", "Yaruquí"]',
        }),
      )
      .default([]),
    /** The institution's pages on other sites: links under them are not external (policy rule 4). */
    enlacesInstitucionales: z
      .array(
        z.string().regex(/^(?:https?:\/\/)?(?:www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\S+$/i, {
          error:
            'debe ser una lista de páginas con su ruta, por ejemplo ["youtube.com/@IESSec", "facebook.com/IESSec"]',
        }),
      )
      .default([]),
  })
  .strict()
  .refine((file) => file.fin >= file.inicio, { error: 'debe ser igual o posterior a "inicio"', path: ['fin'] });

export type CampaignFile = z.infer<typeof campaignFileSchema>;

export function campaignSettingsFromFile(file: CampaignFile): CampaignSettings {
  return {
    name: file.nombre,
    timeZone: file.zonaHoraria,
    windowStart: file.inicio,
    windowEnd: file.fin,
    hashtag: file.hashtag,
    websiteUrl: file.sitioWeb,
    institutionalDomains: file.dominiosInstitucionales.map((domain) => domain.toLowerCase()),
    youtubeChannelId: file.youtube.canal ?? null,
    youtubePlaylistId: file.youtube.listaDeReproduccion ?? null,
    policyWords: file.palabras,
    institutionalLinks: file.enlacesInstitucionales,
    language: file.idioma,
    unitTimeZones: {
      ...(file.zonasHorarias.provincias ? { provinces: file.zonasHorarias.provincias } : {}),
      ...(file.zonasHorarias.unidades ? { units: file.zonasHorarias.unidades } : {}),
    },
    isDemo: false,
  };
}

const EXPECTED_TYPES: Record<string, string> = {
  string: 'un texto entre comillas',
  array: 'una lista entre corchetes',
  object: 'un objeto entre llaves',
};

/** Zod's own words are English; the people who write the file read Spanish. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_type') return issue.message;
  if (issue.input === undefined || issue.input === null) return 'falta y es obligatorio';
  return `debe ser ${EXPECTED_TYPES[issue.expected] ?? issue.expected}`;
}

/** Reads and validates the campaign file; every problem names its field. */
export function loadCampaignFile(path: string): CampaignSettings {
  return campaignSettingsFromFile(readCampaignFile(path));
}

/** The campaign file as written, validated (the roster import reads its `provincias`). */
export function readCampaignFile(path: string): CampaignFile {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    throw new StartupError([`CAMPAIGN_FILE: no se puede leer el archivo "${path}". Revise la ruta.`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new StartupError([`CAMPAIGN_FILE (${path}): no es JSON válido: ${(error as Error).message}`]);
  }
  const result = campaignFileSchema.safeParse(json, { reportInput: true });
  if (!result.success) {
    throw new StartupError(
      result.error.issues.map((issue) => {
        const field = issue.path.join('.');
        if (issue.code === 'unrecognized_keys') {
          const keys = issue.keys.map((key) => `"${field ? `${field}.` : ''}${key}"`).join(', ');
          return `CAMPAIGN_FILE (${path}): campo desconocido ${keys}`;
        }
        return `CAMPAIGN_FILE (${path}): el campo "${field || '(archivo)'}" ${describeIssue(issue)}`;
      }),
    );
  }
  return result.data;
}
