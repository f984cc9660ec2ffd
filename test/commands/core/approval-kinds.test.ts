import { afterEach, describe, expect, it } from 'vitest';
import { REQUESTED_KINDS } from '../../../commands/core/approval-kinds.js';
import { messagesFor } from '../../../commands/core/i18n/catalogue.js';
import { findApprovalRequestById } from '../../../db/queries/approvals.js';
import { APPROVAL_KINDS } from '../../../db/schema.js';
import { createTestBot, type TestBot } from '../../../testing/test-bot.js';

let bot: TestBot | undefined;
afterEach(() => {
  bot?.close();
  bot = undefined;
});

describe('the one list of approval kinds', () => {
  it('lets an officer request every kind the forms offer, by its own name, and stores it under that name', () => {
    const current = createTestBot();
    bot = current;
    current.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    expect(REQUESTED_KINDS).toEqual(APPROVAL_KINDS.filter((kind) => kind !== 'tuit'));
    for (const kind of REQUESTED_KINDS) {
      const reply = current.send(`solicitar ${kind} PIC-DP "Material de ${kind}"`, { as: 'oficial-pic' });
      expect(reply.tone, reply.rendered).toBe('success');
    }
    const stored = REQUESTED_KINDS.map((_, index) => findApprovalRequestById(current.db, index + 1)?.kind);
    expect(stored).toEqual([...REQUESTED_KINDS]);
  });

  it('has a Spanish and an English name for every kind', () => {
    for (const locale of ['es', 'en'] as const) {
      const { kinds } = messagesFor(locale, { unitCode: 'PIC-DP', date: '' }).approvals;
      expect(Object.keys(kinds).sort()).toEqual([...APPROVAL_KINDS].sort());
    }
  });
});
