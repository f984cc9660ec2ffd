import { randomUUID } from 'node:crypto';
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  Client,
  DiscordjsError,
  DiscordjsErrorCodes,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  type ModalSubmitInteraction,
  type RawFile,
} from 'discord.js';
import type { Clock } from '../../commands/core/clock.js';
import { type CommandName, messagesFor } from '../../commands/core/i18n/catalogue.js';
import type { Logger } from '../../commands/core/logger.js';
import type { ChatUser, CommandReply, GlobalRole, Locale } from '../../commands/core/types.js';
import type { Engine } from '../../commands/engine.js';
import { findCommand } from '../../commands/registry.js';
import type { Database } from '../../db/client.js';
import { createButtonStore } from '../button-store.js';
import type { AdapterState } from '../health.js';
import { oneAtATime } from '../outbox-pass.js';
import { StartupError } from '../startup-error.js';
import { describeDiscordError, discordFailureText } from './discord-api-error.js';
import { commandText, type OptionValue } from './discord-commands.js';
import {
  commandFromForm,
  FORM_FIELDS,
  type FormValues,
  formModal,
  INPUT_FIELD,
  inputModal,
  parseFormId,
  parseInputModalId,
} from './discord-forms.js';
import { DISCORD_OPTIONS } from './discord-options.js';
import { chartAttachment, type DiscordChannels, deliverDiscordOutbox } from './discord-outbox.js';
import { BUTTON_PREFIX, type DiscordMessage, renderDiscordMessages, storedButtonId } from './render-embeds.js';

export interface DiscordSettings {
  token: string;
  applicationId: string;
  /** The server the commands are registered in; without it they are registered globally. */
  guildId?: string;
  /** REST base URL (`https://discord.com/api`); the gateway URL comes from REST, so it moves too. */
  apiUrl: string;
  channels: DiscordChannels;
  /** Server role ids that carry a bot role, so a team manages people where it already does. */
  roles: Partial<Record<GlobalRole, string>>;
  commandName: string;
}

/** Discord answers with at most 25 autocomplete choices of 100 characters. */
const MAX_CHOICES = 25;
const MAX_CHOICE_NAME = 100;
const FORM_EXTRA_ACTION = 'discord:form-options';
const READY_TIMEOUT_MS = 30_000;

export interface DiscordAdapter {
  client: Client;
  start(): Promise<void>;
  stop(): Promise<void>;
  state(): AdapterState;
  /** Sends whatever the outbox holds for Discord; safe to call often, it never runs twice at once. */
  deliverOutbox(): Promise<void>;
}

/** Roles the member holds in the server, whether discord.js cached the member or not. */
function memberRoleIds(interaction: Interaction): string[] {
  const member = interaction.member;
  if (!member) return [];
  const roles = member.roles;
  return Array.isArray(roles) ? roles : [...roles.cache.keys()];
}

