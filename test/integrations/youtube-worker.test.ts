import { afterEach, describe, expect, it } from 'vitest';
import { addVerifiedToPlaylist, verifyReportedLinks, type YoutubeWorkerDeps } from '../../bot/youtube-worker.js';
import { silentLogger } from '../../commands/core/logger.js';
import { findEventByUnit } from '../../db/queries/events.js';
import { listDoneSteps } from '../../db/queries/steps.js';
import { findUnitByCode } from '../../db/queries/units.js';
import { listCurrentLinks } from '../../db/queries/youtube-links.js';
import { createYoutubeVideos } from '../../integrations/youtube/youtube-videos.js';
import { type FakeGoogle, type FakeVideo, startFakeGoogle } from '../../testing/fake-google.js';
import { createTestBot, type TestBot } from '../../testing/test-bot.js';

const CHANNEL = 'UCabcdefghijklmnopqrstuv';
let bot: TestBot | undefined;
let google: FakeGoogle | undefined;
afterEach(async () => {
  bot?.close();
  await google?.close();
  bot = undefined;
  google = undefined;
});

const GOOD: FakeVideo = {
  id: 'dQw4w9WgXcQ',
  title: 'Rendición de Cuentas 2026 · Pichincha',
  channelId: CHANNEL,
  privacyStatus: 'unlisted',
  uploadStatus: 'processed',
  publishedAt: '2026-09-15T18:00:00Z',
  actualStartTime: '2026-09-15T15:02:00Z',
};

async function setUp(video?: Partial<FakeVideo>) {
  google = await startFakeGoogle();
  if (video) google.videos.set(GOOD.id, { ...GOOD, ...video });
  bot = createTestBot({ now: '2026-09-16T15:00:00Z', youtubeMode: 'verify' });
  bot.db.sqlite.prepare('UPDATE campaigns SET youtube_channel_id = ?').run(CHANNEL);
  bot.send('registrar PIC-DP 15/09/2026 10:00 zoom forzar=si');
  const reply = bot.send(`youtube PIC-DP https://youtu.be/${GOOD.id}`, { as: 'oficial-pic' });
  const deps: YoutubeWorkerDeps = {
    db: bot.db,
    videos: createYoutubeVideos({ apiKey: 'test-api-key', rootUrl: google.url }),
    clock: bot.clock,
    logger: silentLogger,
    locale: 'es',
    defaultPlatform: 'console',
  };
  return { current: bot, fake: google, deps, reply };
}

function state(current: TestBot) {
  const unit = findUnitByCode(current.db, current.campaign.id, 'PIC-DP');
  const event = unit && findEventByUnit(current.db, unit.id);
  return {
    // The newest link not replaced, refused ones included (`findCurrentLink` no longer holds those).
    link: event && listCurrentLinks(current.db, current.campaign.id).get(event.id),
    youtubeStepDone: event ? listDoneSteps(current.db, event.id).some((step) => step.stepId === 'youtube') : false,
    told: JSON.stringify(
      current
        .outbox()
        .filter((entry) => entry.target === 'oficial-pic')
        .map((entry) => entry.message),
    ),
  };
}

