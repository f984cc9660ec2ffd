import { describe, expect, it } from 'vitest';
import { platformOfUser } from '../../bot/user-platform.js';

describe('platformOfUser', () => {
  it('sends a Discord id to Discord and Slack ids and e-mails to Slack when both run', () => {
    const both = ['slack', 'discord'] as const;
    expect(platformOfUser('500000000000000002', both)).toBe('discord');
    expect(platformOfUser('U0ABC123', both)).toBe('slack');
    expect(platformOfUser('oficial.gua@ejemplo.gob.ec', both)).toBe('slack');
  });

  it('uses the only platform running, whatever the id looks like', () => {
    expect(platformOfUser('oficial-pic', ['console'])).toBe('console');
    expect(platformOfUser('U0ABC123', ['discord'])).toBe('discord');
    expect(platformOfUser('500000000000000002', ['slack'])).toBe('slack');
  });
});
