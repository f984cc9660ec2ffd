import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkPinnedTweet, publishQueuedTweets, type TweetWorkerDeps } from '../../bot/tweet-worker.js';
import { silentLogger } from '../../commands/core/logger.js';
import type { ReplyButton } from '../../commands/core/types.js';
import { findTweet, moveTweet } from '../../db/queries/tweets.js';
import { createXPublisher } from '../../integrations/x/x-publisher.js';
import { DUPLICATE_BODY, type FakeX, startFakeX } from '../../testing/fake-x.js';
import { createTestBot, type TestBot } from '../../testing/test-bot.js';

let bot: TestBot | undefined;
let x: FakeX | undefined;
afterEach(async () => {
  bot?.close();
  await x?.close();
  bot = undefined;
  x = undefined;
});

async function setUp() {
  const current = createTestBot({ now: '2026-09-15T15:30:00Z' });
  bot = current;
  // X dates its tweets by the test's clock, as the real one does by the real time.
  x = await startFakeX({ now: () => current.clock.now().getTime() });
  bot.send('registrar PIC-DP 15/09/2026 10:00 zoom forzar=si');
  bot.send('rol comunica comunicacion');
  const deps: TweetWorkerDeps = {
    db: bot.db,
    publisher: createXPublisher({
      appKey: 'key',
      appSecret: 'secret',
      accessToken: 'token',
      accessSecret: 'token-secret',
      apiUrl: x.url,
    }),
    clock: bot.clock,
    logger: silentLogger,
    locale: 'es',
    defaultPlatform: 'console',
    platforms: ['console'],
  };
  return { bot, x, deps };
}

/** Composes a tweet as Communication and presses Publicar: the tweet's id in the outbox. */
function queueTweet(current: TestBot, text: string): number {
  const preview = current.send(`tuit PIC-DP "${text}"`, { as: 'comunica' });
  const publish = preview.buttons?.find((button) => button.label === 'Publicar') as ReplyButton;
  current.press(publish, { as: 'comunica' });
  return Number(publish.payload);
}

