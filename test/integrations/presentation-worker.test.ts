import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPresentationLinks } from '../../bot/presentation-worker.js';
import { silentLogger } from '../../commands/core/logger.js';
import { findEventByUnit } from '../../db/queries/events.js';
import { listDoneSteps } from '../../db/queries/steps.js';
import { findUnitByCode } from '../../db/queries/units.js';
import { createTestBot, type TestBot } from '../helpers/test-bot.js';

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
