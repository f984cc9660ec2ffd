import type { AddressInfo } from 'node:net';
import { createSlackAdapter, type SlackAdapter } from '../bot/slack/slack-adapter.js';
import type { SlackSettings } from '../bot/slack/slack-app.js';
import { silentLogger } from '../commands/core/logger.js';
import { type FakeSlack, startFakeSlack } from './fake-slack.js';
import { createTestBot, type TestBot } from './test-bot.js';

export const SLACK_TEST_SECRET = 'test-signing-secret-0123456789';

export interface SlackHarness {
  bot: TestBot;
  slack: FakeSlack;
  adapter: SlackAdapter;
  /** The HTTP server's port (0 in Socket Mode, where the adapter serves no Slack requests). */
  port: number;
  eventsUrl: string;
  close(): Promise<void>;
}

/**
 * The Slack adapter of a test bot, with test settings (HTTP mode with the test signing secret
 * unless `settings.appToken` is given; port 0) and whatever else `settings` and `extra` say.
 */
export function createTestSlackAdapter(
  bot: TestBot,
  settings: Partial<SlackSettings> & { apiUrl: string },
  extra: Partial<Omit<Parameters<typeof createSlackAdapter>[0], 'settings'>> = {},
): SlackAdapter {
  return createSlackAdapter({
    settings: {
      botToken: 'xoxb-test',
      ...(settings.appToken ? {} : { signingSecret: SLACK_TEST_SECRET }),
      port: 0,
      channels: {},
      slashCommand: '/rendicion',
      ...settings,
    },
    engine: bot.engine,
    db: bot.db,
    clock: bot.clock,
    logger: silentLogger,
    locale: 'es',
    ...extra,
  });
}

/**
 * The real Bolt app against a fake Slack on 127.0.0.1, on a test bot whose campaign window is open
 * (the clock is the real one: Bolt checks request timestamps against it). HTTP mode unless
 * `settings.appToken` is given.
 */
export async function startSlackHarness(settings: Partial<SlackSettings> = {}): Promise<SlackHarness> {
  const slack = await startFakeSlack();
  const bot = createTestBot({ now: new Date().toISOString(), platforms: ['slack'], admins: ['U0ADMIN'] });
  bot.db.sqlite.prepare("UPDATE campaigns SET window_start = '2020-01-01', window_end = '2099-12-31'").run();
  const adapter = createTestSlackAdapter(bot, { apiUrl: slack.apiUrl, ...settings });
  const server = await adapter.start();
  const port = (server?.address() as AddressInfo | undefined)?.port ?? 0;
  return {
    bot,
    slack,
    adapter,
    port,
    eventsUrl: `http://127.0.0.1:${port}/slack/events`,
    async close() {
      // Let deliveries still in flight finish before the fake Slack goes away.
      await adapter.deliverOutbox().catch(() => undefined);
      await adapter.stop().catch(() => undefined);
      await slack.close();
      if (bot.db.sqlite.open) bot.close();
    },
  };
}
