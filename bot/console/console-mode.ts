import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Clock } from '../../commands/core/clock.js';
import { messagesFor } from '../../commands/core/i18n/catalogue.js';
import type { ChatUser, CommandReply, GlobalRole, Locale, ReplyButton } from '../../commands/core/types.js';
import type { Engine } from '../../commands/engine.js';
import type { Database } from '../../db/client.js';
import { saveFile, savePng } from '../render/chart-png.js';
import { deliverConsoleMessages } from './console-outbox.js';
import { renderReplyAsText } from './render-text.js';

/** The local user of console mode; the person at the terminal runs the bot, so they are admin. */
export const CONSOLE_USER_ID = 'consola';
/** The console's stand-in for a chat channel, so "the channel where they asked" exists. */
const CONSOLE_CHANNEL_ID = 'consola';
/** How often an interactive console runs the scheduled work (expiring and escalating approvals). */
const SCHEDULED_WORK_INTERVAL_MS = 60_000;

export interface ConsoleOptions {
  engine: Engine;
  db: Database;
  clock: Clock;
  input: Readable;
  output: Writable;
  /** Interactive terminal: prompt and welcome; otherwise read commands line by line and exit. */
  interactive: boolean;
  locale: Locale;
  campaignName: string;
  startAs?: string;
  /** Shown under the welcome in an interactive terminal (for example: the demo was just created). */
  notice?: string;
  /** Where pictures (the campaign chart) are saved as PNG files. */
  exportsDirectory: string;
  /** Slow work a command may have queued (publishing tweets), awaited after each line. */
  afterEachLine?: () => Promise<void>;
}

const EXIT_WORDS = new Set(['/salir', '/exit', '/quit']);

export async function runConsole(options: ConsoleOptions): Promise<void> {
  const messages = messagesFor(options.locale, { unitCode: '', date: '' });
  const text = messages.console;
  const showImage = (message: CommandReply) => {
    if (message.image) write(messages.chart.saved(savePng(message.image, options.exportsDirectory)));
    if (message.file) write(messages.export.saved(saveFile(message.file, options.exportsDirectory)));
  };
  let user: ChatUser = { id: options.startAs ?? CONSOLE_USER_ID };
  let lastButtons: ReplyButton[] = [];
  /** A pressed button that asked for text (a rejection's reason): the next line is that text. */
  let awaitingInput: ReplyButton | undefined;
  const write = (value: string) => options.output.write(`${value}\n`);
  const rolesOf = (current: ChatUser): GlobalRole[] => (current.id === CONSOLE_USER_ID ? ['admin'] : []);
  const deliver = (firstButtonNumber: number) =>
    deliverConsoleMessages({ db: options.db, clock: options.clock, text, write, firstButtonNumber, showImage });
  const show = (reply: CommandReply) => {
    write(renderReplyAsText(reply));
    showImage(reply);
    write('');
    lastButtons = [...(reply.buttons ?? [])];
    lastButtons.push(...deliver(lastButtons.length + 1));
    if (options.interactive && lastButtons.length) write(text.buttonsHint);
  };
  const press = (button: ReplyButton, input?: string) =>
    show(
      options.engine.handleAction({
        requestId: randomUUID(),
        platform: 'console',
        user,
        channelId: CONSOLE_CHANNEL_ID,
        actionId: button.actionId,
        payload: button.payload,
        locale: options.locale,
        extraRoles: rolesOf(user),
        input,
      }),
    );

  const lines = createInterface({
    input: options.input,
    terminal: options.interactive,
    output: options.interactive ? options.output : undefined,
  });
  let timer: NodeJS.Timeout | undefined;
  if (options.interactive) {
    write(text.welcome(options.campaignName, user.id));
    if (options.notice) write(options.notice);
    // Ctrl-C leaves the chat the way /salir does (readline would only pause without a listener).
    lines.on('SIGINT', () => lines.close());
    lines.setPrompt('> ');
    timer = setInterval(() => {
      options.engine.runScheduledWork();
      if (deliver(lastButtons.length + 1).length) lines.prompt();
    }, SCHEDULED_WORK_INTERVAL_MS);
    timer.unref();
  }
  options.engine.runScheduledWork();
  lastButtons = deliver(1);
  if (options.interactive) lines.prompt();

  for await (const rawLine of lines) {
    const line = rawLine.trim();
    if (awaitingInput) {
      const button = awaitingInput;
      awaitingInput = undefined;
      if (line === '') write(text.inputCancelled);
      // A line that starts with `/` is a command typed instead of the text: the action is
      // cancelled (nothing is recorded as its reason) and the command runs.
      else if (line.startsWith('/')) {
        write(text.inputCancelledByCommand(line.length > 60 ? `${line.slice(0, 59)}…` : line));
        if (EXIT_WORDS.has(line.toLowerCase())) {
          if (options.interactive) write(text.bye);
          break;
        }
        handleLine(line);
      } else press(button, line);
    } else if (EXIT_WORDS.has(line.toLowerCase())) {
      if (options.interactive) write(text.bye);
      break;
    } else {
      handleLine(line);
    }
    if (options.afterEachLine) {
      await options.afterEachLine();
      lastButtons.push(...deliver(lastButtons.length + 1));
    }
    if (options.interactive) lines.prompt();
  }
  if (timer) clearInterval(timer);
  lines.close();

  function handleLine(line: string): void {
    const switchTo = /^\/(yo|me)(?:\s+(\S+))?$/i.exec(line);
    if (switchTo) {
      if (switchTo[2]) {
        user = { id: switchTo[2].replace(/^@/, '') };
        write(text.switchedUser(user.id));
      } else {
        write(text.whoAmI(user.id));
      }
      return;
    }
    if (/^\d+$/.test(line)) {
      const button = lastButtons[Number(line) - 1];
      if (!button) write(text.noSuchButton(lastButtons.length));
      else if (button.input) {
        awaitingInput = button;
        write(text.inputPrompt(button.input.label));
      } else press(button);
      return;
    }
    if (line === '') return;
    options.engine.runScheduledWork();
    // `/rendicion estado`, `/estado` and `estado` all mean the same here.
    const commandText = line.replace(/^\/(rendicion|rendición)\b/i, '').replace(/^\//, '');
    show(
      options.engine.handleCommand({
        requestId: randomUUID(),
        platform: 'console',
        user,
        channelId: CONSOLE_CHANNEL_ID,
        text: commandText,
        locale: options.locale,
        extraRoles: rolesOf(user),
      }),
    );
  }
}
