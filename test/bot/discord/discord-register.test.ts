import { afterEach, describe, expect, it } from 'vitest';
import { commandText } from '../../../bot/discord/discord-commands.js';
import { DISCORD_OPTIONS, type OptionSpec } from '../../../bot/discord/discord-options.js';
import { BOT_PERMISSIONS, inviteLink, registerDiscordCommands } from '../../../bot/discord/register-commands.js';
import { StartupError } from '../../../bot/startup-error.js';
import type { CommandName } from '../../../commands/core/i18n/catalogue.js';
import { COMMANDS } from '../../../commands/registry.js';
import { DISCORD_ADMIN, DISCORD_ROSTER } from '../../../testing/discord-harness.js';
import {
  DISCORD_APP_ID,
  DISCORD_GUILD_ID,
  DISCORD_TEST_TOKEN,
  type FakeDiscord,
  startFakeDiscord,
} from '../../../testing/fake-discord.js';
import { createTestBot } from '../../../testing/test-bot.js';
import { createTempDir, repoPath, runProcess, type TempDir } from '../../helpers/run-process.js';

let discord: FakeDiscord | undefined;
let temp: TempDir | undefined;
afterEach(async () => {
  await discord?.close();
  await temp?.remove();
  discord = undefined;
  temp = undefined;
});

const settings = (apiUrl: string) => ({
  token: DISCORD_TEST_TOKEN,
  applicationId: DISCORD_APP_ID,
  guildId: DISCORD_GUILD_ID,
  apiUrl,
  channels: {},
  roles: {},
  commandName: 'rendicion',
});

type SubcommandJson = {
  name: string;
  description: string;
  options: { name: string; type: number; required: boolean; autocomplete?: boolean; choices?: { value: string }[] }[];
};

/** A value of the right kind for each option, as a user would pick or type it. */
function sampleValue(spec: OptionSpec): string | number | boolean {
  if (spec.choices) return spec.choices[0] ?? '';
  const bySuggestion = {
    unit: 'PIC-DP',
    step: 'invitacion',
    scope: 'todo',
    requestsFilter: 'todas',
    province: 'Pichincha',
    role: 'direccion',
  };
  if (spec.suggest) return bySuggestion[spec.suggest];
  const byName: Record<string, string> = {
    fecha: '15/09/2098',
    hora: '10:00',
    correo: 'preguntas@ejemplo.gob.ec',
    enlace: 'https://www.ejemplo.gob.ec/informe',
  };
  if (spec.type === 'integer') return 1;
  if (spec.type === 'boolean') return true;
  if (spec.type === 'user') return '500000000000000009';
  return byName[spec.name] ?? 'Texto de "prueba" con comillas';
}

/** Refusals that would mean the typed options were turned into text the engine cannot read. */
const PARSE_ERRORS = [
  'unknown_command',
  'unclosed_quote',
  'too_many_arguments',
  'unknown_option',
  'invalid_option_value',
  'unknown_request_action',
  'invalid_toggle',
  'invalid_user',
  'invalid_role',
];