export function createDiscordAdapter(input: {
  settings: DiscordSettings;
  engine: Engine;
  db: Database;
  clock: Clock;
  logger: Logger;
  locale: Locale;
  /**
   * Slow work a request may have queued (publishing tweets, delivering the outbox of every
   * adapter), run after the reply is sent; without it, this adapter delivers its own outbox.
   */
  afterRequest?: () => Promise<void>;
}): DiscordAdapter {
  const { settings, engine, db, logger, locale } = input;
  const t = messagesFor(locale, { unitCode: '', date: '' });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: {
      api: settings.apiUrl,
      // A long rate limit fails the call, so the outbox keeps the message and the pass ends,
      // instead of holding a reply for minutes; short ones are waited out as Discord asks.
      rejectOnRateLimit: (limit) => limit.retryAfter > 5_000,
    },
  });
  let state: AdapterState = 'starting';
  let started = false;
  const buttons = createButtonStore(db);
  const idFor = (button: Parameters<typeof buttons.store>[0]) => `${BUTTON_PREFIX}${buttons.store(button)}`;
  const render = (reply: CommandReply) => renderDiscordMessages(reply, idFor, t.chat.moreLinesNotice);

  function who(interaction: Interaction): { user: ChatUser; extraRoles: GlobalRole[] } {
    const roleIds = new Set(memberRoleIds(interaction));
    const extraRoles = (Object.entries(settings.roles) as [GlobalRole, string | undefined][])
      .filter(([, roleId]) => roleId && roleIds.has(roleId))
      .map(([role]) => role);
    const user = interaction.user;
    return { user: { id: user.id, displayName: user.globalName ?? user.username }, extraRoles };
  }

  function base(interaction: Interaction) {
    return {
      requestId: randomUUID(),
      platform: 'discord' as const,
      ...who(interaction),
      channelId: interaction.channelId ?? undefined,
      locale,
      // Discord may deliver an interaction again after a reconnect; its id is the same.
      idempotencyKey: `discord:interaction:${interaction.id}`,
    };
  }

  /**
   * Answers inside Discord's three seconds: a reply with a picture or a file is deferred first (the
   * PNG takes a moment), then edited; pages after the first are follow-ups, private like the reply.
   */
  async function answer(
    interaction: ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction,
    reply: CommandReply,
  ): Promise<void> {
    const flags = reply.visibility === 'public' ? undefined : MessageFlags.Ephemeral;
    const pages = render(reply);
    const [first, ...rest] = pages;
    if (!first) return;
    const options = (page: DiscordMessage) => ({
      embeds: page.embeds,
      components: page.components,
      allowedMentions: page.allowedMentions,
    });
    if (reply.image || reply.file) {
      await interaction.deferReply(flags ? { flags } : {});
      const files: RawFile[] = chartAttachment(reply, first);
      if (reply.file) {
        files.push({
          name: reply.file.name,
          data: Buffer.from(reply.file.content, 'utf8'),
          contentType: reply.file.mimeType,
        });
      }
      await interaction.editReply({
        ...options(first),
        files: files.map((file) => ({ attachment: Buffer.from(file.data as Uint8Array), name: file.name })),
      });
    } else {
      await interaction.reply({ ...options(first), ...(flags ? { flags } : {}) });
    }
    for (const page of rest) await interaction.followUp({ ...options(page), ...(flags ? { flags } : {}) });
  }

  async function afterwards(): Promise<void> {
    await (input.afterRequest ?? deliverOutbox)();
  }

  function optionValues(interaction: ChatInputCommandInteraction): Map<string, OptionValue> {
    const sub = interaction.options.data[0];
    const values = new Map<string, OptionValue>();
    for (const option of sub?.options ?? []) {
      if (option.value !== undefined) values.set(option.name, option.value);
    }
    return values;
  }

  /** `registrar` and `solicitar` without what they need open the form the engine describes. */
  function formFor(request: ReturnType<typeof base>, name: CommandName, values: Map<string, OptionValue>) {
    if (name !== 'registrar' && name !== 'solicitar') return undefined;
    const given = new Map([...values].map(([key, value]) => [key, String(value)]));
    return engine.formForValues(request, name, given);
  }

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const subcommand = interaction.options.getSubcommand(false) ?? 'ayuda';
    const command = findCommand(subcommand);
    if (!command || !(command.name in DISCORD_OPTIONS)) {
      await answer(interaction, engine.handleCommand({ ...base(interaction), text: subcommand }));
      return;
    }
    const name = command.name as CommandName;
    const values = optionValues(interaction);
    const request = base(interaction);
    const form = formFor(request, name, values);
    if (form) {
      // Options the form has no field for here (e-mail, flags) travel with it and join the submit.
      const shown = FORM_FIELDS[form.name];
      const extra = commandText(form.name, new Map([...values].filter(([key]) => !shown.includes(key))));
      const extraOptions = extra.slice(form.name.length).trim();
      const extraRef = extraOptions ? buttons.store({ actionId: FORM_EXTRA_ACTION, payload: extraOptions }) : undefined;
      await interaction.showModal(formModal(form, t, extraRef));
      return;
    }
    await answer(interaction, engine.handleCommand({ ...request, text: commandText(name, values) }));
    await afterwards();
  }

  async function onButton(interaction: ButtonInteraction): Promise<void> {
    const ref = storedButtonId(interaction.customId);
    const button = ref === undefined ? undefined : buttons.find(ref);
    if (!button || ref === undefined) {
      await interaction.reply({ content: t.chat.unknownButton, flags: MessageFlags.Ephemeral });
      return;
    }
    if (button.input) {
      await interaction.showModal(inputModal(button, ref, t));
      return;
    }
    await answer(
      interaction,
      engine.handleAction({ ...base(interaction), actionId: button.actionId, payload: button.payload }),
    );
    await afterwards();
  }

  async function onModal(interaction: ModalSubmitInteraction): Promise<void> {
    const field = (id: string) => {
      try {
        return interaction.fields.getTextInputValue(id);
      } catch {
        return undefined;
      }
    };
    const inputRef = parseInputModalId(interaction.customId);
    if (inputRef !== undefined) {
      const button = buttons.find(inputRef);
      const typed = field(INPUT_FIELD)?.trim() ?? '';
      if (!button || !typed) {
        await interaction.reply({
          content: button ? t.chat.inputRequired : t.chat.unknownButton,
          flags: MessageFlags.Ephemeral,
        });
        return;
      }
      await answer(
        interaction,
        engine.handleAction({ ...base(interaction), actionId: button.actionId, payload: button.payload, input: typed }),
      );
      await afterwards();
      return;
    }
    const form = parseFormId(interaction.customId);
    if (!form) {
      await interaction.reply({ content: t.chat.unknownButton, flags: MessageFlags.Ephemeral });
      return;
    }
    const extra = form.extraRef ? (buttons.find(form.extraRef)?.payload ?? '') : '';
    const values: FormValues = Object.fromEntries(
      ['unidad', 'fecha', 'hora', 'plataforma', 'sala', 'tipo', 'descripcion', 'enlace'].map((id) => [id, field(id)]),
    );
    const reply = engine.handleCommand({ ...base(interaction), text: commandFromForm(form.form, values, extra) });
    await answer(interaction, reply);
    await afterwards();
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const subcommand = interaction.options.getSubcommand(false);
    const command = subcommand ? findCommand(subcommand) : undefined;
    const spec = command
      ? DISCORD_OPTIONS[command.name as CommandName]?.find((option) => option.name === focused.name)
      : undefined;
    const choices = spec?.suggest
      ? engine.suggest(base(interaction), spec.suggest, String(focused.value), MAX_CHOICES)
      : [];
    await interaction.respond(
      choices.slice(0, MAX_CHOICES).map((choice) => ({
        name: choice.label.length <= MAX_CHOICE_NAME ? choice.label : `${choice.label.slice(0, MAX_CHOICE_NAME - 1)}…`,
        value: choice.value,
      })),
    );
  }

  client.on(Events.InteractionCreate, (interaction) => {
    const handled = (async () => {
      if (interaction.isAutocomplete()) return onAutocomplete(interaction);
      if (interaction.isChatInputCommand()) {
        if (interaction.commandName !== settings.commandName) return;
        return onCommand(interaction);
      }
      if (interaction.isButton()) return onButton(interaction);
      if (interaction.isModalSubmit()) return onModal(interaction);
    })();
    handled.catch((error: unknown) =>
      logger.error({ error: describeDiscordError(error) }, 'discord interaction failed'),
    );
  });
  client.on(Events.Error, (error) => logger.error({ error: describeDiscordError(error) }, 'discord client error'));
  // /healthz says "starting" while the gateway reconnects; discord.js resumes on its own.
  const reconnecting = () => {
    if (state === 'connected') state = 'starting';
  };
  const connectedAgain = () => {
    if (started && state === 'starting' && client.isReady()) state = 'connected';
  };
  client.on(Events.ShardDisconnect, reconnecting);
  client.on(Events.ShardReconnecting, reconnecting);
  client.on(Events.ShardResume, connectedAgain);
  client.on(Events.ShardReady, connectedAgain);

  const deliverOutbox = oneAtATime(
    () =>
      deliverDiscordOutbox({
        db,
        rest: client.rest,
        channels: settings.channels,
        clock: input.clock,
        logger,
        idFor,
        moreNotice: t.chat.moreLinesNotice,
        // A bot's user id is its application's id; the gateway's READY confirms it.
        botUserId: () => client.user?.id ?? settings.applicationId,
      }),
    (error) => logger.error({ error: describeDiscordError(error) }, 'discord outbox pass failed'),
  );

  return {
    client,
    async start() {
      const ready = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`la pasarela no envió READY en ${READY_TIMEOUT_MS / 1000} s`)),
          READY_TIMEOUT_MS,
        );
        client.once(Events.ClientReady, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      try {
        await client.login(settings.token);
        await ready;
      } catch (error) {
        await client.destroy().catch(() => undefined);
        throw startupProblem(error, settings);
      }
      if (client.application && client.application.id !== settings.applicationId) {
        await client.destroy().catch(() => undefined);
        throw new StartupError([
          `DISCORD_APPLICATION_ID: el token es de la aplicación ${client.application.id}, no de ${settings.applicationId}. Copie el Application ID de la misma aplicación.`,
        ]);
      }
      state = 'connected';
      started = true;
    },
    async stop() {
      state = 'stopping';
      await client.destroy();
    },
    state: () => state,
    deliverOutbox,
  };
}

/**
 * Why login failed, for the person starting the bot. discord.js turns Discord's 401 on
 * `GET /gateway/bot` into its own TokenInvalid error; anything else goes through describeDiscordError.
 */
function startupProblem(error: unknown, settings: DiscordSettings): StartupError {
  const failure = describeDiscordError(error);
  const tokenInvalid = error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid;
  if (tokenInvalid || (failure.kind === 'refused' && failure.status === 401)) {
    return new StartupError([
      'DISCORD_TOKEN: Discord rechazó el token. Copie de nuevo el token del bot (Developer Portal → Bot → Reset Token).',
    ]);
  }
  return new StartupError([
    `DISCORD_API_URL (${settings.apiUrl}): no se pudo conectar con Discord (${discordFailureText(error)}). Revise la red o la dirección.`,
  ]);
}
