import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { messagesFor } from '../../commands/core/i18n/catalogue.js';
import type { ChatUser, CommandReply, GlobalRole, Locale, ReplyButton } from '../../commands/core/types.js';
import type { Engine } from '../../commands/engine.js';
import { renderReplyAsText } from './render-text.js';

/** The local user of console mode; the person at the terminal runs the bot, so they are admin. */
export const CONSOLE_USER_ID = 'consola';

export interface ConsoleOptions {
  engine: Engine;
  input: Readable;
  output: Writable;
  /** Interactive terminal: prompt and welcome; otherwise read commands line by line and exit. */
  interactive: boolean;
  locale: Locale;
  campaignName: string;
  startAs?: string;
  /** Shown under the welcome in an interactive terminal (for example: the demo was just created). */
  notice?: string;
}

const EXIT_WORDS = new Set(['/salir', '/exit', '/quit']);

export async function runConsole(options: ConsoleOptions): Promise<void> {
  const text = messagesFor(options.locale, { unitCode: '', date: '' }).console;
  let user: ChatUser = { id: options.startAs ?? CONSOLE_USER_ID };
  let lastButtons: ReplyButton[] = [];
  const write = (value: string) => options.output.write(`${value}\n`);
  const rolesOf = (current: ChatUser): GlobalRole[] => (current.id === CONSOLE_USER_ID ? ['admin'] : []);
  const show = (reply: CommandReply) => {
    write(renderReplyAsText(reply));
    write('');
    lastButtons = reply.buttons ?? [];
    if (options.interactive && lastButtons.length) write(text.buttonsHint);
  };

  const lines = createInterface({
    input: options.input,
    terminal: options.interactive,
    output: options.interactive ? options.output : undefined,
  });
  if (options.interactive) {
    write(text.welcome(options.campaignName, user.id));
    if (options.notice) write(options.notice);
    // Ctrl-C leaves the chat the way /salir does (readline would only pause without a listener).
    lines.on('SIGINT', () => lines.close());
    lines.setPrompt('> ');
    lines.prompt();
  }

  for await (const rawLine of lines) {
    const line = rawLine.trim();
    if (EXIT_WORDS.has(line.toLowerCase())) {
      if (options.interactive) write(text.bye);
      break;
    }
    const switchTo = /^\/(yo|me)(?:\s+(\S+))?$/i.exec(line);
    if (switchTo) {
      if (switchTo[2]) {
        user = { id: switchTo[2].replace(/^@/, '') };
        write(text.switchedUser(user.id));
      } else {
        write(text.whoAmI(user.id));
      }
    } else if (/^\d+$/.test(line)) {
      const button = lastButtons[Number(line) - 1];
      if (!button) write(text.noSuchButton(lastButtons.length));
      else {
        show(
          options.engine.handleAction({
            requestId: randomUUID(),
            platform: 'console',
            user,
            actionId: button.actionId,
            payload: button.payload,
            locale: options.locale,
            extraRoles: rolesOf(user),
          }),
        );
      }
    } else if (line !== '') {
      // `/rendicion estado`, `/estado` and `estado` all mean the same here.
      const commandText = line.replace(/^\/(rendicion|rendición)\b/i, '').replace(/^\//, '');
      show(
        options.engine.handleCommand({
          requestId: randomUUID(),
          platform: 'console',
          user,
          text: commandText,
          locale: options.locale,
          extraRoles: rolesOf(user),
        }),
      );
    }
    if (options.interactive) lines.prompt();
  }
  lines.close();
}
