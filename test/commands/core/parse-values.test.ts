import { describe, expect, it } from 'vitest';
import { userIdFromMention } from '../../../bot/platforms/registry.js';
import {
  PLATFORMS,
  parseCount,
  parseEmail,
  parseLocalDate,
  parseLocalTime,
  parsePlatform,
  parseUserReference,
  parseYesNo,
} from '../../../commands/core/parse-values.js';

describe('parseLocalDate', () => {
  it.each([
    ['15/09/2026', '2026-09-15'],
    ['15-09-2026', '2026-09-15'],
    ['2026-09-15', '2026-09-15'],
    ['5/9/2026', '2026-09-05'],
    ['  15/09/2026  ', '2026-09-15'],
    ['29/02/2028', '2028-02-29'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseLocalDate(input, 2026)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['15/9', 2026, '2026-09-15'],
    ['15-09', 2027, '2027-09-15'],
  ])('reads %j without a year as a date in the default year %i', (input, defaultYear, expected) => {
    expect(parseLocalDate(input, defaultYear)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['31/02/2026'],
    ['29/02/2026'],
    ['2026-13-01'],
    ['00/09/2026'],
    ['hoy'],
    ['15.09.2026'],
    ['15/09/26'],
    [''],
  ])('refuses %j with invalid_date naming the input', (input) => {
    const result = parseLocalDate(input, 2026);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_date');
      expect(result.error.details).toEqual({ input });
    }
  });
});

describe('parseLocalDate with relative days', () => {
  // Friday 4 December 2026.
  const today = '2026-12-04';
  it.each([
    ['hoy', '2026-12-04'],
    ['Mañana', '2026-12-05'],
    ['manana', '2026-12-05'],
    ['tomorrow', '2026-12-05'],
    ['pasado mañana', '2026-12-06'],
    ['lunes', '2026-12-07'],
    ['el jueves', '2026-12-10'],
    ['viernes', '2026-12-11'],
    ['Sábado', '2026-12-05'],
    ['friday', '2026-12-11'],
    ['31/12/2026', '2026-12-31'],
  ])('reads %j on Friday 4 December as %s', (input, expected) => {
    expect(parseLocalDate(input, 2026, today)).toEqual({ ok: true, value: expected });
  });

  it('reads a day across the end of the year', () => {
    expect(parseLocalDate('pasado mañana', 2026, '2026-12-31')).toEqual({ ok: true, value: '2027-01-02' });
  });

  it('refuses a relative word when no today is given, and an unknown word', () => {
    expect(parseLocalDate('mañana', 2026).ok).toBe(false);
    expect(parseLocalDate('ayer', 2026, today).ok).toBe(false);
  });
});

describe('parseLocalTime', () => {
  it.each([
    ['10:00', { hours: 10, minutes: 0 }],
    ['9:30', { hours: 9, minutes: 30 }],
    ['10h00', { hours: 10, minutes: 0 }],
    ['10H15', { hours: 10, minutes: 15 }],
    ['10h', { hours: 10, minutes: 0 }],
    ['9H', { hours: 9, minutes: 0 }],
    ['23:59', { hours: 23, minutes: 59 }],
    ['00:00', { hours: 0, minutes: 0 }],
  ])('reads %j', (input, expected) => {
    expect(parseLocalTime(input)).toEqual({ ok: true, value: expected });
  });

  it.each([['25:00'], ['24:00'], ['10:60'], ['10'], ['25h'], ['10:'], ['h00'], ['10am'], ['10:0'], ['10.00'], ['']])(
    'refuses %j with invalid_time naming the input',
    (input) => {
      const result = parseLocalTime(input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_time');
        expect(result.error.details).toEqual({ input });
      }
    },
  );
});

describe('parseEmail', () => {
  it.each([
    ['ana@ejemplo.gob.ec', 'ana@ejemplo.gob.ec'],
    ['Ana.Perez@Ejemplo.GOB.EC', 'ana.perez@ejemplo.gob.ec'],
    ['mailto:preguntas@ejemplo.org', 'preguntas@ejemplo.org'],
    ['  rendicion+2026@ejemplo.org ', 'rendicion+2026@ejemplo.org'],
  ])('accepts %j as %s', (input, expected) => {
    expect(parseEmail(input)).toEqual({ ok: true, value: expected });
  });

  it.each([['ana'], ['ana@localhost'], ['ana perez@ejemplo.org'], ['ana@@ejemplo.org'], ['<ana@ejemplo.org>'], ['']])(
    'refuses %j with invalid_email',
    (input) => {
      const result = parseEmail(input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_email');
        expect(result.error.details).toEqual({ input });
      }
    },
  );

  it('refuses an address longer than 254 characters', () => {
    const input = `${'a'.repeat(250)}@ejemplo.org`;
    const result = parseEmail(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_email');
  });
});

describe('parsePlatform', () => {
  it.each([
    ['zoom', 'zoom'],
    ['Zoom', 'zoom'],
    ['teams', 'teams'],
    ['Microsoft Teams', 'teams'],
    ['ms-teams', 'teams'],
    ['meet', 'meet'],
    ['Google Meet', 'meet'],
    ['YouTube', 'youtube'],
    ['youtube live', 'youtube'],
    ['webex', 'webex'],
    ['Facebook', 'facebook'],
    ['Facebook Live', 'facebook'],
    ['fb', 'facebook'],
  ])('reads %j as %s', (input, expected) => {
    expect(parsePlatform(input)).toEqual({ ok: true, value: expected });
  });

  it.each([['skype'], ['jitsi'], ['']])('refuses %j with invalid_platform listing the allowed media', (input) => {
    const result = parsePlatform(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_platform');
      expect(result.error.details).toEqual({
        input,
        allowed: ['zoom', 'teams', 'meet', 'youtube', 'webex', 'facebook'],
      });
    }
  });

  it('lists Facebook among the allowed platforms', () => {
    expect(PLATFORMS).toContain('facebook');
  });
});

describe('parseYesNo', () => {
  it.each([
    ['si', true],
    ['sí', true],
    ['SÍ', true],
    ['yes', true],
    ['s', true],
    ['no', false],
    ['NO', false],
    ['n', false],
  ])('reads %j as %s', (input, expected) => {
    expect(parseYesNo('video', input)).toEqual({ ok: true, value: expected });
  });

  it.each([['quizás'], ['tal vez'], ['']])('refuses %j with invalid_option_value expecting yes_no', (input) => {
    const result = parseYesNo('video', input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_option_value');
      expect(result.error.details).toEqual({ option: 'video', input, expected: 'yes_no' });
    }
  });
});

describe('parseCount', () => {
  it.each([
    ['0', 0],
    ['120', 120],
    [' 45 ', 45],
    ['9999999', 9_999_999],
  ])('reads %j as %i', (input, expected) => {
    expect(parseCount('asistentes', input)).toEqual({ ok: true, value: expected });
  });

  it.each([['-1'], ['1.5'], ['cien'], ['12345678'], ['1e3'], ['']])(
    'refuses %j with invalid_option_value expecting a number',
    (input) => {
      const result = parseCount('asistentes', input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_option_value');
        expect(result.error.details).toEqual({ option: 'asistentes', input, expected: 'number' });
      }
    },
  );
});

// Mentions are each platform's syntax: the registry's descriptors read them.
describe('parseUserReference', () => {
  it('reads no mention without a platform that knows its syntax', () => {
    expect(parseUserReference('<@U123|ana>').ok).toBe(false);
  });

  it.each([
    ['<@U123|ana>', 'U123'],
    ['<@U0ABC42>', 'U0ABC42'],
    ['<@123456789012345678>', '123456789012345678'],
    ['<@!123456789012345678>', '123456789012345678'],
    ['@ana', 'ana'],
    ['ana', 'ana'],
    ['ana.perez@ejemplo.gob.ec', 'ana.perez@ejemplo.gob.ec'],
    [' <@U123> ', 'U123'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseUserReference(input, userIdFromMention)).toEqual({ ok: true, value: expected });
  });

  it.each([['<!channel>'], ['<!here>'], ['<#C123|general>'], ['<@>'], ['ana perez'], ['']])(
    'refuses %j with invalid_user',
    (input) => {
      const result = parseUserReference(input, userIdFromMention);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_user');
        expect(result.error.details).toEqual({ input });
      }
    },
  );
});