describe('the X outbox worker (real twitter-api-v2 against a fake X)', () => {
  it('publishes a queued tweet, signed with OAuth 1.0a, and tells the author the link', async () => {
    const { bot: current, x: fake, deps } = await setUp();
    const id = queueTweet(current, 'Comienza la sesión de Pichincha');
    expect(await publishQueuedTweets(deps)).toBe(1);
    expect(fake.posted).toEqual([
      expect.objectContaining({
        text: 'Comienza la sesión de Pichincha #RendiciónDeCuentas2026',
        inReplyTo: undefined,
      }),
    ]);
    expect(fake.posted[0]?.authorization).toMatch(/^OAuth oauth_consumer_key="key"/);
    expect(findTweet(current.db, id)).toMatchObject({ state: 'sent', xTweetId: fake.posted[0]?.id });
    const told = current.outbox().find((entry) => entry.target === 'comunica');
    expect(JSON.stringify(told?.message)).toContain(
      `✅ Tuit publicado: https://x.com/i/web/status/${fake.posted[0]?.id}`,
    );
  });

  it("threads a session's tweets: each replies to the previous one", async () => {
    const { bot: current, x: fake, deps } = await setUp();
    queueTweet(current, 'Comienza la sesión de Pichincha');
    await publishQueuedTweets(deps);
    queueTweet(current, 'El director presenta el informe de gestión');
    await publishQueuedTweets(deps);
    expect(fake.posted[1]?.inReplyTo).toBe(fake.posted[0]?.id);
  });

  it('waits for the reset X gives on a 429, then publishes', async () => {
    const { bot: current, x: fake, deps } = await setUp();
    const reset = Math.floor(Date.parse('2026-09-15T15:45:00Z') / 1000);
    fake.failNextPost({
      status: 429,
      body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
      headers: { 'x-rate-limit-limit': '100', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) },
    });
    const id = queueTweet(current, 'Comienza la sesión de Pichincha');
    await publishQueuedTweets(deps);
    expect(findTweet(current.db, id)).toMatchObject({ state: 'queued', nextAttemptAt: new Date(reset * 1000) });
    current.clock.set('2026-09-15T15:44:00Z');
    await publishQueuedTweets(deps);
    expect(fake.posted).toEqual([]);
    current.clock.set('2026-09-15T15:45:01Z');
    await publishQueuedTweets(deps);
    expect(findTweet(current.db, id)?.state).toBe('sent');
  });

  it('retries after a 5xx with a growing wait, and reports a failure after the last attempt', async () => {
    const { bot: current, x: fake, deps } = await setUp();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      fake.failNextPost({ status: 503, body: { title: 'Service Unavailable', type: 'about:blank', status: 503 } });
    }
    const id = queueTweet(current, 'Comienza la sesión de Pichincha');
    const waits: number[] = [];
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await publishQueuedTweets(deps);
      const tweet = findTweet(current.db, id);
      if (tweet?.state !== 'queued') break;
      waits.push((tweet.nextAttemptAt?.getTime() ?? 0) - current.clock.now().getTime());
      current.clock.set(tweet.nextAttemptAt ?? current.clock.now());
    }
    const minutes = 60_000;
    expect(waits).toEqual([0.5, 1, 2, 4, 8, 15, 15, 15, 15].map((wait) => wait * minutes));
    expect(findTweet(current.db, id)).toMatchObject({ state: 'failed', attempts: 10 });
    expect(JSON.stringify(current.outbox().map((entry) => entry.message))).toContain(
      'X no respondió tras varios intentos',
    );
  });

  it('rides out an hour of X answering 503: the tweet waits, then goes out once, and the author hears only that', async () => {
    const { bot: current, x: fake, deps } = await setUp();
    const id = queueTweet(current, 'Comienza la sesión de Pichincha');
    const start = current.clock.now().getTime();
    while (current.clock.now().getTime() - start < 60 * 60_000) {
      fake.failNextPost({ status: 503, body: { title: 'Service Unavailable', type: 'about:blank', status: 503 } });
      await publishQueuedTweets(deps);
      const tweet = findTweet(current.db, id);
      expect(tweet?.state).toBe('queued');
      current.clock.set(tweet?.nextAttemptAt ?? current.clock.now());
    }
    await publishQueuedTweets(deps);
    expect(fake.posted).toHaveLength(1);
    expect(findTweet(current.db, id)?.state).toBe('sent');
    const told = JSON.stringify(current.outbox().map((entry) => entry.message));
    expect(told).toContain('Tuit publicado');
    expect(told).not.toContain('No se pudo publicar');
  });

  it('recovers from a crash after X accepted a tweet: it finds it on the account and does not post it again', async () => {
    const { bot: current, x: fake, deps } = await setUp();
    const id = queueTweet(current, 'Comienza la sesión de Pichincha');
    // The process died after claiming the tweet and after X accepted it, before recording the answer.
    moveTweet(current.db, { id, from: ['queued'], to: 'sending', actor: 'x-worker', at: current.clock.now() });
    const onX = fake.addToTimeline('Comienza la sesión de Pichincha #RendiciónDeCuentas2026');
    current.clock.advanceHours(0.1);
    await publishQueuedTweets(deps);
    expect(fake.posted).toEqual([]);
    expect(findTweet(current.db, id)).toMatchObject({ state: 'sent', xTweetId: onX });
  });

  it('sends again, once, a tweet interrupted before X got it', async () => {
    const { bot: current, x: fake, deps } = await setUp();
    const id = queueTweet(current, 'Comienza la sesión de Pichincha');
    moveTweet(current.db, { id, from: ['queued'], to: 'sending', actor: 'x-worker', at: current.clock.now() });
    current.clock.advanceHours(0.1);
    await publishQueuedTweets(deps);
    await publishQueuedTweets(deps);
    expect(fake.posted).toHaveLength(1);
    expect(findTweet(current.db, id)?.state).toBe('sent');
  });

  it("reports X's duplicate-content refusal as such when the text is not ours", async () => {
    const { bot: current, x: fake, deps } = await setUp();
    fake.failNextPost({ status: 403, body: DUPLICATE_BODY });
    const id = queueTweet(current, 'Comienza la sesión de Pichincha');
    await publishQueuedTweets(deps);
    expect(findTweet(current.db, id)?.state).toBe('failed');
    expect(JSON.stringify(current.outbox().map((entry) => entry.message))).toContain(
      'X dice que ese texto ya está publicado en la cuenta.',
    );
  });
});

