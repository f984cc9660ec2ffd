import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, loadConfig, settingsOf } from '../../bot/config.js';
import { discordPlatform } from '../../bot/discord/index.js';
import { slackPlatform } from '../../bot/slack/index.js';
import { StartupError } from '../../bot/startup-error.js';
import { DEFAULT_SETTINGS } from '../../commands/core/types.js';
import { repoPath } from '../helpers/run-process.js';

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(StartupError);
    return (error as StartupError).problems;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('uses the defaults when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      chats: [],
      databasePath: './data/rendicion.db',
      campaignFile: undefined,
      language: undefined,
      admins: [],
      port: 3000,
      portGiven: false,
      settings: DEFAULT_SETTINGS,
    });
  });

  it('reads every variable that is set', () => {
    expect(
      loadConfig({
        DATABASE_PATH: '/var/lib/rendicion/bot.db',
        CAMPAIGN_FILE: './campana.json',
        BOT_LANGUAGE: 'en',
        BOT_ADMINS: 'U123',
        LOG_LEVEL: 'debug',
        APPROVAL_OVERDUE_HOURS: '12',
        APPROVAL_ESCALATION_HOURS: '72',
      }),
    ).toEqual({
      chats: [],
      databasePath: '/var/lib/rendicion/bot.db',
      campaignFile: './campana.json',
      language: 'en',
      admins: ['U123'],
      logLevel: 'debug',
      port: 3000,
      portGiven: false,
      settings: { ...DEFAULT_SETTINGS, approvalOverdueHours: 12, approvalEscalationHours: 72 },
    });
  });

  it('splits BOT_ADMINS on commas, trimming spaces and dropping empty entries', () => {
    expect(loadConfig({ BOT_ADMINS: ' U123 , 456789012345678901,,ana@ejemplo.gob.ec , ' }).admins).toEqual([
      'U123',
      '456789012345678901',
      'ana@ejemplo.gob.ec',
    ]);
  });

  it('treats empty and blank values as unset', () => {
    expect(
      loadConfig({ DATABASE_PATH: '', CAMPAIGN_FILE: '  ', BOT_LANGUAGE: '', BOT_ADMINS: ' ', LOG_LEVEL: '' }),
    ).toEqual({
      chats: [],
      databasePath: './data/rendicion.db',
      campaignFile: undefined,
      language: undefined,
      admins: [],
      port: 3000,
      portGiven: false,
      settings: DEFAULT_SETTINGS,
    });
  });

  it('ignores unrelated environment variables', () => {
    expect(loadConfig({ PATH: '/usr/bin', HOME: '/home/bot' })).toEqual(loadConfig({}));
  });

  it('refuses an unknown BOT_LANGUAGE, naming the variable', () => {
    expect(problemsOf({ BOT_LANGUAGE: 'fr' })).toEqual(['BOT_LANGUAGE: debe ser "es" o "en"']);
  });

  it('refuses an unknown LOG_LEVEL, naming the variable', () => {
    expect(problemsOf({ LOG_LEVEL: 'verbose' })).toEqual(['LOG_LEVEL: debe ser debug, info, warn, error o silent']);
  });

  it('refuses an approval time that is not a positive whole number of hours, naming the variable', () => {
    expect(problemsOf({ APPROVAL_OVERDUE_HOURS: 'un día' })).toEqual([
      'APPROVAL_OVERDUE_HOURS: debe ser un número de horas, por ejemplo 24',
    ]);
    expect(problemsOf({ APPROVAL_ESCALATION_HOURS: '0' })).toEqual(['APPROVAL_ESCALATION_HOURS: debe ser mayor que 0']);
  });

  it('reports both bad variables at once', () => {
    const problems = problemsOf({ BOT_LANGUAGE: 'fr', LOG_LEVEL: 'verbose' });
    expect(problems).toHaveLength(2);
    expect(problems.some((problem) => problem.startsWith('BOT_LANGUAGE: '))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('LOG_LEVEL: '))).toBe(true);
  });
});

