import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ROSTER_PATH, demoCampaignSettings } from '../../../bot/demo-campaign.js';
import { createDateFormatter } from '../../../commands/core/format-date.js';
import { messagesFor } from '../../../commands/core/i18n/catalogue.js';
import { checkPolicy, knownWordsOf, type Speller } from '../../../commands/core/policy/policy-checker.js';
import { loadSpanishSpeller } from '../../../commands/core/policy/spanish-speller.js';
import { parseRoster } from '../../../commands/core/roster/parse-roster.js';
import { createTestBot, TEST_CAMPAIGN, type TestBot } from '../../../testing/test-bot.js';

// Every text the bot composes that may end up on X must pass the bot's own checker: a checker
// that flags the bot's own pinned tweet teaches the team to ignore it.
let speller: Speller;
beforeAll(async () => {
  speller = await loadSpanishSpeller();
}, 30_000);

let bot: TestBot | undefined;
afterEach(() => {
  bot?.close();
  bot = undefined;
});

const demoRoster = parseRoster(readFileSync(DEMO_ROSTER_PATH, 'utf8')).rows;
const rosterWords = knownWordsOf(demoRoster.flatMap((unit) => [unit.name, unit.province]));

function findingsOf(text: string, domains: readonly string[]) {
  return checkPolicy({ text, institutionalDomains: domains, knownWords: rosterWords }, speller).findings;
}

describe("the bot's own texts pass its policy checker", () => {
  it('previews the pinned tweet with no finding', () => {
    bot = createTestBot({ now: '2026-09-10T15:00:00Z', speller });
    const reply = bot.send('tuit-fijo');
    expect(reply.rendered).toContain('Rendición de Cuentas 2026: del sáb 12 sep 2026 al sáb 26 sep 2026');
    expect(reply.rendered).toContain('Cumple las reglas de la política que se revisan solas');
    expect(reply.rendered).not.toMatch(/Regla \d|Longitud:/);
  });

  it.each(['2026-01-05', '2026-03-30', '2026-06-29', '2026-09-01', '2026-11-30'])(
    "composes the demo campaign's pinned tweet with no finding (campaign starting two weeks after %s)",
    (today) => {
      const demo = demoCampaignSettings(today);
      const dates = createDateFormatter('es', demo.timeZone);
      const t = messagesFor('es', { unitCode: 'PIC-DP', date: '15/09/2026' });
      const text = t.pinned.text(
        demo.name,
        dates.localDate(demo.windowStart),
        dates.localDate(demo.windowEnd),
        demo.websiteUrl,
        demo.hashtag,
      );
      expect(findingsOf(text, demo.institutionalDomains)).toEqual([]);
    },
  );

  it('previews every tweet example of `ayuda` with no finding', () => {
    bot = createTestBot({ now: '2026-09-15T15:30:00Z', speller });
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom forzar=si');
    const t = messagesFor('es', { unitCode: 'PIC-DP', date: '15/09/2026' });
    const examples = t.commands.tuit.examples;
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      const reply = bot.send(example.replace(/^\/rendicion /, ''));
      expect(reply.title, example).toBe('Vista previa del tuit · PIC-DP');
      expect(reply.rendered, example).not.toMatch(/Regla \d|Longitud:/);
    }
  });

  it('writes every quoted text of every `ayuda` example with no finding', () => {
    const t = messagesFor('es', { unitCode: 'PIC-DP', date: '15/09/2026' });
    const quoted = Object.values(t.commands)
      .flatMap((help) => help.examples)
      .flatMap((example) => [...example.matchAll(/"([^"]+)"/g)].map((match) => match[1] ?? ''));
    expect(quoted.length).toBeGreaterThan(3);
    for (const text of quoted) expect(findingsOf(text, TEST_CAMPAIGN.institutionalDomains), text).toEqual([]);
  });

  it("composes the summary's title, day headings and session lines with no finding", () => {
    const t = messagesFor('es', { unitCode: 'PIC-DP', date: '15/09/2026' });
    const dates = createDateFormatter('es', TEST_CAMPAIGN.timeZone);
    const lines = [t.summary.title(TEST_CAMPAIGN.name), t.summary.noSessions, t.summary.noPendingApprovals];
    for (let day = 12; day <= 26; day++) {
      const date = `2026-09-${day}`;
      lines.push(t.summary.todayHeading(dates.localDate(date)), t.summary.tomorrowHeading(dates.localDate(date)));
    }
    for (const unit of demoRoster) {
      for (const platform of Object.values(t.platforms)) {
        lines.push(t.summary.sessionLine('10:00', unit.code, unit.name, platform).replaceAll('`', ''));
      }
    }
    for (const line of lines) expect(findingsOf(line, TEST_CAMPAIGN.institutionalDomains), line).toEqual([]);
  });
});