describe('verifying reported YouTube links (real @googleapis/youtube against a fake Google)', () => {
  it('stores the link first and says it is being checked', async () => {
    const { current, reply } = await setUp(GOOD);
    expect(reply.rendered).toContain('Verificando el video en YouTube');
    expect(state(current)).toMatchObject({ link: { verification: 'checking' }, youtubeStepDone: false });
  });

  it('accepts the right video: verified, title stored, step ticked, the officer told with the title', async () => {
    const { current, fake, deps } = await setUp(GOOD);
    expect(await verifyReportedLinks(deps)).toBe(1);
    const request = fake.requests[0];
    expect(request?.searchParams.get('key')).toBe('test-api-key');
    expect(request?.searchParams.getAll('part')).toEqual(['snippet', 'status', 'liveStreamingDetails']);
    const after = state(current);
    expect(after.link).toMatchObject({ verification: 'verified', title: GOOD.title });
    expect(after.youtubeStepDone).toBe(true);
    expect(after.told).toContain('✅ Video de PIC-DP verificado en YouTube: «Rendición de Cuentas 2026 · Pichincha»');
  });

  it.each([
    ['a video YouTube does not have', undefined, 'YouTube no encuentra ese video'],
    ['a private video', { privacyStatus: 'private' as const }, 'el video es privado'],
    ['a video still processing', { uploadStatus: 'uploaded' as const }, 'YouTube todavía está procesando el video'],
    ['a video on another channel', { channelId: 'UCzzzzzzzzzzzzzzzzzzzzzz' }, 'no está en el canal de la campaña'],
    [
      "last year's video",
      { publishedAt: '2025-09-15T18:00:00Z', actualStartTime: '2025-09-15T15:00:00Z' },
      'el video es anterior a la rendición',
    ],
  ])('refuses %s with its own message and leaves the step open', async (_case, video, message) => {
    const { current, deps } = await setUp(video === undefined ? undefined : { ...video });
    await verifyReportedLinks(deps);
    const after = state(current);
    expect(after.link?.verification).toBe('refused');
    expect(after.youtubeStepDone).toBe(false);
    expect(after.told).toContain(message);
  });

  it('keeps the link waiting on a quota error and verifies it on a later pass', async () => {
    const { current, fake, deps } = await setUp(GOOD);
    fake.failNext(403, 'quotaExceeded');
    expect(await verifyReportedLinks(deps)).toBe(0);
    expect(state(current).link?.verification).toBe('checking');
    expect(await verifyReportedLinks(deps)).toBe(1);
    expect(state(current).link?.verification).toBe('verified');
  });
});

describe('links reported before a YouTube key existed', () => {
  it('are verified once the key is configured; a refused one stops counting', async () => {
    google = await startFakeGoogle();
    google.videos.set(GOOD.id, { ...GOOD, privacyStatus: 'private' });
    bot = createTestBot({ now: '2026-09-16T15:00:00Z' });
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom forzar=si');
    bot.send(`youtube PIC-DP https://youtu.be/${GOOD.id}`, { as: 'oficial-pic' });
    expect(state(bot)).toMatchObject({ link: { verification: 'unverified' }, youtubeStepDone: true });
    await verifyReportedLinks({
      db: bot.db,
      videos: createYoutubeVideos({ apiKey: 'test-api-key', rootUrl: google.url }),
      clock: bot.clock,
      logger: silentLogger,
      locale: 'es',
      defaultPlatform: 'console',
    });
    expect(state(bot)).toMatchObject({ link: { verification: 'refused', problem: 'private' }, youtubeStepDone: false });
  });
});

describe('the campaign playlist', () => {
  const PLAYLIST = 'PLcampaign2026abcdef';

  it('gets each verified video once, through the owner OAuth (refresh token exchanged at the token endpoint)', async () => {
    const { current, fake } = await setUp(GOOD);
    const deps: YoutubeWorkerDeps = {
      db: current.db,
      videos: createYoutubeVideos({
        apiKey: 'test-api-key',
        rootUrl: fake.url,
        owner: { clientId: 'client', clientSecret: 'secret', refreshToken: 'refresh' },
        tokenUrl: `${fake.url}token`,
      }),
      clock: current.clock,
      logger: silentLogger,
      locale: 'es',
      defaultPlatform: 'console',
      playlistId: PLAYLIST,
    };
    await verifyReportedLinks(deps);
    expect(await addVerifiedToPlaylist(deps)).toBe(1);
    expect(fake.playlists.get(PLAYLIST)).toEqual([GOOD.id]);
    // Every playlist call carried the owner's token (and there was at least one).
    expect(fake.ownerAuthorizations.length).toBeGreaterThan(0);
    expect(new Set(fake.ownerAuthorizations)).toEqual(new Set(['Bearer ya29.fake-access-token']));
    expect(await addVerifiedToPlaylist(deps)).toBe(0);
    expect(fake.playlists.get(PLAYLIST)).toEqual([GOOD.id]);
  });

  it('does not add a video the playlist already has, and retries after a failure', async () => {
    const { current, fake } = await setUp(GOOD);
    fake.playlists.set(PLAYLIST, [GOOD.id]);
    const deps: YoutubeWorkerDeps = {
      db: current.db,
      videos: createYoutubeVideos({
        apiKey: 'test-api-key',
        rootUrl: fake.url,
        owner: { clientId: 'client', clientSecret: 'secret', refreshToken: 'refresh' },
        tokenUrl: `${fake.url}token`,
      }),
      clock: current.clock,
      logger: silentLogger,
      locale: 'es',
      defaultPlatform: 'console',
      playlistId: PLAYLIST,
    };
    await verifyReportedLinks(deps);
    fake.failNext(503, 'backendError');
    expect(await addVerifiedToPlaylist(deps)).toBe(0);
    expect(await addVerifiedToPlaylist(deps)).toBe(1);
    expect(fake.playlists.get(PLAYLIST)).toEqual([GOOD.id]);
  });
});

