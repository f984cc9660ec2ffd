import { z } from 'zod';
import { type BotSettings, DEFAULT_SETTINGS } from '../commands/core/types.js';
import type { LogLevel } from './logger.js';
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

const envSchema = z.object({
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
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error', 'silent'], { error: 'debe ser debug, info, warn, error o silent' })
    .default('info'),
});

export interface Config {
  databasePath: string;
  campaignFile?: string;
  /** Overrides the campaign file's language when set. */
  language?: 'es' | 'en';
  admins: string[];
  logLevel: LogLevel;
  settings: BotSettings;
}

/** Reads the environment once; a bad value stops start-up naming each variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  // An empty assignment in .env (`CAMPAIGN_FILE=`) means "not set", as people expect.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const result = envSchema.safeParse(present);
  if (!result.success) {
    throw new StartupError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const values = result.data;
  return {
    databasePath: values.DATABASE_PATH,
    campaignFile: values.CAMPAIGN_FILE,
    language: values.BOT_LANGUAGE,
    admins: values.BOT_ADMINS,
    logLevel: values.LOG_LEVEL,
    settings: {
      approvalOverdueHours: values.APPROVAL_OVERDUE_HOURS,
      approvalEscalationHours: values.APPROVAL_ESCALATION_HOURS,
    },
  };
}
