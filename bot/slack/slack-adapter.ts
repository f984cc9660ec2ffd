import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AllMiddlewareArgs, App, BlockButtonAction, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { KnownBlock, View } from '@slack/types';
import type { Clock } from '../../commands/core/clock.js';
import { messagesFor } from '../../commands/core/i18n/catalogue.js';
import type { Logger } from '../../commands/core/logger.js';
import type { CommandReply, Locale } from '../../commands/core/types.js';
import type { Engine } from '../../commands/engine.js';
import type { Database } from '../../db/client.js';
import type { AgendaSite } from '../agenda/agenda-site.js';
import { type AdapterState, checkHealth, type HealthReport } from '../health.js';
import { oneAtATime } from '../outbox-pass.js';
import { type PressedButton, parsePressedButton, renderSlackMessage } from './render-blocks.js';
import { describeSlackError } from './slack-api-error.js';
import { createSlackApp, type SlackSettings } from './slack-app.js';
import {
  commandFromForm,
  fieldOfError,
  formView,
  MAX_UNIT_OPTIONS,
  REGISTER_FORM_ID,
  REQUEST_FORM_ID,
  UNIT_SELECT_ACTION,
  unitOptions,
} from './slack-forms.js';
import { deliverSlackOutbox, uploadImage } from './slack-outbox.js';
import { sendSlackReply, slackReplyBody } from './slack-reply.js';
import { createSlackUserDirectory } from './slack-users.js';

const INPUT_MODAL_ID = 'rendicion-input';
type FormId = typeof REGISTER_FORM_ID | typeof REQUEST_FORM_ID;
type ViewSubmission = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
const INPUT_BLOCK_ID = 'input';
const INPUT_ACTION_ID = 'text';

/** With `should_escape`, Slack sends `&`, `<` and `>` typed by the user as HTML entities. */
function unescapeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export interface SlackAdapter {
  app: App;
  /** Starts listening; in HTTP mode resolves with the server (port 0 picks a free one). */
  start(): Promise<Server | undefined>;
  stop(): Promise<void>;
  /** What GET /healthz answers (served on PORT in both HTTP and Socket Mode). */
  health(): HealthReport;
  state(): AdapterState;
  /** Sends whatever the outbox holds for Slack; safe to call often, it never runs twice at once. */
  deliverOutbox(): Promise<void>;
}

