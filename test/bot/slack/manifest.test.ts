import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSlackManifest } from '../../../bot/slack/manifest.js';
import { repoPath } from '../../helpers/run-process.js';

const shipped = (name: string) => JSON.parse(readFileSync(repoPath(`slack/${name}`), 'utf8')) as unknown;

describe('the Slack manifest', () => {
  it('ships the same manifest the command definitions produce, for request URLs and for Socket Mode', () => {
    expect(shipped('manifest.json')).toEqual(buildSlackManifest({ socketMode: false }));
    expect(shipped('manifest-socket-mode.json')).toEqual(buildSlackManifest({ socketMode: true }));
  });

  it('points the slash command and interactivity at /slack/events, and asks only for the scopes the bot uses', () => {
    const manifest = buildSlackManifest({ socketMode: false, requestUrl: 'https://bot.iess.gob.ec/slack/events' });
    expect(manifest.features.slash_commands[0]).toMatchObject({
      command: '/rendicion',
      url: 'https://bot.iess.gob.ec/slack/events',
    });
    expect(manifest.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: 'https://bot.iess.gob.ec/slack/events',
    });
    expect(manifest.oauth_config.scopes.bot).toEqual([
      'commands',
      'chat:write',
      'im:write',
      'users:read',
      'users:read.email',
      'files:write',
      'channels:history',
      'groups:history',
      'im:history',
    ]);
    expect(manifest.display_information.long_description.length).toBeGreaterThanOrEqual(175);
  });

  it('has no request URLs in Socket Mode', () => {
    const manifest = buildSlackManifest({ socketMode: true });
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(manifest)).not.toContain('https://');
  });
});
