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

/** A value as a user would type it in a command (`"Los Ríos"`): in quotes when it holds spaces or quotes. */
export function typedWord(value: string): string {
  if (!/[\s"'“”«»‘’=]/u.test(value)) return value;
  return value.includes('"') ? `«${value}»` : `"${value}"`;
}
