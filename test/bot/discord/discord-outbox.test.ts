import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { outboxRow } from '../../helpers/outbox-row.js';

const APPROVALS_CHANNEL = '300000000000000777';

let bot: TestBot | undefined;
let discord: FakeDiscord | undefined;
afterEach(async () => {
  await discord?.close();
  bot?.close();
  bot = undefined;
  discord = undefined;
});

/** `rest` options beyond the fake's address: where to send (a closed port), when to reject a rate limit. */
async function setUp(options: { apiUrl?: string; rejectOnRateLimit?: () => boolean } = {}) {
  const current = createTestBot({ now: '2026-09-15T15:30:00Z', platforms: ['discord'] });
  bot = current;
  const fake = await startFakeDiscord({ now: () => current.clock.now().getTime() });
  discord = fake;
  current.send('registrar PIC-DP 18/09/2026 10:00 zoom');
  current.send('solicitar video PIC-DP "Video institucional"', { as: 'oficial-pic' });
  const pass = () =>
    deliverDiscordOutbox({
      db: current.db,
      rest: new REST({
        api: options.apiUrl ?? fake.apiUrl,
        retries: 0,
        ...(options.rejectOnRateLimit ? { rejectOnRateLimit: options.rejectOnRateLimit } : {}),
      }).setToken(DISCORD_TEST_TOKEN),
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

/** An address on 127.0.0.1 where nothing listens: a connection to it is refused. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/api`;
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

describe('the Discord outbox after a failed call, as @discordjs/rest reports it', () => {
  const CHANNEL_MESSAGES = new RegExp(`^/channels/${APPROVALS_CHANNEL}/messages$`);

  it("keeps a rate-limited card queued for Discord's retry_after and ends the pass there", async () => {
    const { bot: current, discord: fake, pass } = await setUp({ rejectOnRateLimit: () => true });
    current.send('solicitar fotos PIC-DP "Fotos del evento"', { as: 'oficial-pic' });
    fake.failNext('POST', CHANNEL_MESSAGES, {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 30, global: false },
      headers: { 'retry-after': '30', 'x-ratelimit-scope': 'user' },
    });
    expect(await pass()).toEqual({ delivered: 0, failed: 1 });
    // @discordjs/rest adds its 50 ms offset to Discord's 30 s; the wait is rounded up to whole seconds.
    expect(outboxRow(current, 1)).toEqual({
      lastError: 'rate_limited',
      attempts: 1,
      retryInSeconds: 31,
      delivered: false,
    });
    expect(fake.callsTo('POST', CHANNEL_MESSAGES)).toHaveLength(1);
    expect(outboxRow(current, 2)).toMatchObject({ attempts: 0, delivered: false });
  });

  it("keeps a card Discord refuses (Unknown Channel) queued with Discord's code and backs off, without holding up the next", async () => {
    const { bot: current, discord: fake, pass } = await setUp();
    current.send('solicitar fotos PIC-DP "Fotos del evento"', { as: 'oficial-pic' });
    fake.failNext('POST', CHANNEL_MESSAGES, { status: 404, body: { message: 'Unknown Channel', code: 10003 } });
    expect(await pass()).toEqual({ delivered: 1, failed: 1 });
    expect(outboxRow(current, 1)).toEqual({
      lastError: '10003 Unknown Channel',
      attempts: 1,
      retryInSeconds: 30,
      delivered: false,
    });
    expect(outboxRow(current, 2).delivered).toBe(true);
  });

  it('keeps a card queued with the status when Discord answers 502, backing off 30 s', async () => {
    const { bot: current, discord: fake, pass } = await setUp();
    fake.failNext('POST', CHANNEL_MESSAGES, { status: 502, body: { message: 'Bad Gateway' } });
    await pass();
    expect(outboxRow(current, 1)).toEqual({
      lastError: 'server_502',
      attempts: 1,
      retryInSeconds: 30,
      delivered: false,
    });
    current.clock.advanceHours(30 / 3600);
    await pass();
    expect(outboxRow(current, 1).delivered).toBe(true);
    expect(fake.messages.get(APPROVALS_CHANNEL)).toHaveLength(1);
  });

  it('keeps a card queued as a network failure when Discord cannot be reached, doubling the wait on the next failure', async () => {
    const { bot: current, pass } = await setUp({ apiUrl: await closedPortUrl() });
    await pass();
    expect(outboxRow(current, 1)).toEqual({ lastError: 'network', attempts: 1, retryInSeconds: 30, delivered: false });
    current.clock.advanceHours(30 / 3600);
    await pass();
    expect(outboxRow(current, 1)).toEqual({ lastError: 'network', attempts: 2, retryInSeconds: 60, delivered: false });
  });
});
