import { fail } from './errors.js';

/**
 * How many lines a list shows at once: the summary's sessions and pending approvals, their pages
 * (`resumen hoy 2`), `solicitudes` and a province's units (`estado Pichincha 2`). The reference
 * campaign's busiest day fits in one page, and a summary with every list full stays inside
 * Slack's 50 blocks.
 */
export const PAGE_SIZE = 25;

export interface Page {
  /** 1-based. */
  number: number;
  offset: number;
  limit: number;
}

/** The page a user typed (`2`), the first without one; anything but a whole number from 1 is refused. */
export function pageFromInput(input: string | undefined): Page {
  if (input === undefined) return { number: 1, offset: 0, limit: PAGE_SIZE };
  const value = input.trim();
  const number = /^\d{1,6}$/.test(value) ? Number(value) : 0;
  if (number < 1) fail('invalid_page', { input, pages: undefined });
  return { number, offset: (number - 1) * PAGE_SIZE, limit: PAGE_SIZE };
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/** Refuses a page past the end of a list of `total` lines, saying how many pages there are. */
export function checkPageExists(page: Page, total: number): void {
  if (page.number > pageCount(total)) fail('invalid_page', { input: String(page.number), pages: pageCount(total) });
}

/** How many lines of a list of `total` come after this page. */
export function linesAfter(page: Page, total: number): number {
  return Math.max(0, total - page.offset - page.limit);
}