/** Each chat platform's settings, as its descriptor reads them. */
function chatSettings(env: NodeJS.ProcessEnv) {
  const config = loadConfig(env);
  return { slack: settingsOf(config, slackPlatform), discord: settingsOf(config, discordPlatform) };
}

describe('Slack settings', () => {
  it('stays in console mode when no Slack variable is set', () => {
    expect(chatSettings({}).slack).toBeUndefined();
  });

  it('reads HTTP mode from the bot token and the signing secret, with Slack as the default API', () => {
    expect(
      chatSettings({
        SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
        SLACK_SIGNING_SECRET: '0123456789abcdef',
        SLACK_APPROVALS_CHANNEL: 'C0APROBAR',
        PORT: '8080',
      }).slack,
    ).toEqual({
      botToken: 'xoxb-1-2-abc',
      signingSecret: '0123456789abcdef',
      appToken: undefined,
      apiUrl: 'https://slack.com/api/',
      port: 8080,
      channels: { approvals: 'C0APROBAR', summary: undefined },
      slashCommand: '/rendicion',
    });
  });

  it('names what is missing when the bot token comes without a way to receive requests', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc' })).toThrow(/SLACK_SIGNING_SECRET o SLACK_APP_TOKEN/);
  });

  it('refuses a bot token that is not one, naming the variable', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xapp-oops', SLACK_SIGNING_SECRET: '0123456789abcdef' })).toThrow(
      /SLACK_BOT_TOKEN: debe ser el token del bot de Slack/,
    );
  });
});

describe('X settings', () => {
  it('simulates tweets when no X credential is set', () => {
    expect(loadConfig({}).x).toBeUndefined();
  });

  it('reads the four OAuth 1.0a credentials, with X as the default API', () => {
    expect(loadConfig({ X_API_KEY: 'k', X_API_SECRET: 's', X_ACCESS_TOKEN: 't', X_ACCESS_SECRET: 'ts' }).x).toEqual({
      appKey: 'k',
      appSecret: 's',
      accessToken: 't',
      accessSecret: 'ts',
      apiUrl: 'https://api.x.com',
    });
  });

  it('names each missing credential when only some are set', () => {
    expect(() => loadConfig({ X_API_KEY: 'k' })).toThrow(/X_API_SECRET: falta/);
  });

  it('refuses a rule that does not exist in POLICY_BLOCKING', () => {
    expect(() => loadConfig({ POLICY_BLOCKING: '2,99' })).toThrow(/POLICY_BLOCKING: debe listar reglas/);
    expect(loadConfig({ POLICY_BLOCKING: '2, 10, longitud' }).settings.policyBlockingRules).toEqual([
      2,
      10,
      'longitud',
    ]);
  });
});

describe('Google settings', () => {
  it('asks for credentials when a sheet is configured without any', () => {
    expect(() => loadConfig({ GOOGLE_SHEET_ID: 'sheet1234567890abcdefghij' })).toThrow(
      /GOOGLE_SHEET_ID: para escribir la hoja falta/,
    );
  });

  it('moves the OAuth token endpoint with GOOGLE_API_URL', () => {
    const config = loadConfig({
      YOUTUBE_API_KEY: 'AIzaSyFakeKey000',
      GOOGLE_API_URL: 'http://127.0.0.1:9999/',
      GOOGLE_CLIENT_ID: 'c',
      GOOGLE_CLIENT_SECRET: 's',
      GOOGLE_REFRESH_TOKEN: 'r',
    });
    expect(config.youtube).toMatchObject({
      rootUrl: 'http://127.0.0.1:9999/',
      tokenUrl: 'http://127.0.0.1:9999/token',
    });
  });
});

