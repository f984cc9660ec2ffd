import { eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { campaigns } from '../schema.js';
import { recordAudit } from './audit.js';
import { inlineLimit, preparedOnce } from './prepared.js';

export type Campaign = typeof campaigns.$inferSelect;
export type CampaignSettings = Omit<Campaign, 'id' | 'createdAt' | 'updatedAt'>;

const firstCampaign = preparedOnce((db) =>
  db.orm.select().from(campaigns).orderBy(campaigns.id).limit(inlineLimit(1)).prepare(),
);

export function findCampaign(db: Database): Campaign | undefined {
  return firstCampaign(db).get();
}

export function getCampaign(db: Database): Campaign {
  const campaign = findCampaign(db);
  if (!campaign) throw new Error('The database has no campaign; start-up should have created one.');
  return campaign;
}

const SETTING_KEYS = [
  'name',
  'timeZone',
  'windowStart',
  'windowEnd',
  'hashtag',
  'websiteUrl',
  'institutionalDomains',
  'youtubeChannelId',
  'youtubePlaylistId',
  'policyWords',
  'institutionalLinks',
  'language',
  'unitTimeZones',
  'isDemo',
] as const satisfies readonly (keyof CampaignSettings)[];

function pickSettings(campaign: Campaign): CampaignSettings {
  return Object.fromEntries(SETTING_KEYS.map((key) => [key, campaign[key]])) as CampaignSettings;
}

/** Creates the campaign, or updates it when the file changed; returns it and whether it changed. */
export function saveCampaign(
  db: Database,
  settings: CampaignSettings,
  actor: string,
  at: Date,
): { campaign: Campaign; changed: boolean } {
  const existing = findCampaign(db);
  if (!existing) {
    const campaign = db.orm
      .insert(campaigns)
      .values({ ...settings, createdAt: at, updatedAt: at })
      .returning()
      .get();
    recordAudit(db, {
      at,
      actor,
      action: 'campaign.created',
      entity: 'campaign',
      entityId: campaign.id,
      after: settings,
    });
    return { campaign, changed: true };
  }
  const before = pickSettings(existing);
  if (JSON.stringify(before) === JSON.stringify({ ...before, ...settings }))
    return { campaign: existing, changed: false };
  const campaign = db.orm
    .update(campaigns)
    .set({ ...settings, updatedAt: at })
    .where(eq(campaigns.id, existing.id))
    .returning()
    .get();
  recordAudit(db, {
    at,
    actor,
    action: 'campaign.updated',
    entity: 'campaign',
    entityId: campaign.id,
    before,
    after: pickSettings(campaign),
  });
  return { campaign, changed: true };
}
