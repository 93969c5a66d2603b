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
  let text = '';
  for (const part of safeCsvParts(columns, rows)) text += part;
  return text;
}

/** Rows per piece of {@link safeCsvParts}: big enough that papaparse's per-call cost vanishes. */
const ROWS_PER_PART = 4096;

/**
 * {@link toSafeCsv} in pieces of a few thousand rows, made as they are read: the same bytes when
 * joined, but a million rows are never one string.
 *
 * @example
 * [...safeCsvParts(['a'], [{ a: 1 }, { a: 2 }])].join('') //=> 'a\r\n1\r\n2'
 */
export function* safeCsvParts<K extends string>(columns: readonly K[], rows: readonly Partial<Record<K, string | number | boolean | null | undefined>>[]): Generator<string> {
  const fields = columns.map((c) => safeCell(c)) as string[];
  const block = (from: number) => rows.slice(from, from + ROWS_PER_PART).map((row) => columns.map((c) => safeCell(row[c])));
  // papaparse ends a header without rows with a line break, and joins rows with one; so the first
  // piece carries the header and later pieces start with the break between them.
  yield Papa.unparse({ fields, data: block(0) }, { newline: '\r\n' });
  for (let from = ROWS_PER_PART; from < rows.length; from += ROWS_PER_PART) {
    yield `\r\n${Papa.unparse(block(from), { newline: '\r\n', header: false })}`;
  }
}
