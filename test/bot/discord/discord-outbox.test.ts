import { REST } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverDiscordOutbox, NONCE_WINDOW_MS, pageNonce } from '../../../bot/discord/discord-outbox.js';
import { silentLogger } from '../../../commands/core/logger.js';
import { findCardLocation } from '../../../db/queries/chat-outbox.js';
import {
  DISCORD_APP_ID,
  DISCORD_TEST_TOKEN,
  type FakeDiscord,
  startFakeDiscord,
} from '../../../testing/fake-discord.js';
import { createTestBot, type TestBot } from '../../../testing/test-bot.js';

const APPROVALS_CHANNEL = '300000000000000777';

let bot: TestBot | undefined;
let discord: FakeDiscord | undefined;
afterEach(async () => {
  await discord?.close();
  bot?.close();
  bot = undefined;
  discord = undefined;
});

async function setUp() {
  const current = createTestBot({ now: '2026-09-15T15:30:00Z', platforms: ['discord'] });
  bot = current;
  const fake = await startFakeDiscord({ now: () => current.clock.now().getTime() });
  discord = fake;
  current.send('registrar PIC-DP 18/09/2026 10:00 zoom');
  current.send('solicitar video PIC-DP "Video institucional"', { as: 'oficial-pic' });
  const pass = () =>
    deliverDiscordOutbox({
      db: current.db,
      rest: new REST({ api: fake.apiUrl, retries: 0 }).setToken(DISCORD_TEST_TOKEN),
      channels: { approvals: APPROVALS_CHANNEL },
      clock: current.clock,
      logger: silentLogger,
      idFor: (button) => `rb:${button.actionId}:${button.payload}`,
      moreNotice: (hidden) => `… ${hidden}`,
      botUserId: () => DISCORD_APP_ID,
    });
  /** What a process that died after Discord took the card leaves behind: the card claimed, not delivered. */
  const forgetDelivery = () =>
    current.db.sqlite
      .prepare('UPDATE chat_outbox SET delivered_at = NULL, sending_since = first_claimed_at WHERE id = 1')
      .run();
  return { bot: current, discord: fake, pass, forgetDelivery };
}

const undelivered = (current: TestBot) =>
  (current.db.sqlite.prepare('SELECT count(*) AS n FROM chat_outbox WHERE delivered_at IS NULL').get() as { n: number })
    .n;

describe('the Discord outbox, exactly once', () => {
  it('sends a card with its outbox nonce and enforce_nonce; Discord answers the same nonce with the same message', async () => {
    const { discord: fake, pass } = await setUp();
    await pass();
    const posts = fake.callsTo('POST', /^\/channels\/\d+\/messages$/);
    expect(posts[0]?.body).toMatchObject({ nonce: pageNonce(1, 0), enforce_nonce: true });
    const first = fake.messages.get(APPROVALS_CHANNEL)?.[0];
    const rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken(DISCORD_TEST_TOKEN);
    const again = (await rest.post(`/channels/${APPROVALS_CHANNEL}/messages`, {
      body: { ...posts[0]?.body, nonce: pageNonce(1, 0), enforce_nonce: true },
    })) as { id: string };
    expect(again.id).toBe(first?.id);
    expect(fake.messages.get(APPROVALS_CHANNEL)).toHaveLength(1);
  });

  it('finds a card Discord took before the bot died among its recent messages, and does not post it again', async () => {
    const { bot: current, discord: fake, pass, forgetDelivery } = await setUp();
    await pass();
    const first = fake.messages.get(APPROVALS_CHANNEL)?.[0];
    forgetDelivery();
    current.clock.advanceHours(1 / 60);
    await pass();
    expect(fake.callsTo('GET', /^\/channels\/\d+\/messages$/)).toHaveLength(1);
    expect(fake.callsTo('POST', /^\/channels\/\d+\/messages$/)).toHaveLength(1);
    expect(findCardLocation(current.db, 'approval:1', 'discord')?.messageRef).toBe(first?.id);
    expect(undelivered(current)).toBe(0);
  });

  it("past the nonce's minutes, finds the card among the bot's recent messages and does not post it again", async () => {
    const { bot: current, discord: fake, pass, forgetDelivery } = await setUp();
    await pass();
    const first = fake.messages.get(APPROVALS_CHANNEL)?.[0];
    forgetDelivery();
    current.clock.advanceHours((NONCE_WINDOW_MS + 60_000) / 3_600_000);
    await pass();
    expect(fake.callsTo('GET', /^\/channels\/\d+\/messages$/)).toHaveLength(1);
    expect(fake.callsTo('POST', /^\/channels\/\d+\/messages$/)).toHaveLength(1);
    expect(fake.messages.get(APPROVALS_CHANNEL)).toHaveLength(1);
    expect(findCardLocation(current.db, 'approval:1', 'discord')?.messageRef).toBe(first?.id);
    expect(undelivered(current)).toBe(0);
  });

  it('posts the card, once, when the earlier attempt never reached Discord', async () => {
    const { bot: current, discord: fake, pass } = await setUp();
    const at = current.clock.now().getTime();
    current.db.sqlite
      .prepare('UPDATE chat_outbox SET sending_since = ?, first_claimed_at = ?, attempt_id = ? WHERE id = 1')
      .run(at, at, 'a process that died before calling Discord');
    current.clock.advanceHours((NONCE_WINDOW_MS + 60_000) / 3_600_000);
    await pass();
    await pass();
    expect(fake.messages.get(APPROVALS_CHANNEL)).toHaveLength(1);
    expect(undelivered(current)).toBe(0);
  });
});
