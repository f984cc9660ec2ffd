import { discordPlatform } from '../discord/index.js';
import { slackPlatform } from '../slack/index.js';
import type { ChatPlatform } from './chat-platform.js';

/**
 * Every chat platform the bot can connect to: the one place a new platform is added (its folder
 * exports a descriptor; see chat-platform.ts). Without credentials for any of them the bot runs as
 * the console. The order is the order they start in and the fallback for an id of unknown shape.
 */
export const CHAT_PLATFORMS: readonly ChatPlatform[] = [slackPlatform, discordPlatform];

/** The user id in a mention typed in any registered platform's syntax. */
export function userIdFromMention(
  text: string,
  platforms: readonly ChatPlatform[] = CHAT_PLATFORMS,
): string | undefined {
  for (const platform of platforms) {
    const id = platform.userIdFromMention?.(text);
    if (id) return id;
  }
  return undefined;
}
