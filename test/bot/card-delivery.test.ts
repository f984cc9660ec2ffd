import { afterEach, describe, expect, it } from 'vitest';
import type { ChatDelivery, MessageLocation } from '../../bot/card-delivery.js';
import { ChatApiError } from '../../bot/chat-api-error.js';
import { drainOutbox } from '../../bot/outbox-pass.js';
import { silentLogger } from '../../commands/core/logger.js';
import { type ClaimedEntry, enqueueChatMessage, findCardLocation } from '../../db/queries/chat-outbox.js';
import { createTestBot, type TestBot } from '../../testing/test-bot.js';

let bot: TestBot | undefined;
afterEach(() => {
  bot?.close();
  bot = undefined;
});

/** A platform that keeps its messages in a list: what the outbox asks of any platform, and no more. */
function listPlatform() {
  const calls: string[] = [];
  const shown = new Map<number, MessageLocation>();
  let next = 0;
  const chat: ChatDelivery = {
    platform: 'slack',
    describe: (error) => (error instanceof ChatApiError ? error : new ChatApiError('slack', 'unexpected')),
    post: async (entry: ClaimedEntry) => {
      next += 1;
      calls.push(`post ${entry.id}`);
      const location = { channelRef: entry.targetType === 'channel' ? 'C1' : 'D1', messageRef: `m${next}` };
      shown.set(entry.id, location);
      return location;
    },
    update: async (entry, card) => {
      calls.push(`update ${card.messageRef} with ${entry.id}`);
    },
    lookup: async (entry) => {
      calls.push(`lookup ${entry.id}`);
      const location = shown.get(entry.id);
      return { found: location !== undefined, location };
    },
  };
  return { chat, calls };
}

describe('one card delivery for every platform', () => {
  it('posts a card the first time, remembers where, and edits that message with its later states', async () => {
    const current = createTestBot({
      now: '2026-09-15T15:30:00Z',
      platforms: ['slack'],
      admins: ['U0ADMIN'],
      roster:
        'codigo,nombre,provincia,tipo,responsable\nPIC-DP,Dirección Provincial de Pichincha,Pichincha,direccion-provincial,U0OFICIAL\n',
    });
    bot = current;
    current.send('registrar PIC-DP 18/09/2026 10:00 zoom', { as: 'U0ADMIN' });
    current.send('rol U0DIRECTORA direccion', { as: 'U0ADMIN' });
    current.send('solicitar video PIC-DP "Video institucional"', { as: 'U0OFICIAL' });
    const { chat, calls } = listPlatform();
    const pass = () => drainOutbox({ db: current.db, clock: current.clock, logger: silentLogger, chat });
    await pass();
    expect(findCardLocation(current.db, 'approval:1', 'slack')).toMatchObject({ channelRef: 'C1', messageRef: 'm1' });
    const posted = calls.length;
    current.send('solicitud aprobar 1', { as: 'U0DIRECTORA' });
    await pass();
    const cardUpdate = current.db.sqlite
      .prepare("SELECT id FROM chat_outbox WHERE card_key = 'approval:1' AND action = 'update'")
      .get() as { id: number };
    expect(calls.slice(posted).filter((call) => !call.startsWith('post'))).toEqual([`update m1 with ${cardUpdate.id}`]);
  });

  it('posts a direct message without taking it for a card, even when it names one', async () => {
    const current = createTestBot({ now: '2026-09-15T15:30:00Z', platforms: ['slack'] });
    bot = current;
    enqueueChatMessage(current.db, {
      platform: 'slack',
      targetType: 'user',
      target: 'U0OFICIAL',
      fallbackChannelId: null,
      action: 'update',
      cardKey: 'approval:9',
      message: { visibility: 'private', tone: 'success', blocks: [{ type: 'text', text: 'Aprobada' }] },
      createdAt: current.clock.now(),
    });
    const { chat, calls } = listPlatform();
    await drainOutbox({ db: current.db, clock: current.clock, logger: silentLogger, chat });
    expect(calls).toEqual(['post 1']);
    expect(findCardLocation(current.db, 'approval:9', 'slack')).toBeUndefined();
  });
});
