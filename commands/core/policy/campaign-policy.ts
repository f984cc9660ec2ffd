import type { Campaign } from '../../../db/queries/campaign.js';
import { knownWordsOf } from './policy-checker.js';

type CampaignFacts = Pick<
  Campaign,
  'name' | 'policyWords' | 'institutionalLinks' | 'youtubeChannelId' | 'youtubePlaylistId'
>;

/**
 * What the policy checker knows of a campaign: the words its spelling rule accepts (the roster's
 * unit and province names, the campaign's name, the campaign file's `palabras`) and the
 * institution's own pages elsewhere (the file's `enlacesInstitucionales`, the campaign's YouTube
 * channel and playlist).
 */
export function campaignPolicyFacts(
  campaign: CampaignFacts,
  units: readonly { name: string; province: string }[],
): { knownWords: Set<string>; institutionalLinks: string[] } {
  const links = [...campaign.institutionalLinks];
  if (campaign.youtubeChannelId) links.push(`youtube.com/channel/${campaign.youtubeChannelId}`);
  if (campaign.youtubePlaylistId) links.push(`youtube.com/playlist?list=${campaign.youtubePlaylistId}`);
  return {
    knownWords: knownWordsOf([
      ...units.flatMap((unit) => [unit.name, unit.province]),
      campaign.name,
      ...campaign.policyWords,
    ]),
    institutionalLinks: links,
  };
}
