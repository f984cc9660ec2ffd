/** Lower case without accents, so `Sesión`, `SESION` and `sesion` compare equal. */
export function normalizeWord(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** Removes control characters and collapses whitespace in free text typed by a user. */
export function cleanFreeText(value: string): string {
  return value
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
