import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { enqueueChatMessage, findCardLocation } from '../../../db/queries/chat-outbox.js';
import { APPROVALS_CHANNEL, SUMMARY_CHANNEL } from '../../../testing/discord-harness.js';
import { waitFor } from '../../../testing/fake-slack.js';
import {
  admin,
  buttonsOf,
  director,
  discordHarnessPerTest,
  messageOf,
  officer,
  registerAndAsk,
  registerPicDp,
  textOf,
} from '../../helpers/discord-messages.js';

const start = discordHarnessPerTest();

describe('Discord card delivery (real discord.js client against a fake Discord)', () => {
  it('pages `enlaces` for a 126-unit campaign into messages Discord accepts, every missing unit shown', async () => {
    const roster = readFileSync('db/demo/unidades-demo.csv', 'utf8');
    const { discord } = await start({ roster });
    // `enlaces` pages at 25 like the other lists: six pages hold the 126 units.
    const messages = [];
    for (const pagina of [1, 2, 3, 4, 5, 6]) {
      const result = await discord.interact(discord.slashCommand(admin, 'enlaces', pagina === 1 ? {} : { pagina }));
      messages.push(...[result.callback, ...result.followUps].map(messageOf));
    }
    expect(JSON.stringify(messages)).toContain('`/rendicion enlaces provincia:todo pagina:2`');
    for (const message of messages) {
      expect(message.embeds.length).toBeLessThanOrEqual(10);
      expect(JSON.stringify(message.embeds).length).toBeLessThan(6000 + 200 * message.embeds.length);
      for (const embed of message.embeds) expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
    }
    const shown = JSON.stringify(messages);
    const codes = roster
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .slice(1)
      .map((line) => line.split(',')[0]);
    expect(codes).toHaveLength(126);
    for (const code of codes) expect(shown).toContain(`${code}`);
  });

  it('does not let messages that cannot go out hold up the approvals card behind them', async () => {
    const h = await start();
    const { discord } = h;
    // Sixty private messages for people the roster names by e-mail, which Discord cannot reach.
    for (let index = 0; index < 60; index++) {
      enqueueChatMessage(h.bot.db, {
        platform: 'discord',
        targetType: 'user',
        target: `oficial${index}@ejemplo.gob.ec`,
        fallbackChannelId: null,
        action: 'post',
        cardKey: null,
        message: { visibility: 'private', tone: 'info', blocks: [{ type: 'text', text: 'Recordatorio' }] },
        createdAt: h.bot.clock.now(),
      });
    }
    await registerAndAsk(h);
    const failing = () =>
      h.bot.db.sqlite
        .prepare("SELECT attempts FROM chat_outbox WHERE platform = 'discord' AND delivered_at IS NULL")
        .all() as { attempts: number }[];
    expect(failing()).toHaveLength(60);
    expect(failing().every((row) => row.attempts === 1)).toBe(true);
    // Waiting out the back-off, they are tried again later, not on every pass.
    await h.adapter.deliverOutbox();
    expect(failing().every((row) => row.attempts === 1)).toBe(true);
    h.bot.clock.advanceHours(31 / 3600);
    await h.adapter.deliverOutbox();
    expect(failing().filter((row) => row.attempts === 2)).toHaveLength(50);
    expect(discord.callsTo('POST', /^\/channels\/dm-/)).toEqual([]);
  });

  it('shows a card once when its first post failed and the decision came before the retry', async () => {
    const h = await start();
    const { discord } = h;
    const cardPath = new RegExp(`^/channels/${APPROVALS_CHANNEL}/messages$`);
    discord.failNext('POST', cardPath, { status: 403, body: { message: 'Missing Access', code: 50001 } });
    await registerPicDp(discord, admin);
    await discord.interact(
      discord.slashCommand(officer, 'solicitar', {
        tipo: 'video',
        unidad: 'PIC-DP',
        descripcion: 'Video institucional',
      }),
    );
    await waitFor(() => discord.callsTo('POST', cardPath).length === 1);
    // The Directorate decides from the command while the card is waiting to be posted again.
    await discord.interact(discord.slashCommand(director, 'solicitud', { numero: 1, accion: 'aprobar' }));
    await waitFor(() => discord.callsTo('POST', cardPath).length === 2);
    h.bot.clock.advanceHours(1);
    await h.adapter.deliverOutbox();
    const posts = discord.callsTo('POST', cardPath);
    expect(posts).toHaveLength(2);
    expect(textOf(posts[1])).toContain('Aprobada por');
    expect(buttonsOf(posts[1])).toEqual([]);
    expect(discord.callsTo('PATCH', /^\/channels\//)).toEqual([]);
    const pending = h.bot.db.sqlite.prepare('SELECT count(*) AS n FROM chat_outbox WHERE delivered_at IS NULL').get();
    expect(pending).toEqual({ n: 0 });
  });

  it('posts the scheduled summary to DISCORD_SUMMARY_CHANNEL with its chart inside the embed', async () => {
    const h = await start();
    // A day later, the last scheduled slot is one the bot has not posted yet.
    h.bot.clock.advanceHours(24);
    h.bot.runScheduledWork();
    await h.adapter.deliverOutbox();
    const [posted] = h.discord.callsTo('POST', new RegExp(`^/channels/${SUMMARY_CHANNEL}/messages$`));
    expect(posted?.files).toEqual([expect.stringMatching(/\.png$/)]);
    expect(messageOf(posted).embeds[0]).toMatchObject({
      title: expect.stringContaining('Resumen'),
      image: { url: `attachment://${posted?.files[0]}` },
    });
  });

  it('keeps a card queued when Discord rate-limits it, and sends it once retry_after has passed', async () => {
    const h = await start();
    const { discord } = h;
    discord.failNext('POST', new RegExp(`^/channels/${APPROVALS_CHANNEL}/messages$`), {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 30, global: false },
      headers: { 'retry-after': '30', 'x-ratelimit-scope': 'user' },
    });
    await registerPicDp(discord, admin);
    await discord.interact(
      discord.slashCommand(officer, 'solicitar', {
        tipo: 'video',
        unidad: 'PIC-DP',
        descripcion: 'Video institucional',
      }),
    );
    const queued = () =>
      h.bot.db.sqlite
        .prepare("SELECT attempts, last_error FROM chat_outbox WHERE platform = 'discord' AND delivered_at IS NULL")
        .all() as {
        attempts: number;
        last_error: string;
      }[];
    await waitFor(() => queued().some((row) => row.attempts === 1));
    expect(queued()[0]?.last_error).toBe('rate_limited');
    expect(findCardLocation(h.bot.db, 'approval:1', 'discord')).toBeUndefined();
    // Discord asked for 30 seconds: a pass before that sends nothing, one after it sends the card.
    await h.adapter.deliverOutbox();
    expect(queued()).toHaveLength(1);
    h.bot.clock.advanceHours(31 / 3600);
    await h.adapter.deliverOutbox();
    expect(queued()).toEqual([]);
    expect(findCardLocation(h.bot.db, 'approval:1', 'discord')).toMatchObject({ channelRef: APPROVALS_CHANNEL });
  });
});
