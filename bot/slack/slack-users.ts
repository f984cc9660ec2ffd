import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../commands/core/logger.js';
import type { ChatUser } from '../../commands/core/types.js';
import { describeSlackError } from './slack-api-error.js';

/** A person's e-mail rarely changes; ten minutes keeps a busy day to a few lookups per officer. */
const CACHE_MS = 10 * 60_000;

/**
 * Finds the e-mail of a Slack user (`users.info`, scope `users:read.email`), because the roster may
 * name an officer by e-mail. When Slack does not say, the user is known by id alone.
 */
export function createSlackUserDirectory(client: WebClient, logger: Logger) {
  const cache = new Map<string, { user: ChatUser; until: number }>();
  return {
    async resolve(userId: string): Promise<ChatUser> {
      const cached = cache.get(userId);
      if (cached && cached.until > Date.now()) return cached.user;
      let user: ChatUser = { id: userId };
      try {
        const info = await client.users.info({ user: userId });
        const profile = info.user?.profile;
        user = {
          id: userId,
          email: profile?.email ?? undefined,
          displayName: profile?.display_name || profile?.real_name || undefined,
        };
      } catch (error) {
        logger.warn({ userId, error: describeSlackError(error) }, 'could not read the Slack user');
      }
      cache.set(userId, { user, until: Date.now() + CACHE_MS });
      return user;
    },
  };
}
