import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { checkHealth } from '../../../bot/health.js';
import { backOffMs, CLAIM_TIMEOUT_MS } from '../../../bot/outbox-pass.js';
import { deliverSlackOutbox, OUTBOX_EVENT_TYPE } from '../../../bot/slack/slack-outbox.js';
import { silentLogger } from '../../../commands/core/logger.js';
import { enqueueChatMessage, findCardLocation } from '../../../db/queries/chat-outbox.js';
import { type FakeSlack, startFakeSlack } from '../../../testing/fake-slack.js';
import { createTestBot, type TestBot } from '../../../testing/test-bot.js';
import { outboxRow } from '../../helpers/outbox-row.js';

const APPROVALS_CHANNEL = 'C0APROBAR';

let bot: TestBot | undefined;
let slack: FakeSlack | undefined;
afterEach(async () => {
  slack?.releaseHeld();
  await slack?.close();
  bot?.close();
  bot = undefined;
  slack = undefined;
});

/** A bot whose chat platform is Slack, a fake Slack dating messages by the bot's clock, and a pass. */
async function setUp(options: { apiUrl?: string } = {}) {
  const current = createTestBot({
    now: '2026-09-15T15:30:00Z',
    platforms: ['slack'],
    admins: ['U0ADMIN'],
    roster:
      'codigo,nombre,provincia,tipo,responsable\nPIC-DP,Dirección Provincial de Pichincha,Pichincha,direccion-provincial,U0OFICIAL\n',
  });
  bot = current;
  const fake = await startFakeSlack({ now: () => current.clock.now().getTime() });
  slack = fake;
  current.send('registrar PIC-DP 18/09/2026 10:00 zoom', { as: 'U0ADMIN' });
  current.send('rol U0DIRECTORA direccion', { as: 'U0ADMIN' });
  /** One outbox pass, as one process would run it (each call a client of its own). */
  const pass = () =>
    deliverSlackOutbox({
      db: current.db,
      client: new WebClient('xoxb-test', {
        slackApiUrl: options.apiUrl ?? fake.apiUrl,
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
      }),
      channels: { approvals: APPROVALS_CHANNEL },
      clock: current.clock,
      logger: silentLogger,
      moreNotice: (hidden) => `… ${hidden}`,
    });
  const undelivered = () =>
    (
      current.db.sqlite.prepare('SELECT count(*) AS n FROM chat_outbox WHERE delivered_at IS NULL').get() as {
        n: number;
      }
    ).n;

  return { bot: current, slack: fake, pass, undelivered, row: (id: number) => outboxRow(current, id) };
}

