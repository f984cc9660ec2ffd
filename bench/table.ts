/** A table printed as aligned plain text (the terminal) or as GitHub Markdown (docs/benchmarks.md). */
export interface Table {
  title: string;
  header: string[];
  rows: string[][];
  /** Right-align these columns (numbers). */
  numeric?: number[];
  notes?: string[];
}

export function renderTable(table: Table, markdown: boolean): string {
  const numeric = new Set(table.numeric ?? []);
  const lines: string[] = [];
  if (markdown) {
    lines.push(`### ${table.title}`, '');
    lines.push(`| ${table.header.join(' | ')} |`);
    lines.push(`|${table.header.map((_, i) => (numeric.has(i) ? '---:' : '---')).join('|')}|`);
    for (const row of table.rows) lines.push(`| ${row.join(' | ')} |`);
    if (table.notes?.length) lines.push('', ...table.notes.map((note) => `- ${note}`));
    return lines.join('\n');
  }
  const widths = table.header.map((cell, i) =>
    Math.max(cell.length, ...table.rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  lines.push(table.title, '='.repeat(table.title.length));
  lines.push(line(table.header), line(widths.map((width) => '-'.repeat(width))));
  for (const row of table.rows) lines.push(line(row));
  if (table.notes?.length) lines.push(...table.notes.map((note) => `  * ${note}`));
  return lines.join('\n');
}
