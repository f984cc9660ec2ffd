import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPresentationLinks, unreachableReason } from '../../bot/presentation-worker.js';
import { silentLogger } from '../../commands/core/logger.js';
import { findEventByUnit } from '../../db/queries/events.js';
import { listDoneSteps } from '../../db/queries/steps.js';
import { findUnitByCode } from '../../db/queries/units.js';
import { createTestBot, type TestBot } from '../../testing/test-bot.js';

let bot: TestBot | undefined;
let site: Server | undefined;
afterEach(async () => {
  bot?.close();
  await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
  bot = undefined;
  site = undefined;
});

/** The institute's website on 127.0.0.1: the report answers, a missing page is a 404. */
async function startSite(): Promise<string> {
  site = createServer((request, response) => {
    if (request.url === '/rendicion/2026/informe.pdf')
      response.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF');
    else response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>No encontrado</h1>');
  });
  const server = site;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function setUp() {
  const base = await startSite();
  bot = createTestBot({ now: '2026-09-16T15:00:00Z' });
  // The test's "institutional website" is the local server.
  bot.db.sqlite.prepare(`UPDATE campaigns SET institutional_domains = '["ejemplo.gob.ec","127.0.0.1"]'`).run();
  bot.send('registrar PIC-DP 15/09/2026 10:00 zoom forzar=si');
  const deps = {
    db: bot.db,
    clock: bot.clock,
    logger: silentLogger,
    locale: 'es' as const,
    defaultPlatform: 'console' as const,
  };
  return { current: bot, base, deps };
}

function presentationDone(current: TestBot): boolean {
  const unit = findUnitByCode(current.db, current.campaign.id, 'PIC-DP');
  const event = unit && findEventByUnit(current.db, unit.id);
  return event ? listDoneSteps(current.db, event.id).some((step) => step.stepId === 'presentacion') : false;
}

const told = (current: TestBot) => JSON.stringify(current.outbox().map((entry) => entry.message));

describe('presentacion', () => {
  it('ticks the step once the page answers, and tells the officer', async () => {
    const { current, base, deps } = await setUp();
    const reply = current.send(`presentacion PIC-DP ${base}/rendicion/2026/informe.pdf`, { as: 'oficial-pic' });
    expect(reply.rendered).toContain('Comprobando que la página responde');
    expect(presentationDone(current)).toBe(false);
    expect(await checkPresentationLinks(deps)).toBe(1);
    expect(presentationDone(current)).toBe(true);
    expect(told(current)).toContain('✅ La presentación de PIC-DP responde en');
  });

  it('refuses a broken link with its HTTP status and leaves the step open', async () => {
    const { current, base, deps } = await setUp();
    current.send(`presentacion PIC-DP ${base}/no-existe`, { as: 'oficial-pic' });
    await checkPresentationLinks(deps);
    expect(presentationDone(current)).toBe(false);
    expect(told(current)).toContain('responde con el error 404');
  });

  it('accepts only links on the institutional domains, and stores nothing otherwise', async () => {
    const { current } = await setUp();
    const audits = current.auditCount();
    expect(
      current.send('presentacion PIC-DP https://www.eluniverso.com/informe', { as: 'oficial-pic' }).rendered,
    ).toContain('www.eluniverso.com no es un sitio institucional de la campaña (ejemplo.gob.ec, 127.0.0.1)');
    expect(current.send('presentacion PIC-DP informe.pdf', { as: 'oficial-pic' }).rendered).toContain(
      '`informe.pdf` no es una dirección web',
    );
    expect(current.auditCount()).toBe(audits);
  });
});

describe('a presentation page that cannot be reached', () => {
  /** A port on 127.0.0.1 with nobody listening: the connection is refused, as for a site that is down. */
  async function closedPort(): Promise<string> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return `http://127.0.0.1:${port}`;
  }

  it('is tried again on the next passes, then its reporter is told why in Spanish and the step stays open', async () => {
    const { current, deps } = await setUp();
    const down = await closedPort();
    current.send(`presentacion PIC-DP ${down}/rendicion/informe.pdf`, { as: 'oficial-pic' });
    current.deliverOutbox();
    expect(await checkPresentationLinks(deps)).toBe(0);
    expect(await checkPresentationLinks(deps)).toBe(0);
    expect(current.outbox()).toHaveLength(0);
    expect(await checkPresentationLinks(deps)).toBe(1);
    const messages = current.outbox();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ targetType: 'user', target: 'oficial-pic' });
    const text = JSON.stringify(messages[0]?.message);
    expect(text).toContain(
      `No se pudo abrir la página de la presentación de PIC-DP (${down}/rendicion/informe.pdf) en 3 intentos: el servidor del sitio rechazó la conexión o no está disponible.`,
    );
    expect(text).toContain('El paso `presentacion` sigue sin marcar.');
    expect(text).not.toMatch(/fetch failed|ECONNREFUSED/);
    expect(presentationDone(current)).toBe(false);
    const row = current.db.sqlite.prepare('SELECT state, problem, attempts FROM presentation_links').get();
    expect(row).toEqual({ state: 'refused', problem: 'connection', attempts: 3 });
    // Settled: a fourth pass neither tries nor tells again.
    expect(await checkPresentationLinks(deps)).toBe(0);
    expect(current.outbox()).toHaveLength(1);
  });
});

describe('why a page could not be reached', () => {
  it.each([
    ['a timeout', new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 'timeout'],
    ['an unknown host', new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } }), 'dns'],
    ['a bad certificate', new TypeError('fetch failed', { cause: { code: 'CERT_HAS_EXPIRED' } }), 'tls'],
    ['anything else', new TypeError('fetch failed'), 'network'],
  ])("reads %s from fetch's error", (_case, error, reason) => {
    expect(unreachableReason(error)).toBe(reason);
  });
});
