import type { Clock } from '../commands/core/clock.js';
import { createDateFormatter } from '../commands/core/format-date.js';
import { type Database, inTransaction, openDatabase } from '../db/client.js';
import { type Campaign, findCampaign, saveCampaign } from '../db/queries/campaign.js';
import { loadCampaignFile } from './campaign-file.js';
import type { Config } from './config.js';
import { demoCampaignSettings, seedDemoCampaign } from './demo-campaign.js';
import { StartupError } from './startup-error.js';

const SYSTEM_ACTOR = 'sistema';

/**
 * Opens the database and makes sure it holds the campaign: the one in CAMPAIGN_FILE (updated when
 * the file changes) or, for an empty database with no file, the demo campaign with its roster.
 */
export function prepareDatabase(
  config: Config,
  clock: Clock,
): { db: Database; campaign: Campaign; createdDemo: boolean } {
  // Read the file first: a bad file must stop start-up before anything is written.
  const fromFile = config.campaignFile ? loadCampaignFile(config.campaignFile) : undefined;
  const db = openOrExplain(config.databasePath);
  try {
    const now = clock.now();
    const existing = findCampaign(db);
    if (fromFile) {
      if (existing?.isDemo) {
        throw new StartupError([
          `DATABASE_PATH (${config.databasePath}) tiene la campaña de demostración; la campaña de CAMPAIGN_FILE necesita una base de datos propia. Use otro DATABASE_PATH.`,
        ]);
      }
      const { campaign } = inTransaction(db, () => saveCampaign(db, fromFile, SYSTEM_ACTOR, now));
      return { db, campaign, createdDemo: false };
    }
    if (existing) return { db, campaign: existing, createdDemo: false };
    const today = createDateFormatter('es', 'America/Guayaquil').toLocalDate(now);
    const campaign = inTransaction(db, () => {
      const { campaign: created } = saveCampaign(db, demoCampaignSettings(today), SYSTEM_ACTOR, now);
      seedDemoCampaign(db, created, now);
      return created;
    });
    return { db, campaign, createdDemo: true };
  } catch (error) {
    db.close();
    // A lock taken by another process shows up at the first write, after the file opened fine.
    throw error instanceof StartupError ? error : explainDatabaseError(config.databasePath, error);
  }
}

function openOrExplain(path: string): Database {
  try {
    return openDatabase(path);
  } catch (error) {
    const explained = explainDatabaseError(path, error);
    throw explained instanceof StartupError
      ? explained
      : new StartupError([`DATABASE_PATH (${path}): ${(error as Error).message}`]);
  }
}

/** SQLite's error codes as a start-up message that names DATABASE_PATH and says what to do. */
function explainDatabaseError(path: string, error: unknown): unknown {
  const code = (error as { code?: string }).code ?? '';
  if (!code.startsWith('SQLITE_')) return error;
  const reason =
    code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT'
      ? 'el archivo no es una base de datos SQLite válida o está dañado. Restaure una copia de respaldo o use otro DATABASE_PATH.'
      : code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED'
        ? 'otro proceso la tiene bloqueada. Cierre el otro proceso del bot y vuelva a intentar.'
        : code === 'SQLITE_CANTOPEN'
          ? 'no se puede abrir o crear el archivo. Revise la ruta y los permisos de la carpeta.'
          : `${(error as Error).message}`;
  return new StartupError([`DATABASE_PATH (${path}): ${reason}`]);
}
