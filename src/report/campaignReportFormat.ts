/**
 * Formatting shared by the campaign-report and segment renderers: percentages, instants and Markdown
 * tables. Pure; no locale is read (numbers are formatted the same everywhere).
 */

/**
 * A rate as a percentage with one decimal, or `—` when there is none.
 *
 * @example
 * formatPercent(0.41666) //=> '41.7%'
 * formatPercent(null) //=> '—'
 */
export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/**
 * An instant as `YYYY-MM-DD HH:MM UTC`, or a day as `YYYY-MM-DD` when `dayOnly`.
 *
 * @example
 * formatInstant(1795435200000) //=> '2026-11-23 12:00 UTC'
 */
export function formatInstant(ms: number, dayOnly = false): string {
  const iso = new Date(ms).toISOString();
  return dayOnly ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * Escapes text for a Markdown table cell (pipes, newlines).
 *
 * @example
 * escapeCell('a|b') //=> 'a\\|b'
 */
export function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * A Markdown table. Columns whose header starts with `>` are right-aligned (the `>` is dropped).
 *
 * @example
 * markdownTable(['name', '>count'], [['a', '1']])
 * //=> '| name | count |\n| --- | ---: |\n| a | 1 |'
 */
export function markdownTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const head = headers.map((h) => (h.startsWith('>') ? h.slice(1) : h));
  const align = headers.map((h) => (h.startsWith('>') ? '---:' : '---'));
  const line = (cells: readonly (string | number)[]): string => `| ${cells.map((c) => escapeCell(String(c))).join(' | ')} |`;
  return [line(head), `| ${align.join(' | ')} |`, ...rows.map(line)].join('\n');
}
