import ICAL from 'ical.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestBot, type TestBot } from '../../../testing/test-bot.js';
import { type AgendaServer, startAgendaServer } from '../../helpers/agenda-server.js';

let bot: TestBot | undefined;
let agenda: AgendaServer | undefined;
afterEach(async () => {
  await agenda?.close();
  bot?.close();
  agenda = undefined;
  bot = undefined;
});

/** Two sessions on two days, one with its link and questions e-mail, registered by their officers. */
async function start(options: { locale?: 'es' | 'en' } = {}) {
  bot = createTestBot();
  bot.send(
    'registrar PIC-DP 15/09/2026 10:00 zoom enlace=https://zoom.us/j/85012345678 correo=preguntas.pic@ejemplo.gob.ec sala="Auditorio 2"',
    { as: 'oficial-pic' },
  );
  bot.send('registrar MAN-DP 16/09/2026 15:30 youtube');
  agenda = await startAgendaServer(bot, options);
  return { bot, agenda };
}

function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => ({
    component,
    event: new ICAL.Event(component),
  }));
}

describe('GET /agenda', () => {
  it('lists the sessions by day with time, unit, province, platform, venue, join link and questions e-mail', async () => {
    const { agenda } = await start();
    const response = await fetch(`${agenda.url}/agenda`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('Martes, 15 de septiembre de 2026');
    expect(html).toContain('Miércoles, 16 de septiembre de 2026');
    expect(html).toContain('10:00 · Dirección Provincial de Pichincha');
    expect(html).toContain('15:30 · Dirección Provincial de Manabí');
    expect(html).toContain('<dd>Pichincha</dd>');
    expect(html).toContain('<dd>Zoom</dd>');
    expect(html).toContain('<dt>Lugar</dt><dd>Auditorio 2</dd>');
    expect(html).toContain('href="https://zoom.us/j/85012345678"');
    expect(html).toContain('href="mailto:preguntas.pic@ejemplo.gob.ec"');
    expect(html).toContain('El enlace se publicará antes de la sesión.');
    expect(html.indexOf('Martes, 15 de septiembre')).toBeLessThan(html.indexOf('Miércoles, 16 de septiembre'));
  });

  it('shows only public facts: no officer, registering user, request or approval', async () => {
    const { bot, agenda } = await start();
    bot.send('registrar GUA-DP 17/09/2026 09:00 meet', {
      as: 'oficial.gua@ejemplo.gob.ec',
      email: 'oficial.gua@ejemplo.gob.ec',
    });
    bot.send('solicitar video PIC-DP "Video secreto de la Dirección"', { as: 'oficial-pic' });
    for (const path of ['/agenda', '/agenda.ics', '/agenda.json']) {
      const body = await (await fetch(`${agenda.url}${path}`)).text();
      expect(body).toContain('Guayas');
      for (const secret of ['oficial-pic', 'oficial.gua', 'admin-1', 'Video secreto', 'solicitud']) {
        expect(body, `${path} shows ${secret}`).not.toContain(secret);
      }
    }
  });

  it('escapes what was typed: a room named <script> shows as text on the page, in the JSON and the calendar', async () => {
    const { bot, agenda } = await start();
    const room = '<script>alert(1)</script> & Cía';
    bot.send(`registrar PIC-DP sala="${room}"`, { as: 'oficial-pic' });
    const html = await (await fetch(`${agenda.url}/agenda`)).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('<dd>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Cía</dd>');
    const json = (await (await fetch(`${agenda.url}/agenda.json`)).json()) as { sessions: { room: string | null }[] };
    expect(json.sessions[0]?.room).toBe(room);
    const ics = events(await (await fetch(`${agenda.url}/agenda.ics?unidad=PIC-DP`)).text())[0];
    expect(ics?.event.description).toContain(`Lugar: ${room}`);
  });

  it('escapes what was typed: a unit named <script> shows as text', async () => {
    const { bot, agenda } = await start();
    bot.db.sqlite
      .prepare('UPDATE units SET name = \'<script>alert("x")</script> & "Cía"\' WHERE code = \'PIC-DP\'')
      .run();
    const html = await (await fetch(`${agenda.url}/agenda`)).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Cía&quot;');
  });

  it('says it runs no script: strict CSP, nosniff, and no one may frame the full page', async () => {
    const { agenda } = await start();
    const response = await fetch(`${agenda.url}/agenda`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'none'");
    expect(policy).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).not.toMatch(/<script|\son\w+=/i);
  });

  it('gives a compact ?embed=1 without the header that only institutional sites may frame', async () => {
    const { agenda } = await start();
    const response = await fetch(`${agenda.url}/agenda?embed=1`);
    expect(response.headers.get('content-security-policy')).toContain(
      'frame-ancestors https://ejemplo.gob.ec https://*.ejemplo.gob.ec',
    );
    const html = await response.text();
    expect(html).not.toContain('<h1>');
    expect(html).toContain('href="agenda?provincia=Pichincha&amp;embed=1"');
    expect(html).toContain('target="_blank" rel="noopener"');
  });

  it('filters by province whatever the case and accents, and offers that province in the calendar', async () => {
    const { agenda } = await start();
    const html = await (await fetch(`${agenda.url}/agenda?provincia=MANABI`)).text();
    expect(html).toContain('Sesiones de Manabí');
    expect(html).toContain('Dirección Provincial de Manabí');
    expect(html).not.toContain('Dirección Provincial de Pichincha');
    expect(html).toContain('href="agenda.ics?provincia=Manab%C3%AD"');
    expect(html).toContain('aria-current="page">Manabí</a>');
  });

  it('answers 404 with the province list for a province that does not exist', async () => {
    const { agenda } = await start();
    const response = await fetch(`${agenda.url}/agenda?provincia=Atlantida`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('No hay una provincia llamada «Atlantida»');
    expect(html).toContain('>Pichincha</a>');
  });

  it('marks a session under way "En vivo", and stops when it is over, without any write', async () => {
    const { bot, agenda } = await start();
    bot.clock.set('2026-09-15T15:30:00Z');
    const live = await (await fetch(`${agenda.url}/agenda`)).text();
    expect(live).toContain('Dirección Provincial de Pichincha<strong class="badge">En vivo</strong>');
    expect(live.match(/En vivo/g)).toHaveLength(1);
    bot.clock.set('2026-09-15T17:30:00Z');
    expect(await (await fetch(`${agenda.url}/agenda`)).text()).not.toContain('En vivo');
  });

  it('speaks English with BOT_LANGUAGE=en', async () => {
    const { agenda } = await start({ locale: 'en' });
    const html = await (await fetch(`${agenda.url}/agenda`)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Tuesday, 15 September 2026');
    expect(html).toContain('Add to my calendar');
  });
});

describe('the agenda cache', () => {
  it('serves a burst from memory: the sessions are read once, then answered 304 to a known ETag', async () => {
    const { bot, agenda } = await start();
    const prepare = vi.spyOn(bot.db.sqlite, 'prepare');
    const first = await fetch(`${agenda.url}/agenda`);
    await first.text();
    const etag = first.headers.get('etag') ?? '';
    const lastModified = first.headers.get('last-modified') ?? '';
    const burst = await Promise.all(
      Array.from({ length: 50 }, () => fetch(`${agenda.url}/agenda`).then((r) => r.text())),
    );
    expect(new Set(burst).size).toBe(1);
    const reads = prepare.mock.calls.filter(([sql]) => /FROM events/.test(String(sql)));
    expect(reads).toHaveLength(1);
    const again = await fetch(`${agenda.url}/agenda`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const since = await fetch(`${agenda.url}/agenda`, { headers: { 'if-modified-since': lastModified } });
    expect(since.status).toBe(304);
    prepare.mockRestore();
  });

  it('builds again after a change: the new session shows and the ETag moves', async () => {
    const { bot, agenda } = await start();
    const before = await fetch(`${agenda.url}/agenda`);
    const etag = before.headers.get('etag') ?? '';
    expect(await before.text()).not.toContain('Guayas</dd>');
    bot.clock.set('2026-09-02T14:00:00Z');
    bot.send('registrar GUA-DP 17/09/2026 09:00 meet');
    const after = await fetch(`${agenda.url}/agenda`, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(await after.text()).toContain('<dd>Guayas</dd>');
  });
});

describe('GET /agenda.ics', () => {
  it('is an RFC 5545 calendar ical.js reads: exact instants, the unit in SUMMARY, the link in URL and LOCATION', async () => {
    const { agenda } = await start();
    const response = await fetch(`${agenda.url}/agenda.ics`);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const parsed = events(await response.text());
    expect(parsed).toHaveLength(2);
    const pichincha = parsed[0];
    expect(pichincha?.event.startDate.toJSDate().toISOString()).toBe('2026-09-15T15:00:00.000Z');
    expect(pichincha?.event.endDate.toJSDate().toISOString()).toBe('2026-09-15T17:00:00.000Z');
    expect(pichincha?.event.summary).toContain('Dirección Provincial de Pichincha');
    expect(pichincha?.event.location).toBe('https://zoom.us/j/85012345678');
    expect(pichincha?.component.getFirstPropertyValue('url')).toBe('https://zoom.us/j/85012345678');
    expect(pichincha?.event.description).toContain('preguntas.pic@ejemplo.gob.ec');
  });

  it('keeps the UID when the session is rescheduled, raises SEQUENCE, and adds the recording afterwards', async () => {
    const { bot, agenda } = await start();
    const first = events(await (await fetch(`${agenda.url}/agenda.ics?unidad=PIC-DP`)).text())[0];
    bot.send('registrar PIC-DP 18/09/2026 11:00 zoom', { as: 'oficial-pic' });
    const moved = events(await (await fetch(`${agenda.url}/agenda.ics?unidad=PIC-DP`)).text())[0];
    expect(moved?.event.uid).toBe(first?.event.uid);
    expect(moved?.event.startDate.toJSDate().toISOString()).toBe('2026-09-18T16:00:00.000Z');
    expect(Number(moved?.component.getFirstPropertyValue('sequence'))).toBeGreaterThan(
      Number(first?.component.getFirstPropertyValue('sequence')),
    );
    bot.clock.set('2026-09-18T19:00:00Z');
    bot.send('youtube PIC-DP https://youtu.be/dQw4w9WgXcQ', { as: 'oficial-pic' });
    const after = events(await (await fetch(`${agenda.url}/agenda.ics?unidad=PIC-DP`)).text())[0];
    expect(after?.event.description).toContain('Grabación: https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(Number(after?.component.getFirstPropertyValue('sequence'))).toBeGreaterThan(
      Number(moved?.component.getFirstPropertyValue('sequence')),
    );
  });

  it('filters by province', async () => {
    const { agenda } = await start();
    const parsed = events(await (await fetch(`${agenda.url}/agenda.ics?provincia=pichincha`)).text());
    expect(parsed.map(({ event }) => event.summary)).toEqual([
      'Rendición de cuentas: Dirección Provincial de Pichincha (Pichincha)',
    ]);
  });
});

describe('GET /agenda.json', () => {
  it('gives the sessions as open data with the documented fields', async () => {
    const { agenda } = await start();
    const response = await fetch(`${agenda.url}/agenda.json?provincia=Pichincha`);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const data = (await response.json()) as { schema: string; province: string; sessions: Record<string, unknown>[] };
    expect(data.schema).toBe('rendicion-bot/agenda/1');
    expect(data.province).toBe('Pichincha');
    expect(data.sessions).toEqual([
      {
        uid: expect.stringMatching(/^rendicion-\d+-\d+@ejemplo\.gob\.ec$/),
        unit: { code: 'PIC-DP', name: 'Dirección Provincial de Pichincha', province: 'Pichincha' },
        start: '2026-09-15T15:00:00.000Z',
        end: '2026-09-15T17:00:00.000Z',
        platform: 'zoom',
        platformName: 'Zoom',
        room: 'Auditorio 2',
        joinUrl: 'https://zoom.us/j/85012345678',
        questionsEmail: 'preguntas.pic@ejemplo.gob.ec',
        recordingUrl: null,
        presentationUrl: null,
        live: false,
        sequence: 0,
      },
    ]);
  });

  it('shows a reported recording, and hides it once YouTube refused it', async () => {
    const { bot, agenda } = await start();
    bot.clock.set('2026-09-15T19:00:00Z');
    bot.send('youtube PIC-DP https://youtu.be/dQw4w9WgXcQ', { as: 'oficial-pic' });
    const recording = async () =>
      (
        (await (await fetch(`${agenda.url}/agenda.json?provincia=Pichincha`)).json()) as {
          sessions: { recordingUrl: string | null }[];
        }
      ).sessions[0]?.recordingUrl;
    expect(await recording()).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    bot.db.sqlite.prepare("UPDATE youtube_links SET verification = 'refused'").run();
    expect(await recording()).toBeNull();
  });
});