describe('Discord settings', () => {
  const required = { DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAx.abc.def', DISCORD_APPLICATION_ID: '100000000000000001' };

  it('stays off when no Discord variable is set', () => {
    expect(chatSettings({}).discord).toBeUndefined();
  });

  it('reads the token, application, server, channels and role ids, with Discord as the default API', () => {
    expect(
      chatSettings({
        ...required,
        DISCORD_GUILD_ID: '200000000000000001',
        DISCORD_APPROVALS_CHANNEL: '300000000000000001',
        DISCORD_ROLE_DIRECTORATE: '600000000000000001',
        DISCORD_ROLE_ADMIN: '600000000000000003',
      }).discord,
    ).toEqual({
      token: required.DISCORD_TOKEN,
      applicationId: '100000000000000001',
      guildId: '200000000000000001',
      apiUrl: 'https://discord.com/api',
      channels: { approvals: '300000000000000001', summary: undefined },
      roles: { directorate: '600000000000000001', communication: undefined, admin: '600000000000000003' },
      commandName: 'rendicion',
    });
  });

  it('takes DISCORD_API_URL without its trailing slash, as discord.js appends /v10/...', () => {
    expect(chatSettings({ ...required, DISCORD_API_URL: 'http://127.0.0.1:9999/api/' }).discord?.apiUrl).toBe(
      'http://127.0.0.1:9999/api',
    );
  });

  it('names the missing variable when only one of token and application id is set', () => {
    expect(problemsOf({ DISCORD_TOKEN: required.DISCORD_TOKEN })[0]).toMatch(/^DISCORD_APPLICATION_ID: falta/);
    expect(problemsOf({ DISCORD_APPLICATION_ID: required.DISCORD_APPLICATION_ID })[0]).toMatch(/^DISCORD_TOKEN: falta/);
  });

  it('refuses a channel or role id that is not a Discord id, naming the variable', () => {
    expect(problemsOf({ ...required, DISCORD_APPROVALS_CHANNEL: '#aprobaciones' })).toEqual([
      'DISCORD_APPROVALS_CHANNEL: debe ser el id del canal de aprobaciones: solo dígitos',
    ]);
    expect(problemsOf({ ...required, DISCORD_ROLE_DIRECTORATE: 'Dirección' })).toEqual([
      'DISCORD_ROLE_DIRECTORATE: debe ser el id de un rol del servidor: solo dígitos',
    ]);
  });

  it('runs beside Slack when both are configured', () => {
    const config = loadConfig({
      ...required,
      SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
      SLACK_SIGNING_SECRET: '0123456789abcdef',
    });
    expect(settingsOf(config, slackPlatform)?.botToken).toBe('xoxb-1-2-abc');
    expect(settingsOf(config, discordPlatform)?.applicationId).toBe('100000000000000001');
    expect(config.chats.map((chat) => chat.descriptor.platform)).toEqual(['slack', 'discord']);
  });
});

describe('the public agenda settings', () => {
  it('knows whether PORT was set, so the console serves the agenda only then', () => {
    expect(loadConfig({}).portGiven).toBe(false);
    expect(loadConfig({ PORT: '3000' })).toMatchObject({ port: 3000, portGiven: true });
  });

  it('reads AGENDA_PUBLIC_URL and refuses one that is not a web address, naming it', () => {
    expect(loadConfig({ AGENDA_PUBLIC_URL: 'https://www.iess.gob.ec/rendicion/agenda' }).agendaPublicUrl).toBe(
      'https://www.iess.gob.ec/rendicion/agenda',
    );
    expect(problemsOf({ AGENDA_PUBLIC_URL: 'www.iess.gob.ec' })[0]).toMatch(/^AGENDA_PUBLIC_URL: debe ser/);
    expect(problemsOf({ AGENDA_PUBLIC_URL: 'ftp://iess.gob.ec/agenda' })[0]).toMatch(
      /^AGENDA_PUBLIC_URL: debe empezar/,
    );
  });
});

describe('.env.example and README', () => {
  const example = readFileSync(repoPath('.env.example'), 'utf8');
  const readme = readFileSync(repoPath('README.md'), 'utf8');

  it('documents every variable the bot reads, in .env.example and in the README', () => {
    for (const name of CONFIG_VARIABLES) {
      expect(example, `${name} in .env.example`).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
      expect(readme, `${name} in README`).toContain(`\`${name}\``);
    }
  });

  it('copied as it is, starts the console mode on the demo without complaints', () => {
    const env = Object.fromEntries(
      example
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    const config = loadConfig(env);
    expect(config.chats).toEqual([]);
    expect(config.databasePath).toBe('./data/rendicion.db');
  });
});