/** An address on 127.0.0.1 where nothing listens: a connection to it is refused. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/api/`;
}

describe('the Slack outbox, exactly once', () => {
  it('posts every message with the outbox id in its metadata, which the history shows only when asked', async () => {
    const { bot: current, slack: fake, pass } = await setUp();
    current.send('solicitar video PIC-DP "Video institucional"', { as: 'U0OFICIAL' });
    await pass();
    const [post] = fake.callsTo('chat.postMessage');
    expect(post?.params.metadata).toEqual({ event_type: OUTBOX_EVENT_TYPE, event_payload: { outbox_id: 1 } });
    const history = (withMetadata: boolean) =>
      fetch(`${fake.apiUrl}conversations.history`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ channel: APPROVALS_CHANNEL, include_all_metadata: String(withMetadata) }),
      }).then((response) => response.json() as Promise<{ messages: Record<string, unknown>[] }>);
    expect((await history(false)).messages[0]).not.toHaveProperty('metadata');
    expect((await history(true)).messages[0]?.metadata).toEqual(post?.params.metadata);
  });

  it('finds in the channel a card Slack took before the bot died, does not post it again, and edits it on the decision', async () => {
    const { bot: current, slack: fake, pass, undelivered } = await setUp();
    current.send('solicitar video PIC-DP "Video institucional"', { as: 'U0OFICIAL' });
    // The first process claims the card and Slack takes it, but the answer never comes back.
    fake.holdNext('chat.postMessage');
    const dying = pass();
    await expect.poll(() => fake.channels.get(APPROVALS_CHANNEL)?.length).toBe(1);
    // A second process (or this one restarted) comes along once the claim has timed out.
    current.clock.advanceHours((CLAIM_TIMEOUT_MS + 1_000) / 3_600_000);
    await pass();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    const [lookup] = fake.callsTo('conversations.history');
    expect(lookup?.params).toMatchObject({ channel: APPROVALS_CHANNEL, include_all_metadata: 'true' });
    expect(Number(lookup?.params.oldest)).toBeLessThanOrEqual(Date.parse('2026-09-15T15:30:00Z') / 1000);
    expect(undelivered()).toBe(0);
    const card = fake.channels.get(APPROVALS_CHANNEL)?.[0];
    expect(findCardLocation(current.db, 'approval:1', 'slack')).toMatchObject({
      channelRef: APPROVALS_CHANNEL,
      messageRef: card?.ts,
    });
    // The first attempt's connection drops: it may no longer touch the message another attempt delivered.
    fake.releaseHeld();
    await dying;
    expect(undelivered()).toBe(0);

    current.send('solicitud aprobar 1', { as: 'U0DIRECTORA' });
    await pass();
    expect(fake.callsTo('chat.update')[0]?.params.ts).toBe(card?.ts);
    expect(fake.channels.get(APPROVALS_CHANNEL)).toHaveLength(1);
    expect(JSON.stringify(card?.blocks)).toContain('Aprobada');
  });

  it('edits, not posts again, a card Slack took before the bot died when the decision comes before the card is found', async () => {
    const { bot: current, slack: fake, pass, undelivered } = await setUp();
    current.send('solicitar video PIC-DP "Video institucional"', { as: 'U0OFICIAL' });
    fake.holdNext('chat.postMessage');
    const dying = pass();
    await expect.poll(() => fake.channels.get(APPROVALS_CHANNEL)?.length).toBe(1);
    // The bot is restarted at once and the Directorate decides: the card's first post is still claimed.
    current.send('solicitud aprobar 1', { as: 'U0DIRECTORA' });
    await pass();
    expect(fake.channels.get(APPROVALS_CHANNEL)).toHaveLength(1);
    current.clock.advanceHours((CLAIM_TIMEOUT_MS + 1_000) / 3_600_000);
    await pass();
    const cards = fake.channels.get(APPROVALS_CHANNEL) ?? [];
    expect(cards).toHaveLength(1);
    expect(fake.callsTo('chat.update')[0]?.params.ts).toBe(cards[0]?.ts);
    expect(JSON.stringify(cards[0]?.blocks)).toContain('Aprobada');
    expect(undelivered()).toBe(1);
    fake.releaseHeld();
    await dying;
  });

  it('sends a claimed card that Slack never got, once, after the claim times out, and leaves a live claim alone', async () => {
    const { bot: current, slack: fake, pass, undelivered } = await setUp();
    current.send('solicitar video PIC-DP "Video institucional"', { as: 'U0OFICIAL' });
    current.db.sqlite
      .prepare('UPDATE chat_outbox SET sending_since = ?, first_claimed_at = ?, attempt_id = ?')
      .run(current.clock.now().getTime(), current.clock.now().getTime(), 'a process that died before calling Slack');
    current.clock.advanceHours(5 / 3600);
    await pass();
    expect(fake.calls.map((call) => call.method)).toEqual([]);
    current.clock.advanceHours(CLAIM_TIMEOUT_MS / 3_600_000);
    await pass();
    await pass();
    expect(fake.calls.map((call) => call.method)).toEqual(['conversations.history', 'chat.postMessage']);
    expect(undelivered()).toBe(0);
  });

  it('looks a direct message up in the DM channel conversations.open gives, and does not send it twice', async () => {
    const { bot: current, slack: fake, pass, undelivered } = await setUp();
    enqueueChatMessage(current.db, {
      platform: 'slack',
      targetType: 'user',
      target: 'U0OFICIAL',
      fallbackChannelId: null,
      action: 'post',
      cardKey: null,
      message: {
        visibility: 'private',
        tone: 'success',
        blocks: [{ type: 'text', text: 'Su solicitud #1 fue aprobada' }],
      },
      createdAt: current.clock.now(),
    });
    // Slack takes the DM, then the connection drops before its answer.
    fake.holdNext('chat.postMessage');
    const dying = pass();
    await expect.poll(() => fake.channels.get('D0OFICIAL')?.length ?? 0).toBe(1);
    fake.releaseHeld();
    await dying;
    expect(undelivered()).toBe(1);
    current.clock.advanceHours(backOffMs(1) / 3_600_000);
    await pass();
    expect(fake.callsTo('conversations.open')[0]?.params.users).toBe('U0OFICIAL');
    expect(fake.callsTo('conversations.history').map((call) => call.params.channel)).toEqual(['D0OFICIAL']);
    expect(fake.channels.get('D0OFICIAL')).toHaveLength(1);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(undelivered()).toBe(0);
  });

  it('rides out an hour of Slack answering 503 and 429: the card waits, /healthz shows it, and it is posted once', async () => {
    const { bot: current, slack: fake, pass, undelivered } = await setUp();
    current.send('solicitar video PIC-DP "Video institucional"', { as: 'U0OFICIAL' });
    const start = current.clock.now().getTime();
    let failures = 0;
    while (current.clock.now().getTime() - start < 60 * 60_000) {
      fake.failNext(
        'chat.postMessage',
        failures % 3 === 2
          ? { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': '120' } }
          : { status: 503, body: { ok: false, error: 'service_unavailable' } },
      );
      failures += 1;
      await pass();
      expect(checkHealth(current.db, { slack: 'connected' }).outbox).toEqual({ chatMessages: 1, tweets: 0 });
      const row = current.db.sqlite.prepare('SELECT next_attempt_at AS next FROM chat_outbox WHERE id = 1').get() as {
        next: number;
      };
      current.clock.set(new Date(row.next));
    }
    await pass();
    expect(fake.channels.get(APPROVALS_CHANNEL)).toHaveLength(1);
    expect(undelivered()).toBe(0);
    expect(failures).toBeLessThan(20);
  });
});

describe('the Slack outbox after a failed call, as @slack/web-api reports it', () => {
  it("keeps a rate-limited card queued for Slack's Retry-After and ends the pass there", async () => {
    const { bot: current, slack: fake, pass, row } = await setUp();
    current.send('solicitar video PIC-DP "Video institucional"', { as: 'U0OFICIAL' });
    current.send('solicitar fotos PIC-DP "Fotos del evento"', { as: 'U0OFICIAL' });
    fake.failNext('chat.postMessage', {
      status: 429,
      body: { ok: false, error: 'ratelimited' },
      headers: { 'retry-after': '120' },
    });
    expect(await pass()).toEqual({ delivered: 0, failed: 1 });
    expect(row(1)).toEqual({ lastError: 'rate_limited', attempts: 1, retryInSeconds: 120, delivered: false });
    // The second card waits for the next pass: Slack asked for two minutes of quiet.
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(row(2)).toMatchObject({ attempts: 0, delivered: false });
  });

  it("keeps a card Slack refuses (channel_not_found) queued with Slack's code and backs off, without holding up the next", async () => {
    const { bot: current, slack: fake, pass, row } = await setUp();
    current.send('solicitar video PIC-DP "Video institucional"', { as: 'U0OFICIAL' });
    current.send('solicitar fotos PIC-DP "Fotos del evento"', { as: 'U0OFICIAL' });
    fake.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'channel_not_found' } });
    expect(await pass()).toEqual({ delivered: 1, failed: 1 });
    expect(row(1)).toEqual({ lastError: 'channel_not_found', attempts: 1, retryInSeconds: 30, delivered: false });
    expect(row(2).delivered).toBe(true);
  });

  it('keeps a card it cannot look up for lack of the history scope queued with missing_scope, and posts nothing', async () => {
    const { bot: current, slack: fake, pass, row } = await setUp();
    current.send('solicitar video PIC-DP "Video institucional"', { as: 'U0OFICIAL' });
    const at = current.clock.now().getTime();
    current.db.sqlite
      .prepare('UPDATE chat_outbox SET sending_since = ?, first_claimed_at = ?, attempt_id = ?')
      .run(at, at, 'a process that died while calling Slack');
    current.clock.advanceHours((CLAIM_TIMEOUT_MS + 1_000) / 3_600_000);
    fake.failNext('conversations.history', {
      status: 200,
      body: { ok: false, error: 'missing_scope', needed: 'channels:history', provided: 'chat:write' },
    });
    await pass();
    expect(row(1)).toEqual({ lastError: 'missing_scope', attempts: 1, retryInSeconds: 30, delivered: false });
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('keeps a card queued with the status when Slack answers 503, backing off 30 s', async () => {
    const { bot: current, slack: fake, pass, row } = await setUp();
    current.send('solicitar video PIC-DP "Video institucional"', { as: 'U0OFICIAL' });
    fake.failNext('chat.postMessage', { status: 503, body: { ok: false, error: 'service_unavailable' } });
    await pass();
    expect(row(1)).toEqual({ lastError: 'server_503', attempts: 1, retryInSeconds: 30, delivered: false });
    current.clock.advanceHours(30 / 3600);
    await pass();
    expect(row(1).delivered).toBe(true);
    expect(fake.channels.get(APPROVALS_CHANNEL)).toHaveLength(1);
  });

  it('keeps a card queued as a network failure when Slack cannot be reached, doubling the wait on the next failure', async () => {
    const { bot: current, pass, row } = await setUp({ apiUrl: await closedPortUrl() });
    current.send('solicitar video PIC-DP "Video institucional"', { as: 'U0OFICIAL' });
    await pass();
    expect(row(1)).toEqual({ lastError: 'network', attempts: 1, retryInSeconds: 30, delivered: false });
    current.clock.advanceHours(30 / 3600);
    await pass();
    expect(row(1)).toEqual({ lastError: 'network', attempts: 2, retryInSeconds: 60, delivered: false });
  });
});
