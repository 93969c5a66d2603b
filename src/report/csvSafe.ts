import Papa from 'papaparse';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises a cell a spreadsheet would run as a formula: text that starts with `=`, `+`, `-`, `@`,
 * a tab or a carriage return gets a leading apostrophe (OWASP CSV injection advice). Numbers and
 * booleans pass unchanged.
 *
 * @example
 * safeCell('=HYPERLINK("http://evil")') //=> "'=HYPERLINK(\"http://evil\")"
 * safeCell('+1 515 555 0102') //=> "'+1 515 555 0102"
 */
export function safeCell(value: string | number | boolean | null | undefined): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Writes rows as CSV with a header, every text cell neutralised by {@link safeCell}. Columns are in
 * the given order; line ends are CRLF (RFC 4180).
 *
 * @example
 * toSafeCsv(['a', 'b'], [{ a: '=1+1', b: 2 }]) //=> "a,b\r\n'=1+1,2"
 */
export function toSafeCsv<K extends string>(columns: readonly K[], rows: readonly Partial<Record<K, string | number | boolean | null | undefined>>[]): string {
  const data = rows.map((row) => columns.map((c) => safeCell(row[c])));
  return Papa.unparse({ fields: columns.map((c) => safeCell(c)) as string[], data }, { newline: '\r\n' });
}
