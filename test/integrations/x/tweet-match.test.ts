import { describe, expect, it } from 'vitest';
import { createdSince, isSameTweet, textAsSent } from '../../../integrations/x/tweet-match.js';

describe('recognising a tweet as X shows it', () => {
  const shown = {
    id: '1',
    text: 'Quito &amp; Guayaquil &lt;en vivo&gt;\nhttps://t.co/abcdefghij y https://t.co/0123456789',
    created_at: '2026-09-15T15:30:07.000Z',
    entities: {
      urls: [
        { url: 'https://t.co/abcdefghij', expanded_url: 'https://www.ejemplo.gob.ec/rendicion?a=1&b=2' },
        { url: 'https://t.co/0123456789', expanded_url: 'http://ejemplo.gob.ec/agenda' },
      ],
    },
  };

  it('puts back the links X shortened and the characters it escaped', () => {
    expect(textAsSent(shown)).toBe(
      'Quito & Guayaquil <en vivo>\nhttps://www.ejemplo.gob.ec/rendicion?a=1&b=2 y http://ejemplo.gob.ec/agenda',
    );
  });

  it('matches the text the bot sent, whatever the spacing and a link typed without its scheme', () => {
    const sent = 'Quito & Guayaquil  <en vivo> https://www.ejemplo.gob.ec/rendicion?a=1&b=2 y ejemplo.gob.ec/agenda/';
    expect(isSameTweet(sent, shown)).toBe(true);
    expect(isSameTweet('Quito & Guayaquil <en vivo>', shown)).toBe(false);
    expect(isSameTweet(sent.replace('agenda', 'otra'), shown)).toBe(false);
  });

  it('counts only tweets created since the claim, to the second X gives', () => {
    expect(createdSince(shown, new Date('2026-09-15T15:30:07.900Z'))).toBe(true);
    expect(createdSince(shown, new Date('2026-09-15T15:30:08.000Z'))).toBe(false);
    expect(createdSince({ id: '2', text: 'x' }, new Date(0))).toBe(false);
  });
});
