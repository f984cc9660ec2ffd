import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.js';
import {
  claimMessage,
  enqueueChatMessage,
  listUndeliveredMessages,
  markMessageDelivered,
  markMessageFailed,
} from '../../db/queries/chat-outbox.js';
import { createTestBot, type TestBot } from '../../testing/test-bot.js';

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

describe('claimMessage', () => {
  it('lets one of two processes on one database file claim a message; a stale claim is taken over, and the first attempt can no longer mark it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'claims-'));
    try {
      const first = createTestBot({ databasePath: join(folder, 'bot.db'), now: '2026-09-15T15:30:00Z' });
      bot = first;
      const second = openDatabase(join(folder, 'bot.db'));
      enqueueChatMessage(first.db, {
        platform: 'slack',
        targetType: 'channel',
        target: 'approvals',
        fallbackChannelId: null,
        action: 'post',
        cardKey: 'approval:1',
        message: { visibility: 'public', tone: 'info', blocks: [{ type: 'text', text: 'tarjeta' }] },
        createdAt: first.clock.now(),
      });
      const at = new Date('2026-09-15T15:30:00Z');
      const staleBefore = new Date(at.getTime() - 30_000);
      const mine = claimMessage(first.db, 1, { attemptId: 'a', at, staleBefore });
      expect(mine).toMatchObject({ attemptId: 'a', claimedBefore: false });
      expect(claimMessage(second, 1, { attemptId: 'b', at, staleBefore })).toBeUndefined();

      const later = new Date(at.getTime() + 31_000);
      const taken = claimMessage(second, 1, {
        attemptId: 'b',
        at: later,
        staleBefore: new Date(later.getTime() - 30_000),
      });
      expect(taken).toMatchObject({ attemptId: 'b', claimedBefore: true, firstClaimedAt: at });
      markMessageFailed(first.db, 1, { error: 'timeout', attempts: 1, nextAttemptAt: later, attemptId: 'a' });
      expect(markMessageDelivered(first.db, 1, later, 'a')).toBe(false);
      expect(markMessageDelivered(second, 1, later, 'b')).toBe(true);
      expect(second.sqlite.prepare('SELECT attempts, last_error, sending_since FROM chat_outbox').get()).toEqual({
        attempts: 0,
        last_error: null,
        sending_since: null,
      });
      second.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
