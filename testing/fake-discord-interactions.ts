// What Discord sends and keeps: snowflakes, users and members, the bot's own messages, and the
// INTERACTION_CREATE payloads a test dispatches (slash command, autocomplete, button, modal).

export const DISCORD_TEST_TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.fake.discord-test-token';
export const DISCORD_APP_ID = '100000000000000001';
export const DISCORD_GUILD_ID = '200000000000000001';
export const DISCORD_CHANNEL_ID = '300000000000000001';

export interface InteractionUser {
  id: string;
  username?: string;
  roles?: string[];
}

let snowflake = 900000000000000000n;
export const nextId = () => {
  snowflake += 1n;
  return String(snowflake);
};

function userObject(user: InteractionUser) {
  return {
    id: user.id,
    username: user.username ?? `user${user.id.slice(-4)}`,
    discriminator: '0',
    global_name: user.username ?? null,
    avatar: null,
  };
}

function memberObject(user: InteractionUser) {
  return {
    user: userObject(user),
    roles: user.roles ?? [],
    permissions: '2248473465835073',
    joined_at: '2026-01-01T00:00:00.000000+00:00',
    deaf: false,
    mute: false,
    flags: 0,
    nick: null,
    avatar: null,
    premium_since: null,
    pending: false,
  };
}

export const botMessage = (applicationId: string, channelId: string, body: Record<string, unknown>, at: number) => ({
  id: nextId(),
  channel_id: channelId,
  type: 0,
  content: body.content ?? '',
  embeds: body.embeds ?? [],
  components: body.components ?? [],
  attachments: [],
  author: {
    id: applicationId,
    username: 'rendicion',
    discriminator: '0',
    bot: true,
    avatar: null,
    global_name: null,
  },
  timestamp: new Date(at).toISOString(),
  edited_timestamp: null,
  tts: false,
  mention_everyone: false,
  mentions: [],
  mention_roles: [],
  pinned: false,
  flags: 0,
});

/** Interactions as Discord shapes them, ready for `FakeDiscord.interact`. */
export interface InteractionBuilders {
  slashCommand(
    user: InteractionUser,
    subcommand: string,
    options?: Record<string, string | number | boolean>,
    extra?: { channelId?: string; commandName?: string },
  ): Record<string, unknown>;
  autocomplete(
    user: InteractionUser,
    subcommand: string,
    options: Record<string, string>,
    focused: string,
  ): Record<string, unknown>;
  button(user: InteractionUser, customId: string, channelId?: string): Record<string, unknown>;
  modalSubmit(user: InteractionUser, customId: string, fields: Record<string, string>): Record<string, unknown>;
}

/** Builds interactions as Discord shapes them; each gets a token the fake's webhooks resolve back to its id. */
export function interactionBuilders(
  applicationId: string,
  now: () => number,
  tokens: Map<string, string>,
): InteractionBuilders {
  const common = (type: number, user: InteractionUser, channelId = DISCORD_CHANNEL_ID) => {
    const id = nextId();
    const interactionToken = `interaction-token-${id}`;
    tokens.set(interactionToken, id);
    return {
      id,
      application_id: applicationId,
      type,
      token: interactionToken,
      version: 1,
      guild_id: DISCORD_GUILD_ID,
      channel_id: channelId,
      channel: { id: channelId, type: 0, guild_id: DISCORD_GUILD_ID, name: 'rendicion' },
      member: memberObject(user),
      locale: 'es-ES',
      guild_locale: 'es-ES',
      app_permissions: '2248473465835073',
      entitlements: [],
      authorizing_integration_owners: { '0': DISCORD_GUILD_ID },
      context: 0,
    };
  };
  const optionType = (value: string | number | boolean) =>
    typeof value === 'boolean' ? 5 : typeof value === 'number' ? 4 : 3;

  return {
    slashCommand(user, subcommand, options = {}, extra = {}) {
      const userOptions = Object.entries(options).filter(([name]) => name === 'usuario');
      return {
        ...common(2, user, extra.channelId),
        data: {
          id: '400000000000000001',
          name: extra.commandName ?? 'rendicion',
          type: 1,
          options: [
            {
              name: subcommand,
              type: 1,
              options: Object.entries(options).map(([name, value]) => ({
                name,
                type: name === 'usuario' ? 6 : optionType(value),
                value,
              })),
            },
          ],
          ...(userOptions.length
            ? {
                resolved: {
                  users: Object.fromEntries(
                    userOptions.map(([, value]) => [String(value), userObject({ id: String(value) })]),
                  ),
                },
              }
            : {}),
        },
      };
    },
    autocomplete(user, subcommand, options, focused) {
      return {
        ...common(4, user),
        data: {
          id: '400000000000000001',
          name: 'rendicion',
          type: 1,
          options: [
            {
              name: subcommand,
              type: 1,
              options: Object.entries(options).map(([name, value]) => ({
                name,
                type: 3,
                value,
                ...(name === focused ? { focused: true } : {}),
              })),
            },
          ],
        },
      };
    },
    button(user, customId, channelId) {
      const base = common(3, user, channelId);
      return {
        ...base,
        message: botMessage(applicationId, base.channel_id, { content: '' }, now()),
        data: { custom_id: customId, component_type: 2 },
      };
    },
    modalSubmit(user, customId, fields) {
      return {
        ...common(5, user),
        data: {
          custom_id: customId,
          components: Object.entries(fields).map(([id, value]) => ({
            type: 1,
            components: [{ type: 4, custom_id: id, value }],
          })),
        },
      };
    },
  };
}
