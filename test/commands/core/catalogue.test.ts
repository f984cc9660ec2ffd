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

describe('the lines that say how many more a list has', () => {
  const es = messagesFor('es', { unitCode: 'PIC-DP', date: '15/09/2026' });
  const en = messagesFor('en', { unitCode: 'PIC-DP', date: '15/09/2026' });

  it('agree with one or many, in Spanish and English', () => {
    expect(es.summary.moreSessions(1, '/rendicion resumen hoy 2')).toBe(
      '… y 1 sesión más; para verla escriba `/rendicion resumen hoy 2`.',
    );
    expect(es.summary.moreSessions(3, '/rendicion resumen hoy 2')).toBe(
      '… y 3 sesiones más; para verlas escriba `/rendicion resumen hoy 2`.',
    );
    expect(es.summary.morePendingApprovals(1, 'x')).toBe('… y 1 aprobación pendiente más; para verla escriba `x`.');
    expect(es.approvals.andMore(1, 'x')).toBe('… y 1 más; para verla escriba `x`.');
    expect(es.approvals.andMore(2, 'x')).toBe('… y 2 más; para verlas escriba `x`.');
    expect(en.summary.moreSessions(1, 'x')).toBe('… and 1 more session; to see it type `x`.');
    expect(en.summary.morePendingApprovals(2, 'x')).toBe('… and 2 more pending approvals; to see them type `x`.');
    expect(en.approvals.andMore(1, 'x')).toBe('… and 1 more; to see it type `x`.');
  });
});
