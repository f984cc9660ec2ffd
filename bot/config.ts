import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';
import { POLICY_RULES, type PolicyRule } from '../commands/core/policy/policy-checker.js';
import { type BotSettings, DEFAULT_SETTINGS } from '../commands/core/types.js';
import type { SheetCredentials } from '../integrations/google-sheets/sheet-writer.js';
import type { LogLevel } from './logger.js';
import type { ChatPlatform, ConfiguredChat } from './platforms/chat-platform.js';
import { CHAT_PLATFORMS } from './platforms/registry.js';
import { StartupError } from './startup-error.js';

const listOfIds = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  );

const isCron = (value: string) => {
  try {
    CronExpressionParser.parse(value);
    return true;
  } catch {
    return false;
  }
};

/** `0 8 * * *; 0 13 * * 1-5` → two schedules; `no` → none. */
const schedules = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value.trim().toLowerCase() === 'no'
        ? []
        : value
            .split(';')
            .map((cron) => cron.trim())
            .filter(Boolean),
    )
    .refine((crons) => crons.every(isCron), {
      error:
        'debe tener expresiones cron separadas por ";", por ejemplo "0 8 * * *" (todos los días a las 08:00), o "no"',
    });

/** The variables of the bot itself; each chat platform's descriptor adds its own. */
const coreSchema = z.object({
  DATABASE_PATH: z
    .string()
    .min(1, { error: 'debe ser la ruta de un archivo, por ejemplo ./data/rendicion.db' })
    .default('./data/rendicion.db'),
  CAMPAIGN_FILE: z.string().min(1).optional(),
  BOT_LANGUAGE: z.enum(['es', 'en'], { error: 'debe ser "es" o "en"' }).optional(),
  BOT_ADMINS: listOfIds,
  APPROVAL_OVERDUE_HOURS: z.coerce
    .number({ error: 'debe ser un número de horas, por ejemplo 24' })
    .int({ error: 'debe ser un número entero de horas' })
    .positive({ error: 'debe ser mayor que 0' })
    .default(DEFAULT_SETTINGS.approvalOverdueHours),
  APPROVAL_ESCALATION_HOURS: z.coerce
    .number({ error: 'debe ser un número de horas, por ejemplo 48' })
    .int({ error: 'debe ser un número entero de horas' })
    .positive({ error: 'debe ser mayor que 0' })
    .default(DEFAULT_SETTINGS.approvalEscalationHours),
  PORT: z.coerce
    .number({ error: 'debe ser un número de puerto, por ejemplo 3000' })
    .int()
    .min(0)
    .max(65535, { error: 'debe ser un número de puerto, por ejemplo 3000' })
    .default(3000),
  SUMMARY_SCHEDULE: schedules(DEFAULT_SETTINGS.summarySchedule.join(';')),
  SUMMARY_SCHEDULE_CAMPAIGN: schedules(DEFAULT_SETTINGS.summaryScheduleDuringWindow.join(';')),
  REMINDER_QUIET_HOURS: z
    .string()
    .default('20-7')
    .refine(
      (value) => value.trim().toLowerCase() === 'no' || /^([01]?\d|2[0-3])-([01]?\d|2[0-3])$/.test(value.trim()),
      {
        error: 'debe ser "desde-hasta" en horas de 0 a 23, por ejemplo "20-7", o "no"',
      },
    )
    .transform((value) => {
      if (value.trim().toLowerCase() === 'no') return undefined;
      const [fromHour, toHour] = value.trim().split('-').map(Number) as [number, number];
      return { fromHour, toHour };
    }),
  POLICY_BLOCKING: z
    .string()
    .default(DEFAULT_SETTINGS.policyBlockingRules.join(','))
    .transform((value) =>
      value
        .split(',')
        .map((rule) => rule.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine((rules) => rules.every((rule) => POLICY_RULES.map(String).includes(rule)), {
      error: 'debe listar reglas separadas por comas entre 2, 4, 10, 11, 12 y longitud, por ejemplo "2,11,12,longitud"',
    })
    .transform((rules) => rules.map((rule) => (rule === 'longitud' ? 'longitud' : Number(rule))) as PolicyRule[]),
  TWEET_MAX_PER_EVENT: z.coerce
    .number({ error: 'debe ser un número entero, por ejemplo 5' })
    .int()
    .positive({ error: 'debe ser mayor que 0' })
    .default(DEFAULT_SETTINGS.maxTweetsPerEvent),
  TWEET_RATE_WINDOW_MINUTES: z.coerce
    .number({ error: 'debe ser un número de minutos, por ejemplo 60' })
    .int()
    .positive({ error: 'debe ser mayor que 0' })
    .default(DEFAULT_SETTINGS.tweetRateWindowMinutes),
  X_API_KEY: z.string().optional(),
  X_API_SECRET: z.string().optional(),
  X_ACCESS_TOKEN: z.string().optional(),
  X_ACCESS_SECRET: z.string().optional(),
  X_API_URL: z.url({ error: 'debe ser una URL, por ejemplo https://api.x.com' }).default('https://api.x.com'),
  YOUTUBE_API_KEY: z
    .string()
    .min(10, { error: 'debe ser una clave de API de Google con YouTube Data API v3' })
    .optional(),
  YOUTUBE_CHANNEL_ID: z
    .string()
    .regex(/^UC[\w-]{22}$/, { error: 'debe ser el id del canal (empieza con "UC", 24 caracteres)' })
    .optional(),
  YOUTUBE_PLAYLIST_ID: z
    .string()
    .regex(/^PL[\w-]{10,}$/, { error: 'debe ser el id de la lista (empieza con "PL")' })
    .optional(),
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_SECRET: z.string().optional(),
  GOOGLE_REFRESH_TOKEN: z.string().optional(),
  GOOGLE_API_URL: z.url({ error: 'debe ser una URL, por ejemplo http://127.0.0.1:8080/' }).optional(),
  GOOGLE_SHEET_ID: z
    .string()
    .regex(/^[\w-]{20,}$/, { error: 'debe ser el id de la hoja (la parte larga de su dirección)' })
    .optional(),
  GOOGLE_SHEET_NAME: z.string().min(1).default('Rendiciones'),
  GOOGLE_SERVICE_ACCOUNT_FILE: z.string().optional(),
  AGENDA_PUBLIC_URL: z
    .url({ error: 'debe ser la dirección pública de la agenda, por ejemplo https://www.iess.gob.ec/rendicion/agenda' })
    .refine((value) => /^https?:\/\//i.test(value), {
      error: 'debe empezar por https:// (o http://), por ejemplo https://www.iess.gob.ec/rendicion/agenda',
    })
    .optional(),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error', 'silent'], { error: 'debe ser debug, info, warn, error o silent' })
    .optional(),
});

type CoreValues = z.infer<typeof coreSchema>;

/** Every environment variable the bot reads (README and .env.example document each one). */
export const CONFIG_VARIABLES = [
  ...Object.keys(coreSchema.shape),
  ...CHAT_PLATFORMS.flatMap((platform) => Object.keys(platform.env)),
];

export interface Config {
  databasePath: string;
  campaignFile?: string;
  /** Overrides the campaign file's language when set. */
  language?: 'es' | 'en';
  admins: string[];
  /** Unset: `info`, except in an interactive console, where log lines would interleave with the chat (`warn`). */
  logLevel?: LogLevel;
  settings: BotSettings;
  /**
   * The chat platforms whose credentials are set, in the registry's order; several may run in one
   * process, and none means console mode.
   */
  chats: ConfiguredChat[];
  /** Port of GET /healthz and the public agenda (and of Slack's requests in HTTP mode). */
  port: number;
  /** Whether PORT was set: the console serves the agenda only then (a terminal chat needs no port). */
  portGiven: boolean;
  /** AGENDA_PUBLIC_URL: where citizens reach the agenda (behind the institution's proxy). */
  agendaPublicUrl?: string;
  /** Set when the four X credentials are; without them tweets are simulated. */
  x?: XSettings;
  /** Set with GOOGLE_SHEET_ID: the campaign table is kept in that spreadsheet. */
  sheet?: { spreadsheetId: string; sheetName: string; rootUrl: string; credentials: SheetCredentials };
  /** Set with YOUTUBE_API_KEY: reported links are verified; without it they are checked for form only. */
  youtube?: {
    apiKey: string;
    rootUrl: string;
    channelId?: string;
    playlistId?: string;
    owner?: { clientId: string; clientSecret: string; refreshToken: string };
    tokenUrl?: string;
  };
}

export interface XSettings {
  appKey: string;
  appSecret: string;
  accessToken: string;
  accessSecret: string;
  apiUrl: string;
}

/** Reads the environment once; a bad value stops start-up naming each variable. */
export function loadConfig(env: NodeJS.ProcessEnv, platforms: readonly ChatPlatform[] = CHAT_PLATFORMS): Config {
  // An empty assignment in .env (`CAMPAIGN_FILE=`) means "not set", as people expect.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const envSchema = coreSchema.extend(Object.assign({}, ...platforms.map((platform) => platform.env)));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    throw new StartupError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const values = result.data as CoreValues;
  return {
    chats: readChats(platforms, result.data),
    port: values.PORT,
    portGiven: present.PORT !== undefined,
    agendaPublicUrl: values.AGENDA_PUBLIC_URL,
    databasePath: values.DATABASE_PATH,
    campaignFile: values.CAMPAIGN_FILE,
    language: values.BOT_LANGUAGE,
    admins: values.BOT_ADMINS,
    logLevel: values.LOG_LEVEL,
    settings: {
      approvalOverdueHours: values.APPROVAL_OVERDUE_HOURS,
      approvalEscalationHours: values.APPROVAL_ESCALATION_HOURS,
      summarySchedule: values.SUMMARY_SCHEDULE,
      summaryScheduleDuringWindow: values.SUMMARY_SCHEDULE_CAMPAIGN,
      quietHours: values.REMINDER_QUIET_HOURS,
      policyBlockingRules: values.POLICY_BLOCKING,
      maxTweetsPerEvent: values.TWEET_MAX_PER_EVENT,
      tweetRateWindowMinutes: values.TWEET_RATE_WINDOW_MINUTES,
    },
    x: readXSettings(values),
    sheet: readSheetSettings(values),
    youtube: values.YOUTUBE_API_KEY
      ? {
          apiKey: values.YOUTUBE_API_KEY,
          rootUrl: values.GOOGLE_API_URL ?? 'https://youtube.googleapis.com/',
          channelId: values.YOUTUBE_CHANNEL_ID,
          playlistId: values.YOUTUBE_PLAYLIST_ID,
          owner:
            values.GOOGLE_CLIENT_ID && values.GOOGLE_CLIENT_SECRET && values.GOOGLE_REFRESH_TOKEN
              ? {
                  clientId: values.GOOGLE_CLIENT_ID,
                  clientSecret: values.GOOGLE_CLIENT_SECRET,
                  refreshToken: values.GOOGLE_REFRESH_TOKEN,
                }
              : undefined,
          // Redirecting the APIs (tests, a proxy) redirects the OAuth token endpoint with them.
          tokenUrl: values.GOOGLE_API_URL ? new URL('token', values.GOOGLE_API_URL).href : undefined,
        }
      : undefined,
  };
}

function readChats(platforms: readonly ChatPlatform[], values: Record<string, unknown>): ConfiguredChat[] {
  const chats: ConfiguredChat[] = [];
  for (const descriptor of platforms) {
    const settings = descriptor.readSettings(values);
    if (settings !== undefined) chats.push({ descriptor, settings });
  }
  return chats;
}

/** The settings of one platform, typed, when this configuration connects to it. */
export function settingsOf<Settings>(config: Config, platform: ChatPlatform<Settings>): Settings | undefined {
  return config.chats.find((chat) => chat.descriptor === platform)?.settings as Settings | undefined;
}

function readXSettings(values: CoreValues): XSettings | undefined {
  const credentials = {
    X_API_KEY: values.X_API_KEY,
    X_API_SECRET: values.X_API_SECRET,
    X_ACCESS_TOKEN: values.X_ACCESS_TOKEN,
    X_ACCESS_SECRET: values.X_ACCESS_SECRET,
  };
  const missing = Object.entries(credentials)
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length === 4) return undefined;
  if (missing.length) {
    throw new StartupError(
      missing.map((name) => `${name}: falta; publicar en X necesita las cuatro credenciales OAuth 1.0a de la cuenta`),
    );
  }
  return {
    appKey: values.X_API_KEY ?? '',
    appSecret: values.X_API_SECRET ?? '',
    accessToken: values.X_ACCESS_TOKEN ?? '',
    accessSecret: values.X_ACCESS_SECRET ?? '',
    apiUrl: values.X_API_URL,
  };
}