describe('the account alert (policy rule 13)', () => {
  it('pauses publishing: tweets wait in the queue until an admin resolves the alert, then go out', async () => {
    const { bot: current, x: fake, deps } = await setUp();
    const raised = current.send('alerta-cuenta "Se publicó un tuit que nadie escribió"', { as: 'comunica' });
    expect(raised.rendered).toContain('Se avisó a la Dirección y a los administradores.');
    const alerts = current
      .outbox()
      .filter((entry) => JSON.stringify(entry.message).includes('la cuenta de X puede estar comprometida'));
    expect(alerts.map((entry) => entry.target).sort()).toEqual(['admin-1', 'approvals']);
    const id = queueTweet(current, 'Comienza la sesión de Pichincha');
    await publishQueuedTweets(deps);
    expect(fake.posted).toEqual([]);
    expect(findTweet(current.db, id)?.state).toBe('queued');
    expect(current.send('alerta-cuenta resolver', { as: 'comunica' }).rendered).toContain(
      'Solo un administrador puede usar `alerta-cuenta resolver`',
    );
    expect(current.send('alerta-cuenta resolver').title).toBe('Alerta cerrada: se reanuda la publicación');
    await publishQueuedTweets(deps);
    expect(fake.posted).toHaveLength(1);
  });

  it('tells whoever reports again that an alert is already open, and changes nothing', async () => {
    const { bot: current } = await setUp();
    current.send('alerta-cuenta', { as: 'comunica' });
    const audits = current.auditCount();
    expect(current.send('alerta-cuenta', { as: 'oficial-pic' }).rendered).toContain(
      'Ya hay una alerta abierta (comunica',
    );
    expect(current.auditCount()).toBe(audits);
  });
});

describe("the campaign's pinned tweet", () => {
  it('is written from the campaign, posted on its own (no thread), pinned by hand, and the pin is noticed', async () => {
    const { bot: current, x: fake, deps } = await setUp();
    current.send('rol dir-ana direccion');
    const preview = current.send('tuit-fijo', { as: 'dir-ana' });
    expect(preview.title).toBe('Vista previa del tuit · tuit fijo de la campaña');
    expect(JSON.stringify(preview.blocks[0])).toContain(
      'del sáb 12 sep 2026 al sáb 26 sep 2026, cada unidad rinde cuentas a la ciudadanía. Informes, transmisiones y preguntas en https://www.ejemplo.gob.ec/rendicion #RendiciónDeCuentas2026',
    );
    current.press(preview.buttons?.find((button) => button.label === 'Publicar') as ReplyButton, { as: 'dir-ana' });
    await publishQueuedTweets(deps);
    const [posted] = fake.posted;
    expect(posted?.inReplyTo).toBeUndefined();
    const channel = current.outbox().filter((entry) => entry.target === 'approvals');
    expect(JSON.stringify(channel.at(-1)?.message)).toContain(`fíjelo a mano en el perfil de la cuenta`);
    expect(await checkPinnedTweet(deps)).toBe(false);
    fake.pin(posted?.id ?? '');
    expect(await checkPinnedTweet(deps)).toBe(true);
    expect(current.send('tuit-fijo', { as: 'dir-ana' }).rendered).toContain('La cuenta lo muestra fijado. ✅');
  });

  it('is posted by the bot at the start of the window when nobody did, once; the end brings an unpin reminder', async () => {
    const { bot: current, x: fake, deps } = await setUp();
    current.clock.set('2026-09-12T13:05:00Z');
    current.runScheduledWork();
    current.runScheduledWork();
    await publishQueuedTweets(deps);
    expect(fake.posted).toHaveLength(1);
    expect(fake.posted[0]?.text).toContain('#RendiciónDeCuentas2026');
    current.clock.set('2026-09-27T14:05:00Z');
    current.runScheduledWork();
    current.runScheduledWork();
    const reminders = current
      .outbox()
      .filter((entry) => JSON.stringify(entry.message).includes('La campaña terminó: desfije el tuit'));
    expect(reminders).toHaveLength(1);
  });

  it('is for the Directorate only', async () => {
    const { bot: current } = await setUp();
    expect(current.send('tuit-fijo', { as: 'comunica' }).rendered).toContain(
      'Solo la Dirección de Comunicación puede usar `tuit-fijo`.',
    );
  });
});

