import type { CommandName } from '../../commands/core/i18n/catalogue.js';
import { messagesFor } from '../../commands/core/i18n/catalogue.js';
import { COMMANDS } from '../../commands/registry.js';

export const REQUEST_URL_PLACEHOLDER = 'https://SU-SERVIDOR/slack/events';

/**
 * The Slack app manifest, built from the same command definitions as `ayuda`: paste it at
 * api.slack.com/apps → Create New App → From a manifest. Scopes are the few the bot uses:
 * `commands` (the slash command), `chat:write` (cards, replies, edits), `im:write` (direct messages),
 * `users:read` and `users:read.email` (to recognise an officer the roster names by e-mail),
 * `files:write` (the campaign chart), and `channels:history`, `groups:history` and `im:history`: after
 * a crash the outbox looks a message up in its channel's history (by its metadata) before sending
 * it again, so it is never posted twice.
 */
export function buildSlackManifest(options: { socketMode: boolean; command?: string; requestUrl?: string }) {
  const t = messagesFor('es', { unitCode: 'PIC-DP', date: '15/09/2026' });
  const requestUrl = options.requestUrl ?? REQUEST_URL_PLACEHOLDER;
  // Slack wants 175 to 4000 characters here: every command with what it does.
  const longDescription = COMMANDS.map(
    (command) => `/rendicion ${command.name}: ${t.commands[command.name as CommandName].description}`,
  ).join('\n');
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: 'Rendición de Cuentas',
      description: 'Coordina la campaña de rendición de cuentas: registros, checklist, aprobaciones y resúmenes.',
      long_description: longDescription.slice(0, 4000),
      background_color: '#1f3a5f',
    },
    features: {
      bot_user: { display_name: 'rendicion', always_online: true },
      slash_commands: [
        {
          command: options.command ?? '/rendicion',
          ...(options.socketMode ? {} : { url: requestUrl }),
          description: 'Campaña de rendición de cuentas (escriba "ayuda")',
          usage_hint: 'ayuda | registrar | marcar | estado | solicitar | tuit | resumen',
          // Escaped, Slack sends a mention as <@U123|ana>: the id `rol` needs, not the display name.
          should_escape: true,
        },
      ],
    },
    oauth_config: {
      scopes: {
        bot: [
          'commands',
          'chat:write',
          'im:write',
          'users:read',
          'users:read.email',
          'files:write',
          'channels:history',
          'groups:history',
          'im:history',
        ],
      },
    },
    settings: {
      interactivity: { is_enabled: true, ...(options.socketMode ? {} : { request_url: requestUrl }) },
      org_deploy_enabled: false,
      socket_mode_enabled: options.socketMode,
      token_rotation_enabled: false,
    },
  };
}
