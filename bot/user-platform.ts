import type { Platform } from '../commands/core/types.js';
import type { ChatPlatform } from './platforms/chat-platform.js';
import { CHAT_PLATFORMS } from './platforms/registry.js';

/**
 * Which running chat platform reaches this person: the first running one whose descriptor
 * recognises the id's shape (a Discord snowflake, a Slack `U…` or e-mail), else the first running.
 */
export function platformOfUser(
  userId: string,
  platforms: readonly Platform[],
  registry: readonly ChatPlatform[] = CHAT_PLATFORMS,
): Platform {
  const [first = 'console'] = platforms;
  if (platforms.length < 2) return first;
  const owner = registry.find((descriptor) => platforms.includes(descriptor.platform) && descriptor.isUserId?.(userId));
  return owner?.platform ?? first;
}
