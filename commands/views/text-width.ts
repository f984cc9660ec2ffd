/**
 * How wide a line of text is drawn, in px, so the chart can make room for it instead of letting it
 * run off the picture. Advance widths are DejaVu Sans' (the font the PNG is rendered with), in
 * em, rounded up, per class of character; anything not listed (accented capitals, symbols such as
 * ⚠) counts as 1 em, so a fallback font only makes the estimate generous, never short.
 */
const NARROW = new Set([..."iljI.,:;!|'·()[]{} ftr-/"].map((char) => char));
const WIDE = new Set([...'mwMW%@'].map((char) => char));

function advanceEm(char: string): number {
  if (NARROW.has(char)) return 0.4;
  if (WIDE.has(char)) return 1;
  if (/[0-9]/.test(char)) return 0.64;
  if (/[a-zñáéíóúü]/.test(char)) return 0.64;
  if (/[A-ZÑÁÉÍÓÚÜ]/.test(char)) return 0.78;
  return 1;
}

export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) em += advanceEm(char);
  return Math.ceil(em * fontSize);
}