export function createSlackAdapter(input: {
  settings: SlackSettings;
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
  /** What /healthz reports when other adapters run beside this one; by default, this one alone. */
  health?: () => HealthReport;
  /** The public agenda, served by the same HTTP receiver in HTTP mode. */
  agenda?: AgendaSite;
}): SlackAdapter {
  const { settings, engine, logger, locale } = input;
  const text = messagesFor(locale, { unitCode: '', date: '' });
  const health = input.health ?? ((): HealthReport => checkHealth(input.db, { slack: slackApp.state() }));
  const slackApp = createSlackApp({ settings, logger, health, agenda: input.agenda });
  const { app } = slackApp;
  const render = (reply: CommandReply) => renderSlackMessage(reply, text.chat.moreNotice);
  /** A refusal shown next to the form field it concerns, where the user can fix it. */
  const fieldError = (blockId: string, reply: CommandReply) => {
    const reason = reply.blocks.find((block) => block.type === 'text');
    return {
      response_action: 'errors' as const,
      errors: { [blockId]: reason?.type === 'text' ? reason.text : text.errorTitle },
    };
  };
  const users = createSlackUserDirectory(app.client, logger);

  const deliverOutbox = oneAtATime(
    () =>
      deliverSlackOutbox({
        db: input.db,
        client: app.client,
        channels: settings.channels,
        clock: input.clock,
        logger,
        moreNotice: text.chat.moreNotice,
      }),
    (error) => logger.error({ error: describeSlackError(error) }, 'slack outbox pass failed'),
  );
  const afterwards = input.afterRequest ?? deliverOutbox;

  app.command(settings.slashCommand, async ({ command, ack, client }) => {
    // Acknowledge first: Slack gives three seconds, and the reply goes through the response URL.
    await ack();
    // Let the acknowledgements of requests already waiting go out before this one's work runs.
    await new Promise((resolve) => setImmediate(resolve));
    const request = {
      requestId: randomUUID(),
      platform: 'slack',
      user: await users.resolve(command.user_id),
      text: unescapeSlackText(command.text),
      channelId: command.channel_id,
      locale,
      idempotencyKey: `slack:command:${command.trigger_id}`,
    };
    const form = engine.formForText(request);
    if (form) {
      const origin = { channelId: command.channel_id, responseUrl: command.response_url };
      await client.views.open({ trigger_id: command.trigger_id, view: formView(form, text, origin) });
      return;
    }
    const reply = engine.handleCommand(request);
    await sendSlackReply(command.response_url, slackReplyBody(render(reply), reply));
    if (reply.image) {
      await uploadImage(client, command.channel_id, reply.image).catch((error: unknown) =>
        logger.warn({ error: describeSlackError(error) }, 'could not upload the chart; is the bot in the channel?'),
      );
    }
    if (reply.file) {
      // A private reply's file goes to the person's direct messages, not to the channel.
      const file = reply.file;
      await client.conversations
        .open({ users: command.user_id })
        .then((opened) =>
          client.filesUploadV2({
            channel_id: opened.channel?.id ?? command.user_id,
            content: file.content,
            filename: file.name,
            title: file.name,
          }),
        )
        .catch((error: unknown) => logger.warn({ error: describeSlackError(error) }, 'could not send the file'));
    }
    await afterwards();
  });

  app.action<BlockButtonAction>(/#\d+i?$/, async ({ action, body, ack, client }) => {
    await ack();
    const pressed = parsePressedButton(action.action_id, action.value ?? '');
    if (!pressed) return;
    if (pressed.input) {
      await client.views.open({ trigger_id: body.trigger_id, view: inputModal(pressed, body.channel?.id ?? '') });
      return;
    }
    const reply = engine.handleAction({
      requestId: randomUUID(),
      platform: 'slack',
      user: await users.resolve(body.user.id),
      actionId: pressed.actionId,
      payload: pressed.payload,
      channelId: body.channel?.id,
      locale,
      // One click, one action: Slack's action_ts is the same on a redelivery of the same click.
      idempotencyKey: `slack:action:${body.user.id}:${action.action_ts}`,
    });
    // A button's answer is for the person who pressed it, under the card it leaves in place.
    const answer = slackReplyBody(render(reply), { visibility: 'private', keepOriginal: true });
    await sendSlackReply(body.response_url, answer);
    await afterwards();
  });

  /** The text a button asked for (inputModal), submitted. */
  const submitInput = async ({ view, body, ack, client }: ViewSubmission) => {
    const typed = view.state.values[INPUT_BLOCK_ID]?.[INPUT_ACTION_ID]?.value?.trim() ?? '';
    if (!typed) {
      await ack({ response_action: 'errors', errors: { [INPUT_BLOCK_ID]: text.chat.inputRequired } });
      return;
    }
    const { actionId, payload, channelId } = JSON.parse(view.private_metadata) as {
      actionId: string;
      payload: string;
      channelId: string;
    };
    const reply = engine.handleAction({
      requestId: randomUUID(),
      platform: 'slack',
      user: await users.resolve(body.user.id),
      actionId,
      payload,
      input: typed,
      channelId: channelId || undefined,
      locale,
      idempotencyKey: `slack:view:${view.id}`,
    });
    if (reply.tone === 'error') {
      await ack(fieldError(INPUT_BLOCK_ID, reply));
      return;
    }
    await ack();
    if (channelId) {
      const message = render(reply);
      await client.chat
        .postEphemeral({ channel: channelId, user: body.user.id, text: message.text, blocks: message.blocks })
        .catch((error: unknown) => logger.warn({ error: describeSlackError(error) }, 'could not show the decision'));
    }
    await afterwards();
  };

  app.options(UNIT_SELECT_ACTION, async ({ options, ack }) => {
    const request = { requestId: randomUUID(), platform: 'slack', user: { id: options.user.id }, locale };
    await ack({ options: unitOptions(engine.suggest(request, 'unit', options.value, MAX_UNIT_OPTIONS)) });
  });

  /** The registration or request form (registerForm, requestForm), submitted. */
  const submitForm = async (formId: FormId, { view, body, ack }: ViewSubmission) => {
    const commandText = commandFromForm(formId, view.state.values as Parameters<typeof commandFromForm>[1]);
    const origin = JSON.parse(view.private_metadata) as { channelId: string; responseUrl: string };
    const reply = engine.handleCommand({
      requestId: randomUUID(),
      platform: 'slack',
      user: await users.resolve(body.user.id),
      text: commandText ?? '',
      channelId: origin.channelId,
      locale,
      idempotencyKey: `slack:view:${view.id}`,
    });
    if (reply.tone === 'error') {
      await ack(fieldError(fieldOfError(formId, reply.errorCode), reply));
      return;
    }
    await ack();
    await sendSlackReply(origin.responseUrl, slackReplyBody(render(reply), reply)).catch((error: unknown) =>
      logger.warn({ error: describeSlackError(error) }, 'could not answer the form'),
    );
    await afterwards();
  };

  app.view({ callback_id: INPUT_MODAL_ID, type: 'view_submission' }, submitInput);
  app.view({ callback_id: REGISTER_FORM_ID, type: 'view_submission' }, (args: ViewSubmission) =>
    submitForm(REGISTER_FORM_ID, args),
  );
  app.view({ callback_id: REQUEST_FORM_ID, type: 'view_submission' }, (args: ViewSubmission) =>
    submitForm(REQUEST_FORM_ID, args),
  );

  app.error(async (error) => {
    logger.error({ error: describeSlackError(error) }, 'slack handler failed');
  });

  function inputModal(pressed: PressedButton, channelId: string): View {
    const blocks: KnownBlock[] = [
      {
        type: 'input',
        block_id: INPUT_BLOCK_ID,
        label: { type: 'plain_text', text: pressed.input?.label.slice(0, 2000) ?? '' },
        element: {
          type: 'plain_text_input',
          action_id: INPUT_ACTION_ID,
          multiline: true,
          max_length: 500,
          ...(pressed.input?.placeholder
            ? { placeholder: { type: 'plain_text' as const, text: pressed.input.placeholder.slice(0, 150) } }
            : {}),
        },
      },
    ];
    return {
      type: 'modal',
      callback_id: INPUT_MODAL_ID,
      title: { type: 'plain_text', text: (pressed.input?.label ?? '').slice(0, 24) },
      submit: { type: 'plain_text', text: text.chat.modalSubmit },
      close: { type: 'plain_text', text: text.chat.modalCancel },
      private_metadata: JSON.stringify({ actionId: pressed.actionId, payload: pressed.payload, channelId }),
      blocks,
    };
  }

  return {
    app,
    start: slackApp.start,
    stop: slackApp.stop,
    health,
    state: slackApp.state,
    deliverOutbox,
  };
}
