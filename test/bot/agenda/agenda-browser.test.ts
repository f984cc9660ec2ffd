import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestBot, type TestBot } from '../../../testing/test-bot.js';
import { type AgendaServer, startAgendaServer } from '../../helpers/agenda-server.js';
import { AXE_SCRIPT_PATH, launchBrowser } from '../../helpers/browser.js';

// Chromium starts in about a second on an idle machine; a shared one can take much longer.
const BROWSER_TIMEOUT_MS = 120_000;

const WIDTHS = [
  { name: 'phone', viewport: { width: 360, height: 740 } },
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, BROWSER_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
});

let bot: TestBot | undefined;
let agenda: AgendaServer | undefined;
afterEach(async () => {
  await agenda?.close();
  bot?.close();
  agenda = undefined;
  bot = undefined;
});

/** Three sessions; PIC-DP's is under way at the clock's time, and one unit has a hostile name. */
async function start(): Promise<{ bot: TestBot; agenda: AgendaServer }> {
  bot = createTestBot();
  bot.send(
    'registrar PIC-DP 15/09/2026 10:00 zoom enlace=https://zoom.us/j/85012345678 correo=preguntas@ejemplo.gob.ec',
  );
  bot.send('registrar MAN-DP 16/09/2026 15:30 youtube enlace=https://www.youtube.com/live/abcdEFGH123');
  bot.send('registrar GUA-DP 15/09/2026 16:00 meet enlace=https://meet.google.com/abc-defg-hij');
  bot.db.sqlite
    .prepare(
      "UPDATE units SET name = '<img src=x onerror=\"document.title=1\"><script>window.pwned=1</script>Sur' WHERE code = 'GUA-DP'",
    )
    .run();
  bot.clock.set('2026-09-15T15:20:00Z');
  agenda = await startAgendaServer(bot);
  return { bot, agenda };
}

async function openPage(viewport: { width: number; height: number }, url: string, bypassCSP = false): Promise<Page> {
  const context = await browser.newContext({ viewport, bypassCSP, javaScriptEnabled: true });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** What the callbacks run inside the page touch (the project compiles without the DOM library). */
interface InPage {
  document: { documentElement: { scrollWidth: number; clientWidth: number } };
  pwned?: number;
  ran?: number;
  axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
}

const fitsWidth = (page: Page) =>
  page.evaluate(() => {
    const root = (globalThis as unknown as InPage).document.documentElement;
    return root.scrollWidth <= root.clientWidth;
  });

describe.each(WIDTHS)('the agenda in a browser at $name width', ({ viewport }) => {
  it(
    'filters by province from the list, without sideways scrolling',
    async () => {
      const { agenda } = await start();
      const page = await openPage(viewport, `${agenda.url}/agenda`);
      expect(await fitsWidth(page)).toBe(true);
      expect(await page.locator('article h3').count()).toBe(3);
      await page.getByRole('navigation').getByRole('link', { name: 'Manabí', exact: true }).click();
      await page.waitForURL(/provincia=Manab/);
      expect(await page.locator('h2').allTextContents()).toContain('Sesiones de Manabí');
      expect(await page.locator('article h3').allTextContents()).toEqual(['15:30 · Dirección Provincial de Manabí']);
      expect(await fitsWidth(page)).toBe(true);
      await page.context().close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    'marks the session under way "En vivo" and only that one',
    async () => {
      const { agenda } = await start();
      const page = await openPage(viewport, `${agenda.url}/agenda`);
      const live = page.locator('article', { has: page.getByText('En vivo', { exact: true }) });
      expect(await live.count()).toBe(1);
      expect(await live.locator('h3').textContent()).toContain('Dirección Provincial de Pichincha');
      expect(await live.getByText('En vivo').isVisible()).toBe(true);
      await page.context().close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    'shows a hostile unit name as text and runs none of it',
    async () => {
      const { agenda } = await start();
      const page = await openPage(viewport, `${agenda.url}/agenda`);
      const heading = await page.locator('article h3', { hasText: 'Sur' }).textContent();
      expect(heading).toContain('<img src=x onerror="document.title=1"><script>window.pwned=1</script>Sur');
      expect(await page.evaluate(() => (globalThis as unknown as InPage).pwned)).toBeUndefined();
      expect(await page.title()).not.toBe('1');
      expect(await page.locator('article img, article script').count()).toBe(0);
      await page.context().close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    'offers calendar links per session, per province and for everything, each giving a calendar',
    async () => {
      const { agenda } = await start();
      const page = await openPage(viewport, `${agenda.url}/agenda?provincia=pichincha`);
      const session = page.getByRole('link', { name: /^Añadir a mi calendario\W+Dirección Provincial de Pichincha$/ });
      const province = page.getByRole('link', { name: 'Añadir las sesiones de Pichincha a mi calendario' });
      const all = page.getByRole('link', { name: 'Añadir todas las sesiones a mi calendario' });
      for (const [link, events] of [
        [session, 1],
        [province, 1],
        [all, 3],
      ] as const) {
        const href = await link.getAttribute('href');
        const response = await page.request.get(new URL(href ?? '', page.url()).href);
        expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
        expect((await response.text()).match(/BEGIN:VEVENT/g)).toHaveLength(events);
      }
      await page.context().close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    'has no serious or critical accessibility violation (axe-core), full and embedded',
    async () => {
      const { agenda } = await start();
      for (const path of ['/agenda', '/agenda?provincia=Manab%C3%AD', '/agenda?embed=1']) {
        // The page's policy forbids every script, axe's too: the test's context lifts it to run axe.
        const page = await openPage(viewport, `${agenda.url}${path}`, true);
        await page.addScriptTag({ path: AXE_SCRIPT_PATH });
        const violations = await page.evaluate(async () => {
          const axe = (globalThis as unknown as InPage).axe;
          const result = await axe.run();
          return result.violations.map((violation) => ({
            id: violation.id,
            impact: violation.impact,
            nodes: violation.nodes.length,
          }));
        });
        expect(
          violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical'),
          `${path}: ${JSON.stringify(violations)}`,
        ).toEqual([]);
        await page.context().close();
      }
    },
    BROWSER_TIMEOUT_MS,
  );
});

describe('the page policy in a browser', () => {
  it(
    'blocks any script, even one injected into the page',
    async () => {
      const { agenda } = await start();
      const page = await openPage(WIDTHS[0].viewport, `${agenda.url}/agenda`);
      const blocked = await page.addScriptTag({ content: 'window.ran = 1' }).then(
        () => false,
        () => true,
      );
      expect(blocked || (await page.evaluate(() => (globalThis as unknown as InPage).ran)) === undefined).toBe(true);
      await page.context().close();
    },
    BROWSER_TIMEOUT_MS,
  );
});