describe('npm run discord:register', () => {
  it('puts one /rendicion command in the server, with a subcommand per engine command', async () => {
    discord = await startFakeDiscord();
    const result = await registerDiscordCommands(settings(discord.apiUrl), 'es');
    const [put] = discord.callsTo('PUT', /commands$/);
    expect(put?.path).toBe(`/applications/${DISCORD_APP_ID}/guilds/${DISCORD_GUILD_ID}/commands`);
    expect(put?.authorized).toBe(true);
    const [command] = (put?.body ?? []) as unknown as { name: string; options: SubcommandJson[] }[];
    expect(command?.name).toBe('rendicion');
    expect(command?.options.map((sub) => sub.name)).toEqual(COMMANDS.map((engineCommand) => engineCommand.name));
    expect(result).toEqual({ scope: 'guild', subcommands: COMMANDS.length });
    for (const sub of command?.options ?? []) {
      expect(sub.description.length).toBeGreaterThan(0);
      expect(sub.description.length).toBeLessThanOrEqual(100);
      // Discord wants required options before optional ones.
      const required = sub.options.map((option) => option.required);
      expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
    }
    const marcar = command?.options.find((sub) => sub.name === 'marcar');
    expect(marcar?.options.find((option) => option.name === 'unidad')).toMatchObject({
      type: 3,
      autocomplete: true,
      required: true,
    });
    const registrar = command?.options.find((sub) => sub.name === 'registrar');
    expect(
      registrar?.options.find((option) => option.name === 'plataforma')?.choices?.map((choice) => choice.value),
    ).toContain('zoom');
    expect(registrar?.options.find((option) => option.name === 'video')).toMatchObject({ type: 5 });
  });

  it('gives every option text the engine reads: no subcommand filled in fully is refused for its form', () => {
    const bot = createTestBot({ roster: DISCORD_ROSTER, admins: [DISCORD_ADMIN], now: new Date().toISOString() });
    bot.db.sqlite.prepare("UPDATE campaigns SET window_start = '2020-01-01', window_end = '2099-12-31'").run();
    for (const engineCommand of COMMANDS) {
      const specs = DISCORD_OPTIONS[engineCommand.name as CommandName];
      const values = new Map(specs.map((spec) => [spec.name, sampleValue(spec)]));
      const text = commandText(engineCommand.name as CommandName, values);
      const reply = bot.send(text, { as: DISCORD_ADMIN });
      if (reply.errorCode && PARSE_ERRORS.includes(reply.errorCode))
        expect.fail(`${text} → ${reply.errorCode}: ${reply.rendered}`);
      for (const spec of specs) {
        if (spec.placement.kind === 'option' || spec.placement.kind === 'yesNo') {
          expect(Object.keys(engineCommand.options ?? {})).toContain(spec.placement.key);
        }
      }
    }
    bot.close();
  });

  it('names the setting to fix when Discord refuses the command, from the error Discord sends', async () => {
    discord = await startFakeDiscord();
    const refusals = [
      {
        status: 403,
        body: { message: 'Missing Access', code: 50001 },
        says: /^DISCORD_GUILD_ID: el bot no tiene acceso al servidor 2/,
      },
      {
        status: 404,
        body: { message: 'Unknown Guild', code: 10004 },
        says: /^DISCORD_GUILD_ID: Discord no conoce el servidor 2/,
      },
      {
        status: 400,
        body: { message: 'Invalid Form Body', code: 50035, errors: { '0': { name: { _errors: [] } } } },
        says: /^Discord rechazó la definición del comando: 50035 Invalid Form Body$/,
      },
    ];
    for (const refusal of refusals) {
      discord.failNext('PUT', /commands$/, { status: refusal.status, body: refusal.body });
      const problem = await registerDiscordCommands(settings(discord.apiUrl), 'es').then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(problem, String(refusal.status)).toBeInstanceOf(StartupError);
      expect((problem as StartupError).problems[0]).toMatch(refusal.says);
    }
  });

  it('runs from npm: registers against DISCORD_API_URL and prints the invite link with only the needed permissions', async () => {
    discord = await startFakeDiscord();
    temp = await createTempDir();
    const run = await runProcess({
      cwd: temp.path,
      script: repoPath('bot/cli/discord-register-cli.ts'),
      env: {
        DISCORD_TOKEN: DISCORD_TEST_TOKEN,
        DISCORD_APPLICATION_ID: DISCORD_APP_ID,
        DISCORD_GUILD_ID: DISCORD_GUILD_ID,
        DISCORD_API_URL: discord.apiUrl,
      },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `quedó registrado en el servidor ${DISCORD_GUILD_ID} con ${COMMANDS.length} subcomandos`,
    );
    expect(run.stdout).toContain(inviteLink(DISCORD_APP_ID, DISCORD_GUILD_ID));
    expect(inviteLink(DISCORD_APP_ID)).toContain('scope=bot+applications.commands');
    expect(BOT_PERMISSIONS).toBe(52224n);
    expect(discord.callsTo('PUT', /commands$/)).toHaveLength(1);
  });

  it('names DISCORD_TOKEN when Discord refuses it, and never prints the token', async () => {
    discord = await startFakeDiscord();
    temp = await createTempDir();
    const wrongToken = 'MTAwMDAwMDAwMDAwMDAwMDAy.wrong.secret-value-123';
    const run = await runProcess({
      cwd: temp.path,
      script: repoPath('bot/cli/discord-register-cli.ts'),
      env: {
        DISCORD_TOKEN: wrongToken,
        DISCORD_APPLICATION_ID: DISCORD_APP_ID,
        DISCORD_GUILD_ID,
        DISCORD_API_URL: discord.apiUrl,
      },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('DISCORD_TOKEN: Discord rechazó el token');
    expect(`${run.stdout}${run.stderr}`).not.toContain('secret-value-123');
  });

  it('says which variables are missing when Discord is not configured', async () => {
    temp = await createTempDir();
    const run = await runProcess({ cwd: temp.path, script: repoPath('bot/cli/discord-register-cli.ts') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('DISCORD_TOKEN y DISCORD_APPLICATION_ID: faltan');
  });
});
