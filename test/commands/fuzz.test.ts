import { describe, expect, it } from 'vitest';
import { renderSlackMessage } from '../../bot/slack/render-blocks.js';
import { COMMANDS } from '../../commands/registry.js';
import { createTestBot } from '../../testing/test-bot.js';
import { HOSTILE, isCrashReply, seededRandom } from '../helpers/hostile-input.js';

const BROADCASTS = /<!(channel|here|everyone)>/;
const NAMES = COMMANDS.map((command) => command.name);

/** Valid beginnings whose free text is hostile, so the input gets past validation and is stored. */
const TEMPLATES = [
  (free: string) => `solicitar video PIC-DP "${free}"`,
  (free: string) => `solicitar fotos PIC-DP ${free}`,
  (free: string) => `tuit PIC-DP ${free}`,
  (free: string) => `registrar PIC-H1 16/09/2026 11:00 ${free}`,
  (free: string) => `marcar PIC-DP invitacion ${free}`,
  (free: string) => `youtube PIC-DP ${free}`,
];

function hostileLine(random: () => number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  if (random() < 0.3) return pick(TEMPLATES)(`${pick(HOSTILE)} texto\u0007\u001b ${pick(HOSTILE)}`);
  const parts = [random() < 0.9 ? pick(NAMES) : pick(HOSTILE)];
  const count = Math.floor(random() * 6);
  for (let i = 0; i < count; i++) parts.push(pick(HOSTILE));
  return parts.join(random() < 0.8 ? ' ' : '');
}

function storedTexts(bot: ReturnType<typeof createTestBot>): string[] {
  const rows = [
    ...bot.db.sqlite.prepare('SELECT * FROM events').all(),
    ...bot.db.sqlite.prepare('SELECT * FROM approval_requests').all(),
    ...bot.db.sqlite.prepare('SELECT * FROM tweets').all(),
  ] as Record<string, unknown>[];
  return rows.flatMap((row) => Object.values(row).filter((value): value is string => typeof value === 'string'));
}

describe('hostile input to every command', () => {
  it('never crashes, never echoes a broadcast mention and stores no control characters', () => {
    const bot = createTestBot({ now: '2026-09-14T14:00:00Z' });
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    const random = seededRandom(20261123);
    const users = ['admin-1', 'oficial-pic', 'U0DESCONOCIDO'];
    for (let i = 0; i < 1_500; i++) {
      const line = hostileLine(random);
      const as = users[i % users.length];
      const reply = bot.send(line, { as });
      // The engine's last-resort answer means a command threw: that is the crash this test hunts.
      expect(isCrashReply(reply.rendered), `input: ${JSON.stringify(line)} as ${as}`).toBe(false);
      const slack = JSON.stringify(renderSlackMessage(reply, (hidden) => `+${hidden}`));
      expect(slack, `input: ${JSON.stringify(line)}`).not.toMatch(BROADCASTS);
      for (const button of reply.buttons ?? []) {
        const pressed = bot.press(button, { as, input: hostileLine(random) });
        expect(isCrashReply(pressed.rendered), `button ${button.label} after ${JSON.stringify(line)}`).toBe(false);
      }
    }
    const stored = storedTexts(bot);
    // The templates must have reached the database, or this checks nothing.
    expect(stored.some((text) => text.includes('texto'))).toBe(true);
    for (const text of stored) {
      // Tabs and line breaks may be kept in a multi-line text; no other control character may.
      expect(text.replace(/[\t\n]/g, '')).not.toMatch(/\p{Cc}/u);
    }
    expect(bot.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const units = bot.db.sqlite.prepare('SELECT count(*) AS n FROM units').get() as { n: number };
    expect(units.n).toBe(4);
    bot.close();
  });
});
