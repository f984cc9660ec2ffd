import { type Campaign, getCampaign } from '../db/queries/campaign.js';
import { databaseVersion } from '../db/queries/changes.js';
import { findFirstRegisteredUnit, findFirstUnit } from '../db/queries/units.js';
import { type Access, resolveAccess } from './core/access.js';
import type { CommandDeps, CommandRequest } from './core/types.js';

/** Users whose access one snapshot keeps; past it, the snapshot starts over. */
const MAX_SNAPSHOT_USERS = 1_000;

/**
 * What every request reads before its command runs and only a commit can change: the campaign,
 * each user's access, the unit the examples name. Kept while `databaseVersion` stays the same,
 * so a burst of commands that only read reads them once; any write, here or in another process,
 * starts a new snapshot. Measured in docs/benchmarks.md ("Plain unless measured").
 */
export interface Snapshot {
  readonly campaign: Campaign;
  accessOf(request: Pick<CommandRequest, 'user' | 'extraRoles'>): Access;
  /** The first registered (or else first) unit's code, for examples that work as typed. */
  exampleUnitCode(): string | undefined;
}

/** The snapshot of the database as it is now: the last one while nothing was committed since. */
export function createSnapshots(deps: Pick<CommandDeps, 'db' | 'admins'>): () => Snapshot {
  let version: string | undefined;
  let snapshot: Snapshot | undefined;
  return () => {
    const now = databaseVersion(deps.db);
    if (snapshot === undefined || version !== now) {
      version = now;
      snapshot = readSnapshot(deps);
    }
    return snapshot;
  };
}

function readSnapshot(deps: Pick<CommandDeps, 'db' | 'admins'>): Snapshot {
  const campaign = Object.freeze(getCampaign(deps.db));
  const accessByUser = new Map<string, Access>();
  /** null once looked up and there is none. */
  let exampleUnitCode: string | null | undefined;
  return {
    campaign,
    accessOf(request) {
      const key = `${request.user.id}\n${request.user.email ?? ''}\n${request.extraRoles?.join(',') ?? ''}`;
      let access = accessByUser.get(key);
      if (!access) {
        access = Object.freeze(
          resolveAccess(deps.db, {
            campaignId: campaign.id,
            user: request.user,
            admins: deps.admins,
            extraRoles: request.extraRoles,
          }),
        );
        if (accessByUser.size >= MAX_SNAPSHOT_USERS) accessByUser.clear();
        accessByUser.set(key, access);
      }
      return access;
    },
    exampleUnitCode() {
      if (exampleUnitCode === undefined) {
        exampleUnitCode =
          (findFirstRegisteredUnit(deps.db, campaign.id) ?? findFirstUnit(deps.db, campaign.id))?.code ?? null;
      }
      return exampleUnitCode ?? undefined;
    },
  };
}
