import { normalizeWord } from '../text.js';

/**
 * Ecuador's 24 provinces as the state writes them (Constitution, territorial organisation), the
 * roster's default list: a roster's `provincia` is matched to one of these whatever its case,
 * accents or spaces. A campaign file may give its own list (`provincias`) for another country.
 */
export const ECUADOR_PROVINCES: readonly string[] = [
  'Azuay',
  'Bolívar',
  'Cañar',
  'Carchi',
  'Chimborazo',
  'Cotopaxi',
  'El Oro',
  'Esmeraldas',
  'Galápagos',
  'Guayas',
  'Imbabura',
  'Loja',
  'Los Ríos',
  'Manabí',
  'Morona Santiago',
  'Napo',
  'Orellana',
  'Pastaza',
  'Pichincha',
  'Santa Elena',
  'Santo Domingo de los Tsáchilas',
  'Sucumbíos',
  'Tungurahua',
  'Zamora Chinchipe',
];

/** Trims a field and collapses the spaces inside it (a pasted name often carries double spaces). */
export function collapseSpaces(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** A province name compared without case, accents, hyphens or extra spaces. */
export function provinceKey(value: string): string {
  return normalizeWord(collapseSpaces(value.replace(/-/g, ' ')));
}

/** The canonical spelling of a typed province, or undefined if it is none of `provinces`. */
export function canonicalProvince(typed: string, provinces: readonly string[]): string | undefined {
  const key = provinceKey(typed);
  return provinces.find((province) => provinceKey(province) === key);
}
