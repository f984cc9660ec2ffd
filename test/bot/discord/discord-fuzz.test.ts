import { describe, expect, it } from 'vitest';
import { commandText } from '../../../bot/discord/discord-commands.js';
import { DISCORD_OPTIONS } from '../../../bot/discord/discord-options.js';
import { renderDiscordMessages } from '../../../bot/discord/render-embeds.js';
import type { CommandName } from '../../../commands/core/i18n/catalogue.js';
import { parseInvocation } from '../../../commands/core/parse-invocation.js';
import { COMMANDS } from '../../../commands/registry.js';
import { DISCORD_ADMIN, DISCORD_ROSTER } from '../../../testing/discord-harness.js';
import { createTestBot } from '../../../testing/test-bot.js';
import { HOSTILE, isCrashReply, seededRandom } from '../../helpers/hostile-input.js';

describe('hostile values in Discord options', () => {
  it('always become text the engine reads whole: no broken quotes, no crash, every reply within Discord limits', () => {
    const bot = createTestBot({ roster: DISCORD_ROSTER, admins: [DISCORD_ADMIN], now: '2026-09-14T14:00:00Z' });
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom', { as: DISCORD_ADMIN });
    const random = seededRandom(6);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
    for (let round = 0; round < 800; round++) {
      const name = pick(COMMANDS).name as CommandName;
      const values = new Map<string, string | number | boolean>();
      for (const spec of DISCORD_OPTIONS[name]) {
        if (random() < 0.3) continue;
        if (spec.type === 'boolean') values.set(spec.name, random() < 0.5);
        else if (spec.type === 'integer') values.set(spec.name, Math.floor(random() * 5));
        else if (spec.type === 'user') values.set(spec.name, '500000000000000009');
        else values.set(spec.name, `${pick(HOSTILE)}${random() < 0.5 ? ` ${pick(HOSTILE)}` : ''}`);
      }
      const text = commandText(name, values);
      const parsed = parseInvocation(text);
      expect(parsed.ok, text).toBe(true);
      // A free-text value arrives as one word, exactly as typed, whatever quotes or spaces it had.
      const free = values.get('descripcion') ?? values.get('texto');
      if (parsed.ok && typeof free === 'string' && free.trim()) {
        expect(parsed.value.positionals).toContain(free);
      }
      const reply = bot.send(text, { as: DISCORD_ADMIN });
      expect(isCrashReply(reply.rendered), text).toBe(false);
      for (const page of renderDiscordMessages(
        reply,
        () => 'rb:1',
        (hidden) => `${hidden}`,
      )) {
        expect(page.embeds.length).toBeLessThanOrEqual(10);
        expect(page.allowedMentions).toEqual({ parse: [] });
      }
    }
    bot.close();
  });

  it('recognises a real crash reply, so the check above can fail', () => {
    const bot = createTestBot({ roster: DISCORD_ROSTER, admins: [DISCORD_ADMIN], now: '2026-09-14T14:00:00Z' });
    // A closed database makes every command throw, which the engine answers with its last resort.
    bot.db.sqlite.close();
    const reply = bot.send(commandText('estado', new Map([['alcance', 'todo']])), { as: DISCORD_ADMIN });
    expect(isCrashReply(reply.rendered)).toBe(true);
  });
});
