import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../../commands/core/i18n/catalogue.js';

describe('messagesFor', () => {
  it('builds a catalogue once per language and examples, and shares it frozen', () => {
    const first = messagesFor('es', { unitCode: 'PIC-DP', date: '15/09/2026' });
    expect(messagesFor('es', { unitCode: 'PIC-DP', date: '15/09/2026' })).toBe(first);
    expect(Object.isFrozen(first.commands.estado.examples)).toBe(true);
    expect(() => {
      (first.steps as Record<string, string>).sala = 'otra';
    }).toThrow(TypeError);
    const other = messagesFor('es', { unitCode: 'GUA-DP', date: '16/09/2026' });
    expect(other.errors.unit_not_found({ input: 'X' })).toContain('GUA-DP');
    expect(first.errors.unit_not_found({ input: 'X' })).toContain('PIC-DP');
    expect(messagesFor('en', { unitCode: 'PIC-DP', date: '15/09/2026' }).locale).toBe('en');
  });
});
