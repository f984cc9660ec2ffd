import { afterEach, describe, expect, it } from 'vitest';
import { enqueueChatMessage, listUndeliveredMessages } from '../../db/queries/chat-outbox.js';
import { createTestBot, type TestBot } from '../helpers/test-bot.js';

let bot: TestBot | undefined;
afterEach(() => {
  bot?.close();
  bot = undefined;
});

describe('listUndeliveredMessages', () => {
  it('lists at most the number asked for, oldest first, whatever was asked before', () => {
    const current = createTestBot();
    bot = current;
    for (const text of ['uno', 'dos', 'tres']) {
      enqueueChatMessage(current.db, {
        platform: 'console',
        targetType: 'channel',
        target: 'approvals',
        fallbackChannelId: null,
        action: 'post',
        cardKey: null,
        message: { visibility: 'public', tone: 'info', blocks: [{ type: 'text', text }] },
        createdAt: current.clock.now(),
      });
    }
    const texts = (limit: number) =>
      listUndeliveredMessages(current.db, 'console', limit).map((entry) => JSON.stringify(entry.message));
    expect(texts(2)).toEqual([expect.stringContaining('uno'), expect.stringContaining('dos')]);
    expect(texts(50)).toHaveLength(3);
    expect(texts(1)).toEqual([expect.stringContaining('uno')]);
    expect(texts(2)).toHaveLength(2);
  });
});
