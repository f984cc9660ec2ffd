import type { Clock } from '../../commands/core/clock.js';
import type { Messages } from '../../commands/core/i18n/catalogue.js';
import type { ChannelRole } from '../../commands/core/notify.js';
import type { CommandReply, ReplyButton } from '../../commands/core/types.js';
import type { Database } from '../../db/client.js';
import { listUndeliveredMessages, markMessageDelivered, saveCardLocation } from '../../db/queries/chat-outbox.js';
import { renderReplyAsText } from './render-text.js';

/**
 * Prints what the bot owes the console "platform" (the approvals channel, direct messages, edited
 * cards) and marks it delivered. Returns the buttons it printed, numbered after `firstButtonNumber`.
 */
export function deliverConsoleMessages(input: {
  db: Database;
  clock: Clock;
  text: Messages['console'];
  write: (line: string) => void;
  firstButtonNumber: number;
  /** Shows a reply's picture (console mode saves it as a PNG file and prints the path). */
  showImage: (message: CommandReply) => void;
}): ReplyButton[] {
  const buttons: ReplyButton[] = [];
  for (const entry of listUndeliveredMessages(input.db, 'console')) {
    const message = entry.message as CommandReply;
    const header =
      entry.targetType === 'user'
        ? input.text.directHeader(entry.target)
        : entry.action === 'update'
          ? input.text.cardUpdatedHeader(entry.target as ChannelRole)
          : input.text.channelHeader(entry.target as ChannelRole);
    input.write(header);
    input.write(renderReplyAsText(message, input.firstButtonNumber + buttons.length));
    input.showImage(message);
    input.write('');
    buttons.push(...(message.buttons ?? []));
    const now = input.clock.now();
    if (entry.cardKey && entry.action === 'post') {
      saveCardLocation(input.db, {
        cardKey: entry.cardKey,
        platform: 'console',
        channelRef: entry.target,
        messageRef: String(entry.id),
        at: now,
      });
    }
    markMessageDelivered(input.db, entry.id, now);
  }
  return buttons;
}
