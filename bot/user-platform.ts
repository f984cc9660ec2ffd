import type { Platform } from '../commands/core/types.js';

/**
 * Which running chat platform reaches this person. Discord knows people by a numeric id of 17 to
 * 20 digits; Slack ids (`U…`) and e-mail addresses (looked up by Slack) belong to Slack.
 */
export function platformOfUser(userId: string, platforms: readonly Platform[]): Platform {
  const [first = 'console'] = platforms;
  if (platforms.length < 2) return first;
  if (/^\d{17,20}$/.test(userId) && platforms.includes('discord')) return 'discord';
  if (platforms.includes('slack')) return 'slack';
  return first;
}
