import { z } from 'zod';
import { defineChatPlatform } from '../platforms/chat-platform.js';
import { StartupError } from '../startup-error.js';
import type { SlackSettings } from './slack-app.js';

/** Slack: the descriptor the registry lists. Bolt (about 35 MB) loads only in `create`. */
export const slackPlatform = defineChatPlatform({
  platform: 'slack',
  env: {
    SLACK_BOT_TOKEN: z
      .string()
      .startsWith('xoxb-', { error: 'debe ser el token del bot de Slack (empieza con xoxb-)' })
      .optional(),
    SLACK_SIGNING_SECRET: z.string().min(10, { error: 'debe ser el Signing Secret de la app de Slack' }).optional(),
    SLACK_APP_TOKEN: z
      .string()
      .startsWith('xapp-', { error: 'debe ser el token de app de Slack (empieza con xapp-)' })
      .optional(),
    SLACK_API_URL: z
      .url({ error: 'debe ser una URL, por ejemplo https://slack.com/api/' })
      .default('https://slack.com/api/'),
    SLACK_APPROVALS_CHANNEL: z.string().optional(),
    SLACK_SUMMARY_CHANNEL: z.string().optional(),
    SLACK_COMMAND: z
      .string()
      .regex(/^\/[a-z0-9_-]+$/, { error: 'debe ser un comando como /rendicion' })
      .default('/rendicion'),
  },
  readSettings(values): SlackSettings | undefined {
    const { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: appToken } = values;
    if (!botToken && !signingSecret && !appToken) return undefined;
    const problems: string[] = [];
    if (!botToken) problems.push('SLACK_BOT_TOKEN: falta; sin él el bot no puede hablar en Slack (empieza con xoxb-)');
    if (!signingSecret && !appToken) {
      problems.push(
        'SLACK_SIGNING_SECRET o SLACK_APP_TOKEN: falta uno; el primero para recibir por HTTP, el segundo para Socket Mode',
      );
    }
    if (problems.length || !botToken) throw new StartupError(problems);
    return {
      botToken,
      signingSecret,
      appToken,
      apiUrl: values.SLACK_API_URL,
      port: values.PORT,
      channels: { approvals: values.SLACK_APPROVALS_CHANNEL, summary: values.SLACK_SUMMARY_CHANNEL },
      slashCommand: values.SLACK_COMMAND,
    };
  },
  // Member ids (`U…`, `W…` on Enterprise Grid) and the e-mail addresses Slack looks people up by.
  isUserId: (userId) => /^[UW][A-Z0-9]+$/.test(userId) || userId.includes('@'),
  userIdFromMention: (text) => /^<@([A-Za-z0-9._-]+)(?:\|[^>]*)?>$/.exec(text.trim())?.[1],
  async create(settings, common) {
    const { createSlackAdapter } = await import('./slack-adapter.js');
    const slack = createSlackAdapter({ ...common, settings });
    const socketMode = settings.appToken !== undefined;
    return {
      start: () => slack.start().then(() => undefined),
      // Closing the receiver stops requests; the Web API client still delivers afterwards.
      stopTakingRequests: () => slack.stop(),
      close: async () => undefined,
      state: slack.state,
      deliverOutbox: slack.deliverOutbox,
      servesHttp: !socketMode,
      startedLog: { mode: socketMode ? 'socket' : 'http', port: socketMode ? undefined : settings.port },
    };
  },
});