function readSheetSettings(values: CoreValues): Config['sheet'] {
  if (!values.GOOGLE_SHEET_ID) return undefined;
  const tokenUrl = values.GOOGLE_API_URL ? new URL('token', values.GOOGLE_API_URL).href : undefined;
  const credentials: SheetCredentials | undefined = values.GOOGLE_SERVICE_ACCOUNT_FILE
    ? { kind: 'service-account', keyFile: values.GOOGLE_SERVICE_ACCOUNT_FILE }
    : values.GOOGLE_CLIENT_ID && values.GOOGLE_CLIENT_SECRET && values.GOOGLE_REFRESH_TOKEN
      ? {
          kind: 'owner',
          clientId: values.GOOGLE_CLIENT_ID,
          clientSecret: values.GOOGLE_CLIENT_SECRET,
          refreshToken: values.GOOGLE_REFRESH_TOKEN,
          tokenUrl,
        }
      : undefined;
  if (!credentials) {
    throw new StartupError([
      'GOOGLE_SHEET_ID: para escribir la hoja falta GOOGLE_SERVICE_ACCOUNT_FILE (una clave de cuenta de servicio con acceso a la hoja) o GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET y GOOGLE_REFRESH_TOKEN',
    ]);
  }
  return {
    spreadsheetId: values.GOOGLE_SHEET_ID,
    sheetName: values.GOOGLE_SHEET_NAME,
    rootUrl: values.GOOGLE_API_URL ?? 'https://sheets.googleapis.com/',
    credentials,
  };
}