describe('a server error', () => {
  it('is retried and the tweet goes out on the next attempt', async () => {
    const { bot: current, x: fake, deps } = await setUp();
    fake.failNextPost({ status: 500, body: { title: 'Internal Server Error', type: 'about:blank', status: 500 } });
    const id = queueTweet(current, 'Comienza la sesión de Pichincha');
    await publishQueuedTweets(deps);
    expect(findTweet(current.db, id)).toMatchObject({ state: 'queued', attempts: 1 });
    current.clock.advanceHours(1);
    await publishQueuedTweets(deps);
    expect(findTweet(current.db, id)?.state).toBe('sent');
    expect(fake.posted).toHaveLength(1);
  });

  it('recognises its own tweet with a link and an & as X shows it (t.co, &amp;) after a crash, and does not post it again', async () => {
    const { bot: current, x: fake, deps } = await setUp();
    const text = 'Pichincha & Guayas  rinden cuentas:\nhttps://www.ejemplo.gob.ec/rendicion?a=1&b=2 en vivo';
    const id = queueTweet(current, text);
    const sent = `${text} #RendiciónDeCuentas2026`;
    // The process died after claiming the tweet and after X accepted it, before recording the answer.
    moveTweet(current.db, {
      id,
      from: ['queued'],
      to: 'sending',
      actor: 'x-worker',
      at: current.clock.now(),
      set: { firstClaimedAt: current.clock.now() },
    });
    const onX = fake.addToTimeline(sent);
    expect(fake.shown()[0]?.text).toMatch(
      /^Pichincha &amp; Guayas {2}rinden cuentas:\nhttps:\/\/t\.co\/\S{10} en vivo/,
    );
    current.clock.advanceHours(0.1);
    await publishQueuedTweets(deps, { atStartUp: true });
    expect(fake.posted).toEqual([]);
    expect(findTweet(current.db, id)).toMatchObject({ state: 'sent', xTweetId: onX });
    expect(JSON.stringify(current.outbox().map((entry) => entry.message))).toContain(
      `Tuit publicado: https://x.com/i/web/status/${onX}`,
    );
  });

  it("records as published, with X's id, a tweet X refuses as a duplicate because an earlier attempt posted it, and tells the author its link", async () => {
    const { bot: current, x: fake, deps } = await setUp();
    const text = 'Resumen de la sesión <en vivo> & preguntas: ejemplo.gob.ec/rendicion';
    const id = queueTweet(current, text);
    // The first attempt's connection dropped after X had taken the tweet: it is queued for a retry.
    fake.holdAnswers();
    const first = publishQueuedTweets(deps);
    await vi.waitUntil(() => fake.posted.length === 1);
    fake.answerAgain();
    await first;
    expect(findTweet(current.db, id)).toMatchObject({ state: 'queued', attempts: 1 });
    current.clock.advanceHours(0.1);
    await publishQueuedTweets(deps);
    expect(fake.posted).toHaveLength(1);
    const onX = fake.posted[0]?.id;
    expect(findTweet(current.db, id)).toMatchObject({ state: 'sent', xTweetId: onX });
    const told = JSON.stringify(current.outbox().map((entry) => entry.message));
    expect(told).toContain(`Tuit publicado: https://x.com/i/web/status/${onX}`);
    expect(told).not.toContain('No se pudo publicar');
  });

  it('does not take for its own a tweet with the same text posted before its first attempt', async () => {
    const { bot: current, x: fake, deps } = await setUp();
    fake.addToTimeline('Comienza la sesión de Pichincha #RendiciónDeCuentas2026');
    current.clock.advanceHours(1);
    const id = queueTweet(current, 'Comienza la sesión de Pichincha');
    await publishQueuedTweets(deps);
    expect(findTweet(current.db, id)?.state).toBe('failed');
    expect(JSON.stringify(current.outbox().map((entry) => entry.message))).toContain(
      'X dice que ese texto ya está publicado en la cuenta.',
    );
  });
});
