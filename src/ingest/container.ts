import Papa from 'papaparse';
import type { ContainerKind } from './adapter.js';

/** What callers may pass: text, bytes (UTF-8), or values they already parsed. */
export type IngestInput = string | Uint8Array | ArrayBuffer | readonly unknown[] | Readonly<Record<string, unknown>>;

/** A top-level item that could not be parsed at all (a broken NDJSON line), kept for the rejection. */
export class Unparsable {
  constructor(
    readonly code: string,
    readonly message: string,
    readonly raw: string,
  ) {}
}

/** An input read into its container: the top-level items in order, and CSV headers. */
export interface Container {
  kind: ContainerKind;
  headers: string[];
  /** The top-level value (JSON document, first NDJSON line, caller's value; for CSV, the rows). */
  root: unknown;
  /** Top-level items: a JSON document as one item, NDJSON lines, CSV rows as null-prototype objects. */
  items: unknown[];
}

/**
 * Decodes bytes as UTF-8 (a BOM is dropped; invalid bytes become U+FFFD, never an exception).
 *
 * @example
 * decodeText(new TextEncoder().encode('a,b')) //=> 'a,b'
 */
export function decodeText(input: string | Uint8Array | ArrayBuffer): string {
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: false }).decode(input);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads an input into its container. `hint` forces CSV, JSON or NDJSON; otherwise the first
 * character decides (`[` or `{` → JSON, or NDJSON when the document is not one JSON value; else CSV).
 *
 * @example
 * readContainer('email,event\na@x.com,open').items[0] //=> { email: 'a@x.com', event: 'open' }
 */
export function readContainer(input: IngestInput, hint?: 'csv' | 'json' | 'ndjson'): Container {
  if (typeof input !== 'string' && !(input instanceof Uint8Array) && !(input instanceof ArrayBuffer)) {
    return { kind: 'objects', headers: [], root: input, items: Array.isArray(input) ? [...input] : [input] };
  }
  const text = decodeText(input);
  const first = /\S/.exec(text)?.[0];
  const kind = hint ?? (first === '[' || first === '{' ? 'json' : 'csv');
  if (kind === 'csv') return readCsv(text);
  if (kind === 'json') {
    try {
      const root: unknown = JSON.parse(text);
      return { kind: 'json', headers: [], root, items: [root] };
    } catch {
      // Not one document: NDJSON (or a broken document, reported line by line).
    }
  }
  const items = splitLines(text).map(parseLine);
  return { kind: 'ndjson', headers: [], root: items[0], items };
}

/**
 * Parses one NDJSON line, or returns the {@link Unparsable} marker for it.
 *
 * @example
 * parseLine('{"a":1}') //=> { a: 1 }
 */
export function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    const shown = line.length > 60 ? `${line.slice(0, 57)}…` : line;
    return new Unparsable('invalid_json', `is not valid JSON: ${JSON.stringify(shown)}`, line);
  }
}

function splitLines(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.trim() !== '');
}

function readCsv(text: string): Container {
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  const headers = (rows[0] ?? []).map((h) => String(h).trim());
  const items = rows.slice(1).map((cells) => csvRecord(headers, cells));
  return { kind: 'csv', headers, root: items, items };
}

/**
 * A CSV row as a null-prototype object keyed by header (a repeated header keeps the first non-empty
 * cell). A row whose cell count differs from the header's becomes an {@link Unparsable} marker.
 *
 * @example
 * csvRecord(['email'], ['a@x.com']).email //=> 'a@x.com'
 */
export function csvRecord(headers: readonly string[], cells: readonly string[]): unknown {
  if (cells.length !== headers.length) {
    return new Unparsable('malformed_row', `has ${cells.length} cells but the header has ${headers.length} columns`, cells.join(','));
  }
  const rec = Object.create(null) as Record<string, string>;
  headers.forEach((h, i) => {
    const cell = cells[i] ?? '';
    if (rec[h] === undefined || rec[h] === '') rec[h] = cell;
  });
  return rec;
}
