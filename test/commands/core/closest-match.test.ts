import { describe, expect, it } from 'vitest';
import { closestMatch } from '../../../commands/core/closest-match.js';

const COMMANDS = ['registrar', 'estado', 'marcar', 'resumen', 'ayuda', 'rol'];

describe('closestMatch', () => {
  it.each([
    ['regsitrar', 'registrar'],
    ['registar', 'registrar'],
    ['estdo', 'estado'],
    ['rezumen', 'resumen'],
    ['marcr', 'marcar'],
  ])('suggests %s for the typo %j', (typo, expected) => {
    expect(closestMatch(typo, COMMANDS)).toBe(expected);
  });

  it('suggests the candidate that starts with what was typed', () => {
    expect(closestMatch('reg', COMMANDS)).toBe('registrar');
  });

  it('suggests the nearest of several close candidates', () => {
    expect(closestMatch('PICH-H2', ['PICH-DP', 'PICH-H1', 'GUAY-DP'])).toBe('PICH-H1');
  });

  it.each([['borrar'], ['xyz'], ['zzzzzzzz'], ['exportar']])('suggests nothing for the far word %j', (word) => {
    expect(closestMatch(word, COMMANDS)).toBeUndefined();
  });

  it('suggests nothing for a two-letter word that is only a prefix', () => {
    expect(closestMatch('ma', COMMANDS)).toBeUndefined();
  });

  it('suggests nothing for empty input', () => {
    expect(closestMatch('', COMMANDS)).toBeUndefined();
  });

  it('suggests nothing when there are no candidates', () => {
    expect(closestMatch('registrar', [])).toBeUndefined();
  });

  it('ignores accents and case in what was typed', () => {
    expect(closestMatch('ÉSTADO', COMMANDS)).toBe('estado');
  });

  it('ignores accents in the candidates and returns the candidate as written', () => {
    expect(closestMatch('invitacion', ['invitación', 'imagen', 'sala'])).toBe('invitación');
  });

  it('finds a typo in an accented word typed without its accent', () => {
    expect(closestMatch('sesin', ['sesión', 'resumen'])).toBe('sesión');
  });
});