describe('a link YouTube refused', () => {
  it("is not the unit's link: no total counts it, enlaces and the CSV show why, and the next report goes straight through", async () => {
    const { current, deps } = await setUp({ privacyStatus: 'private' });
    await verifyReportedLinks(deps);
    expect(current.send('estado todo').rendered).toMatch(/Con enlace de YouTube: +0\/4\n/);
    const links = current.send('enlaces').rendered;
    expect(links).toContain('0 de 4 enlaces reportados.');
    expect(links).toContain(
      '`PIC-DP` Dirección Provincial de Pichincha — falta (YouTube rechazó https://www.youtube.com/watch?v=dQw4w9WgXcQ: el video es privado',
    );
    const csv = current.send('exportar').file?.content ?? '';
    expect(csv).toContain('rechazado: el video es privado');

    const next = current.send('youtube PIC-DP https://youtu.be/bbbbbbbbbbb', { as: 'oficial-pic' });
    expect(next.rendered).not.toContain('¿Reemplazarlo');
    expect(next.buttons).toBeUndefined();
    expect(next.title).toBe('Enlace de YouTube recibido: PIC-DP');
    expect(state(current).link).toMatchObject({ videoId: 'bbbbbbbbbbb', verification: 'checking' });
  });

  it('may be reported again once fixed, and is checked again', async () => {
    const { current, fake, deps } = await setUp({ privacyStatus: 'private' });
    await verifyReportedLinks(deps);
    fake.videos.set(GOOD.id, GOOD);
    const again = current.send(`youtube PIC-DP https://youtu.be/${GOOD.id}`, { as: 'oficial-pic' });
    expect(again.rendered).not.toContain('ya estaba registrado');
    expect(await verifyReportedLinks(deps)).toBe(1);
    expect(state(current)).toMatchObject({ link: { verification: 'verified' }, youtubeStepDone: true });
    expect(current.send('estado todo').rendered).toMatch(/Con enlace de YouTube: +1\/4\n/);
  });

  it('stops counting the replaced link too: replacing a verified link with a refused one leaves the step open', async () => {
    const { current, fake, deps } = await setUp(GOOD);
    await verifyReportedLinks(deps);
    const question = current.send('youtube PIC-DP https://youtu.be/ccccccccccc', { as: 'oficial-pic' });
    current.press(question.buttons?.[0] as NonNullable<typeof question.buttons>[number], { as: 'oficial-pic' });
    expect(fake.videos.has('ccccccccccc')).toBe(false);
    await verifyReportedLinks(deps);
    expect(state(current)).toMatchObject({ link: { verification: 'refused' }, youtubeStepDone: false });
  });

  it('leaves a declaration by the Directorate standing', async () => {
    const { current, deps } = await setUp({ privacyStatus: 'private' });
    current.send('declarar PIC-DP youtube');
    await verifyReportedLinks(deps);
    expect(state(current).youtubeStepDone).toBe(true);
    expect(current.send('estado todo').rendered).toMatch(/Con enlace de YouTube: +0\/4 · 1 declarada sin enlace\n/);
  });
});
