import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { pipeline } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import type { ProviderAdapter, RecordContext } from '../ingest/adapter.js';
import { DETECT_SAMPLE_SIZE } from '../ingest/adapter.js';
import { safeNormalize } from '../ingest/collector.js';
import type { Container } from '../ingest/container.js';
import { csvRecord, Unparsable } from '../ingest/container.js';
import { canonicalEmail } from '../ingest/emails.js';
import { bounceCode, type EventTable } from '../ingest/eventTable.js';
import { looseKey, text } from '../ingest/fields.js';
import { checkOptions, chooseAdapter } from '../ingest/parseEvents.js';
import type { ParseEventsOptions } from '../ingest/parseEvents.js';
import { genericParts, type GenericParts } from '../ingest/providers/generic.js';
import type { FormatDetection, IngestMeta, Rejection } from '../ingest/result.js';
import { readTime } from '../ingest/timestamps.js';
import { avalanche, ByteKeys, hashBytes, hashText, MISSING } from './byteKeys.js';
import type { ReadProgress } from './readEvents.js';

/** Options of {@link probeEventTable} and {@link readEventTable}. */
export interface ReadEventTableOptions extends Pick<ParseEventsOptions, 'format' | 'mapping' | 'timezone'> {
  /** The name used in messages. @default the path's base name */
  name?: string;
  /**
   * With a `mapping` and no `format`: a file that a provider reader recognises is that provider's
   * (and so not for the table), the mapping is for the others, as the CLI reads files. @default false
   */
  providersFirst?: boolean;
  onProgress?: (progress: ReadProgress) => void;
  /** @internal Bytes read from the file at a time (tests make it small to put records across chunks). @default 512 KiB */
  readBytes?: number;
  /**
   * One of `count` threads reading the same file: each reads every record (so each counts them all
   * and numbers them alike) but takes only its own. A line whose e-mail cell is plain is the part's
   * whose index {@link partOfBytes} gives; every other record (quoted, unusual or without an e-mail
   * cell) is part 0's. A part routes each event it takes to the table of its contact's part
   * (`partOf` the canonical e-mail), so `into` holds `count` tables and the rows that land in
   * another part's table (an address spelled with spaces or brackets) are traded afterwards.
   * @default one part: every record
   */
  part?: { index: number; count: number };
}

/**
 * The part (of `count`) a contact belongs to when threads split the contacts: a hash of the
 * canonical e-mail, so every spelling of an address lands in the same part. It is the hash
 * {@link partOfBytes} takes of an e-mail cell's bytes, so a thread can tell from a plain cell alone
 * (ASCII, no spaces or brackets) whether the row is its own.
 *
 * @example
 * partOf('ann@x.com', 2) //=> 0 or 1, always the same
 */
export function partOf(email: string, count: number): number {
  return count <= 1 ? 0 : partOfHash(hashText(email), count);
}

/**
 * {@link partOf} of the bytes `buf[start, end)` read as characters: for an e-mail cell whose
 * canonical form is the cell lower-cased (ASCII, nothing to trim or unwrap), the part of its contact.
 *
 * @example
 * partOfBytes(Buffer.from('Ann@X.com'), 0, 9, 2) === partOf('ann@x.com', 2) //=> true
 */
export function partOfBytes(buf: Uint8Array, start: number, end: number, count: number): number {
  return count <= 1 ? 0 : partOfHash(hashBytes(buf, new DataView(buf.buffer, buf.byteOffset, buf.byteLength), start, end), count);
}

/** The part of a key's `hashBytes`: from its high bits, as `ByteKeys` files keys by the low ones. */
function partOfHash(h: number, count: number): number {
  return Math.floor(((h >>> 0) / 4294967296) * count);
}

/** What reading one file into a table gave: its `meta` (events and duplicates filled in by `finishTableMeta`) and rejections. */
export interface TableFileRead {
  file: string;
  meta: IngestMeta;
  rejected: Rejection[];
  /** Rows this file appended to the tables, before dedupe. */
  rows: number;
}

/** A CSV the columnar reader can take: its header, the generic reader's rules, and where the data start. */
export interface TableProbe {
  path: string;
  file: string;
  headers: string[];
  parts: GenericParts;
  adapter: ProviderAdapter;
  detection: FormatDetection | undefined;
  gz: boolean;
  /** Header index of each column the generic reader reads; -1 when absent. */
  columns: Columns;
  /** The file's size (compressed for `.gz`), for progress. */
  bytes: number;
  /** Records end at `\r\n` (a lone `\n` is then part of a cell, as papaparse reads it); else at `\n`. */
  crlf: boolean;
}

/**
 * The line ending papaparse's streaming parser guesses from the start of the input (its
 * `guessLineEndings`): quoted parts removed, `\n` if it comes before any `\r`, else `\r\n` when
 * most `\r` are followed by `\n`, else `\r`.
 */
function guessNewline(head: string): '\n' | '\r\n' | '\r' {
  const input = head.slice(0, 1024 * 1024).replace(/"([^]*?)"/gm, '');
  const r = input.split('\r');
  const n = input.split('\n');
  if (r.length === 1 || (n.length > 1 && n[0]!.length < r[0]!.length)) return '\n';
  let withN = 0;
  for (const part of r) if (part[0] === '\n') withN++;
  return withN >= r.length / 2 ? '\r\n' : '\r';
}

type Columns = Record<'contact' | 'type' | 'at' | 'campaign' | 'message' | 'url', number>;

const HEAD_BYTES = 64 * 1024;
/** The mapping roles the table holds; a mapping that names any other column takes the object path. */
const TABLE_ROLES = new Set(['contact', 'type', 'at', 'campaign', 'message', 'url', 'types', 'defaultType']);

/**
 * Whether the columnar reader can take this file, and if so how: it must be CSV (optionally `.gz`)
 * read by the generic reader (the mapping given or guessed) with no columns the table does not hold
 * (event ids, user agents, IPs, machine flags, bounce classes), and lines ending in `\n` or `\r\n`.
 * Provider exports and JSON go through `readEvents`. Never throws on content: `undefined` means "use
 * the object path".
 *
 * @example
 * const probe = await probeEventTable('events.csv'); // undefined for a SendGrid JSON export
 */
export async function probeEventTable(path: string, options: ReadEventTableOptions = {}): Promise<TableProbe | undefined> {
  const file = options.name ?? basename(path);
  const format = checkOptions(options, file);
  if (format !== 'auto' && format !== 'csv' && format !== 'generic') return undefined;
  const read = await readHead(path, /\.gz$/i.test(path));
  if (read === undefined) return undefined;
  const { gz, bytes } = read;
  let head = read.text;
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  const first = /\S/.exec(head)?.[0];
  if (first === undefined || first === '[' || first === '{') return undefined;
  const newline = guessNewline(head);
  if (newline === '\r') return undefined; // old Mac line ends: left to the streaming parser
  const lastLine = head.lastIndexOf('\n');
  const complete = lastLine < 0 ? head : head.slice(0, lastLine);
  const parsed = Papa.parse<string[]>(complete, { header: false, skipEmptyLines: 'greedy', newline });
  const rows = parsed.data;
  if (rows.length === 0) return undefined;
  const headers = rows[0]!.map((h, i) => (i === 0 ? String(h).replace(/^\uFEFF/, '') : String(h)).trim());
  const items = rows.slice(1, 1 + DETECT_SAMPLE_SIZE).map((cells) => csvRecord(headers, cells));
  const container: Container = { kind: 'csv', headers, root: items, items };
  let chosen: ReturnType<typeof chooseAdapter>;
  try {
    if (options.providersFirst === true && options.mapping !== undefined && options.format === undefined) {
      let detected: string | undefined;
      try {
        detected = chooseAdapter(container, { ...(options.timezone === undefined ? {} : { timezone: options.timezone }) }, file).adapter.name;
      } catch {
        detected = undefined;
      }
      if (detected !== undefined && detected !== 'generic') return undefined;
      chosen = chooseAdapter(container, { ...options, format: 'generic' }, file);
    } else chosen = chooseAdapter(container, options, file);
  } catch {
    return undefined;
  }
  const parts = genericParts(chosen.adapter);
  if (parts === undefined) return undefined;
  for (const [role, value] of Object.entries(parts.mapping)) if (value !== undefined && !TABLE_ROLES.has(role)) return undefined;
  const columns = columnsOf(headers, parts);
  if (columns === undefined) return undefined;
  return { path, file, headers, parts, adapter: chosen.adapter, detection: chosen.detection, gz, bytes, columns, crlf: newline === '\r\n' };
}

/** The start of the file as text, whether it is gzip (by name or magic bytes), and its size. */
async function readHead(path: string, named: boolean): Promise<{ text: string; gz: boolean; bytes: number } | undefined> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
    let bytes = buf.subarray(0, bytesRead);
    const gz = named || (bytes[0] === 0x1f && bytes[1] === 0x8b);
    if (gz) {
      try {
        bytes = gunzipSync(bytes, { finishFlush: 2 /* Z_SYNC_FLUSH: a truncated stream is fine */ });
      } catch {
        return undefined;
      }
      if (bytes.length > HEAD_BYTES) bytes = bytes.subarray(0, HEAD_BYTES);
    }
    return { text: new TextDecoder('utf-8').decode(bytes, { stream: true }), gz, bytes: size };
  } finally {
    await handle.close();
  }
}

/**
 * Reads a CSV that {@link probeEventTable} accepted into `table`, row by row on the raw bytes:
 * e-mail, type, campaign and URL cells are looked up by their bytes (each distinct spelling is
 * decoded and checked once, by the same functions the object path uses), common timestamps are read
 * without a string, and every row the fast path is not sure of (quotes, a wrong cell count, an
 * invalid address, an unusual time) goes through the generic reader's own `normalize`. So the
 * result is the object path's, record for record: the same rejections, ignores and notes.
 *
 * @example
 * const probe = await probeEventTable('events.csv');
 * if (probe) reads.push(await readEventTable(probe, table, 0));
 */
export async function readEventTable(probe: TableProbe, into: EventTable | readonly EventTable[], fileIndex: number, options: ReadEventTableOptions = {}): Promise<TableFileRead> {
  const { headers, parts, adapter, file } = probe;
  const rejected: Rejection[] = [];
  const ignored = new Map<string, number>();
  const notes = new Set<string>();
  const ctx: { -readonly [K in keyof RecordContext]: RecordContext[K] } = { record: 0, format: adapter.name, timezone: options.timezone, note: (t) => void notes.add(t) };
  const cols = probe.columns;
  const width = headers.length;
  const cellStart = new Int32Array(width + 1);
  const cellEnd = new Int32Array(width + 1);
  // With several tables, each contact's rows go to the table `partOf` its e-mail names.
  const tables: readonly EventTable[] = Array.isArray(into) ? into : [into as EventTable];
  const count = tables.length;
  /**
   * Per distinct e-mail cell, and per canonical address (under its own bytes, as a cell would spell
   * it): contact id × count + table index; -1 for a cell whose address the fast path leaves to `slow`.
   * So this is also the index of the tables' contacts (see `contactKey`): they keep no map while read.
   */
  const emails = new ByteKeys();
  let spelled = Buffer.allocUnsafe(256);
  /** Per distinct campaign, message or URL cell: an index in `cellStrings`. */
  const strings = new ByteKeys();
  const cellStrings: (string | undefined)[] = [];
  /** Per table: the string id of each `cellStrings` index, once asked for. */
  const tableStrings: number[][] = tables.map(() => []);
  const typeKeys = new ByteKeys();
  const typeEntries: TypeEntry[] = [];
  const constantType = cols.type < 0 ? typeEntry(undefined) : undefined;
  const part = options.part ?? { index: 0, count: 1 };
  if (part.count > 1 && part.count !== count) throw new Error('readEventTable: a part reads into one table per part');
  /** Whether this part takes the records every part parses (quoted, unusual): part 0 does. */
  const takesShared = part.index === 0;
  let records = 0;
  let rows = 0;
  let bytes = 0;
  let headerDone = false;

  function typeEntry(cell: string | undefined): TypeEntry {
    const r = parts.eventTypeOf(cell, ctx);
    if ('kind' in r) return r.kind === 'ignored' ? { kind: 'ignored', rule: r.rule } : { kind: 'slow' };
    const bounce = r.type === 'bounce' ? parts.bounceOf(undefined, r.raw) : undefined;
    const types: number[] = [];
    for (const table of tables) {
      // The id of the name with its bounce class (see EventTable.typeId).
      const type = table.typeId(r.type, bounceCode(bounce));
      if (type === undefined) return { kind: 'slow' };
      types.push(type);
    }
    return { kind: 'event', types };
  }

  /**
   * A record through the generic reader's `normalize`, exactly as `readEvents` reads it. A
   * `shared` record (one every part parses) is only counted, except by part 0.
   */
  function slow(cells: string[], shared: boolean): void {
    if (cells.join('').trim() === '') return; // papaparse's skipEmptyLines: 'greedy'
    records += 1;
    if (shared && !takesShared) return;
    const n = records;
    const rec = csvRecord(headers, cells);
    if (rec instanceof Unparsable) {
      rejected.push({ record: n, code: rec.code, message: rec.message, raw: rec.raw });
      return;
    }
    ctx.record = n;
    const result = safeNormalize(adapter, rec, ctx);
    if (result.kind === 'rejected') {
      rejected.push({ record: n, code: result.code, message: result.message, ...(result.field === undefined ? {} : { field: result.field }), raw: rec });
    } else if (result.kind === 'ignored') {
      ignored.set(result.rule, (ignored.get(result.rule) ?? 0) + 1);
    } else {
      for (const draft of result.events) {
        const key = contactKey(draft.contact);
        const t = key % count;
        if (!tables[t]!.appendDraft(draft, fileIndex, (key - t) / count)) throw new NotTabular(`${file} record ${n} has an event the table cannot hold`);
        rows += 1;
      }
    }
  }

  /**
   * The key (contact id × count + table index) of a canonical address, a new contact of the table
   * `partOf` names if it has none. An address is filed under its own bytes, which a cell spelling it
   * so shares (its canonical form is itself), except one that starts with `'`: `canonicalEmail`
   * takes a cell `'ann@x.com` to `ann@x.com`, so such an address is filed under `,` and its bytes,
   * which no cell spells (the fast path's cells end at commas).
   */
  function contactKey(email: string): number {
    const len = spell(email);
    let key = emails.get(spelled, 0, len);
    if (key === MISSING) {
      const t = partOf(email, count);
      key = tables[t]!.addContact(email) * count + t;
      emails.set(spelled, 0, len, key);
    }
    return key;
  }

  /** Writes the bytes `contactKey` files `email` under into `spelled`; returns their length. */
  function spell(email: string): number {
    if (email.length * 3 + 1 > spelled.length) spelled = Buffer.allocUnsafe(email.length * 3 + 1); // UTF-8: at most 3 bytes a UTF-16 unit
    return email.charCodeAt(0) === 39 ? spelled.write(`,${email}`) : spelled.write(email);
  }
  // The contacts earlier files gave the tables.
  tables.forEach((table, t) => table.contacts.forEach((email, id) => emails.set(spelled, 0, spell(email), id * count + t)));

  /** The string id, in table `t`, of the cell in column `col` (-1 for none). */
  function stringOf(buf: Buffer, col: number, t: number): number {
    if (col < 0) return -1;
    const s = cellStart[col]!;
    const e = cellEnd[col]!;
    if (s === e) return -1;
    let k = strings.get(buf, s, e);
    if (k === MISSING) {
      k = cellStrings.length;
      cellStrings.push(text(buf.toString('utf8', s, e)));
      strings.set(buf, s, e, k);
    }
    const ids = tableStrings[t]!;
    let id = ids[k];
    if (id === undefined) ids[k] = id = tables[t]!.stringId(cellStrings[k]);
    return id;
  }

  /** One unquoted line with the right number of cells; false sends it to `slow`. */
  function fast(buf: Buffer): boolean {
    let entry = constantType;
    if (entry === undefined) {
      const s = cellStart[cols.type]!;
      const e = cellEnd[cols.type]!;
      let k = typeKeys.get(buf, s, e);
      if (k === MISSING) {
        k = typeEntries.length;
        typeEntries.push(typeEntry(buf.toString('utf8', s, e)));
        typeKeys.set(buf, s, e, k);
      }
      entry = typeEntries[k]!;
    }
    if (entry.kind === 'slow') return false;
    if (entry.kind === 'ignored') {
      if (constantType !== undefined && blank(buf)) return false;
      records += 1;
      ignored.set(entry.rule, (ignored.get(entry.rule) ?? 0) + 1);
      return true;
    }
    if (cols.contact < 0) return false;
    const cs = cellStart[cols.contact]!;
    const ce = cellEnd[cols.contact]!;
    while (hintAt < hintCount && hintStarts[hintAt]! < cs) hintAt++;
    const hinted = hintAt < hintCount && hintStarts[hintAt] === cs && hintEnds[hintAt] === ce;
    let key = hinted ? hintValues[hintAt]! : MISSING;
    if (key === MISSING && !(hinted && emails.size === hintSize)) key = emails.get(buf, cs, ce);
    if (key === MISSING) {
      const email = canonicalEmail(buf.toString('utf8', cs, ce));
      key = email.ok ? contactKey(email.email) : -1;
      emails.set(buf, cs, ce, key); // this spelling (already there when it is the canonical one)
    }
    if (key < 0) return false;
    const t = count === 1 ? 0 : key % count;
    if (cols.at < 0) return false;
    const ts = cellStart[cols.at]!;
    const te = cellEnd[cols.at]!;
    let at = quickTime(buf, ts, te);
    if (at === undefined) {
      ctx.record = records + 1;
      const t = readTime(buf.toString('utf8', ts, te), ctx);
      if (!t.ok) return false;
      at = t.at;
    }
    records += 1;
    const contact = count === 1 ? key : (key - t) / count;
    tables[t]!.append(contact, entry.types[t]!, at, stringOf(buf, cols.campaign, t), stringOf(buf, cols.message, t), stringOf(buf, cols.url, t), fileIndex);
    rows += 1;
    return true;
  }

  /** Whether every cell of the split line is empty or white space (papaparse then skips the line). */
  function blank(buf: Buffer): boolean {
    for (let c = 0; c < width; c++) if (buf.toString('utf8', cellStart[c]!, cellEnd[c]!).trim() !== '') return false;
    return true;
  }

  /** The first `"` at or after `from` in `buf` (`buf.length` when none); the last answer is kept while it holds. */
  let quoteBuf: Buffer | undefined;
  let quoteFrom = 0;
  let quoteAt = -1;
  function nextQuote(buf: Buffer, from: number): number {
    if (buf !== quoteBuf || from < quoteFrom || from > quoteAt) {
      quoteBuf = buf;
      quoteFrom = from;
      const q = buf.indexOf(34, from);
      quoteAt = q < 0 ? buf.length : q;
    }
    return quoteAt;
  }

  /** Splits `buf[start, end)` (one physical line) at commas; -1 when it has a quote, else the number of cells. */
  function split(buf: Buffer, start: number, end: number): number {
    if (nextQuote(buf, start) < end) return -1;
    let cells = 0;
    let s = start;
    for (;;) {
      let c = buf.indexOf(44, s);
      if (c < 0 || c > end) c = end;
      if (cells < width) {
        cellStart[cells] = s;
        cellEnd[cells] = c;
      }
      cells += 1;
      if (c === end) return cells;
      s = c + 1;
    }
  }

  /**
   * Whose the line `buf[start, end)` is (see {@link ReadEventTableOptions.part}): a line with no
   * quote whose e-mail cell starts with a printable ASCII byte belongs to the part `partOfBytes`
   * names; any other line is part 0's. {@link MINE} when this part reads it (or, for a quoted
   * line, parses it as every part does), {@link HASHED} for another part's by its e-mail cell (a
   * record: the cell is not blank), {@link PART_ZERO} for part 0's otherwise (it may be blank).
   */
  function lineOwner(buf: Buffer, start: number, end: number): number {
    lineCellStart = -1;
    if (nextQuote(buf, start) < end) return MINE; // every part parses a quoted record; part 0 takes it
    let owner = -1;
    const col = cols.contact;
    if (col >= 0) {
      let s = start;
      for (let c = 0; c < col && s <= end; c++) {
        const comma = buf.indexOf(44, s);
        s = comma < 0 || comma >= end ? end + 1 : comma + 1;
      }
      if (s <= end) {
        // The cell's end (the next comma) and its hashBytes in one pass, four bytes at a time.
        const v = viewOf(buf);
        let h = 0x811c9dc5;
        let i = s;
        for (; i + 4 <= end; i += 4) {
          const w = v.getInt32(i, true);
          const x = w ^ 0x2c2c2c2c;
          if (((x - 0x01010101) & ~x & 0x80808080) !== 0) break; // a comma in these four bytes
          h = Math.imul(h ^ (w | 0x20202020), 0x01000193);
        }
        for (; i < end && buf[i] !== 44; i++) h = Math.imul(h ^ (buf[i]! | 0x20), 0x01000193);
        const e = i;
        lineCellStart = s;
        lineCellEnd = e;
        lineCellHash = avalanche(h);
        const b = buf[s]!;
        if (e > s && b > 32 && b < 127) owner = partOfHash(lineCellHash, part.count);
      }
    }
    if (owner < 0) return part.index === 0 ? MINE : PART_ZERO;
    return owner === part.index ? MINE : HASHED;
  }

  const crlf = probe.crlf;
  const newline = crlf ? '\r\n' : '\n';
  /** A record papaparse must read (quotes, or a lone `\n` in a `\r\n` file). */
  const parseRecords = (textOf: string): void => {
    const parsed = Papa.parse<string[]>(textOf, { header: false, skipEmptyLines: 'greedy', newline });
    for (const cellsOf of parsed.data) slow(cellsOf.map(String), true);
  };

  /** The e-mail cell `lineOwner` found in a line with no quote (start -1 when none), and its `hashBytes`. */
  let lineCellStart = -1;
  let lineCellEnd = -1;
  let lineCellHash = 0;
  let viewBuf: Buffer | undefined;
  let view: DataView = new DataView(new ArrayBuffer(0));
  function viewOf(buf: Buffer): DataView {
    if (buf !== viewBuf) {
      viewBuf = buf;
      view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    return view;
  }
  /**
   * The lines of the buffer `hint` saw that are not this part's, in order: where each starts, where
   * the next starts, and its `lineOwner`.
   */
  let skipStarts = new Int32Array(1 << 14);
  let skipNexts = new Int32Array(1 << 14);
  let skipOwners = new Uint8Array(1 << 14);
  let skipCount = 0;
  let skipAt = 0;

  // The e-mail cells of a buffer's plain lines, looked up all at once before its rows are read
  // (see ByteKeys.getMany): `fast` takes a row's value from here when its cell is the one found.
  let hintStarts = new Int32Array(1 << 14);
  let hintEnds = new Int32Array(1 << 14);
  let hintValues = new Int32Array(1 << 14);
  let hintHashes = new Int32Array(1 << 14);
  let hintCount = 0;
  let hintAt = 0;
  /** Keys held when the hints were looked up: a hint of MISSING is sure while no key is added. */
  let hintSize = 0;
  function hint(buf: Buffer, pos: number): void {
    const col = cols.contact;
    let q = pos;
    let n = 0;
    skipCount = 0;
    skipAt = 0;
    for (;;) {
      const nl = buf.indexOf(10, q);
      if (nl < 0) break;
      let s = -1;
      let e = -1;
      let h = 0;
      // Only a line `take` reads as one record can be another part's (in a \r\n file, a lone \n
      // is inside a record); empty lines are skipped by `take` itself.
      const lineEnd = crlf && nl > q && buf[nl - 1] === 13 ? nl - 1 : nl;
      if (part.count > 1 && lineEnd > q && (!crlf || lineEnd < nl)) {
        const owner = lineOwner(buf, q, lineEnd);
        if (owner !== MINE) {
          if (skipCount === skipStarts.length) {
            skipStarts = grown(skipStarts);
            skipNexts = grown(skipNexts);
            skipOwners = grown(skipOwners);
          }
          skipOwners[skipCount] = owner;
          skipNexts[skipCount] = nl + 1;
          skipStarts[skipCount++] = q;
          q = nl + 1;
          continue;
        }
        s = lineCellStart;
        e = lineCellEnd;
        h = lineCellHash;
      }
      if (s < 0 && col >= 0) {
        let c = 0;
        let from = q;
        let i = nl;
        for (;;) {
          const comma = buf.indexOf(44, from);
          if (comma < 0 || comma > nl) break; // the last cell
          if (c === col) {
            i = comma;
            break;
          }
          c += 1;
          from = comma + 1;
        }
        if (c === col && nextQuote(buf, q) > i) {
          s = from;
          e = i === nl && i > from && buf[i - 1] === 13 ? i - 1 : i;
          h = hashBytes(buf, viewOf(buf), s, e);
        }
      }
      if (s >= 0) {
        if (n === hintStarts.length) {
          hintStarts = grown(hintStarts);
          hintEnds = grown(hintEnds);
          hintValues = grown(hintValues);
          hintHashes = grown(hintHashes);
        }
        hintStarts[n] = s;
        hintEnds[n] = e;
        hintHashes[n] = h;
        n += 1;
      }
      q = nl + 1;
    }
    emails.getMany(buf, hintStarts, hintEnds, n, hintValues, hintHashes);
    hintSize = emails.size;
    hintCount = n;
    hintAt = 0;
  }

  /** Another part reads the line `buf[start, end)` (its `lineOwner`); this one counts it, unless blank (papaparse skips those). */
  function countOthers(owner: number, buf: Buffer, start: number, end: number): void {
    if (owner === HASHED) records += 1; // its e-mail cell is not blank
    else slow(buf.toString('utf8', start, end).split(','), true);
  }

  /** Processes the complete records of `buf` from `pos`; returns where the unprocessed rest starts. */
  function take(buf: Buffer, pos: number, final: boolean): number {
    let p = pos;
    if (cols.contact >= 0 || part.count > 1) hint(buf, pos);
    while (p < buf.length) {
      if (skipAt < skipCount && headerDone) {
        while (skipAt < skipCount && skipStarts[skipAt]! < p) skipAt++;
        if (skipAt < skipCount && skipStarts[skipAt] === p) {
          const next = skipNexts[skipAt]!;
          countOthers(skipOwners[skipAt]!, buf, p, crlf ? next - 2 : next - 1);
          p = next;
          continue;
        }
      }
      let nl = buf.indexOf(10, p);
      if (nl < 0) {
        if (!final) break;
        nl = buf.length;
      }
      const lineEnds = !crlf || nl === buf.length || (nl > p && buf[nl - 1] === 13);
      const end = crlf && nl > p && buf[nl - 1] === 13 ? nl - 1 : nl;
      if (!headerDone || !lineEnds) {
        // The header (read by the probe; skipped here with any empty lines before it), or a record
        // that goes on past a lone \n: found as papaparse finds it.
        const stop = recordEnd(buf, p, final, crlf);
        if (stop < 0) break;
        const textOf = buf.toString('utf8', p, crlf && stop > p && buf[stop - 1] === 13 ? stop - 1 : stop);
        p = stop + 1;
        if (headerDone) parseRecords(textOf);
        else if (textOf.replace(/^\uFEFF/, '').replace(/[,\s]/g, '') !== '') headerDone = true;
        continue;
      }
      if (end === p) {
        p = nl + 1;
        continue;
      }
      // The last line of the file (no \n after it) is one `hint` did not see.
      const owner = part.count === 1 || nl < buf.length ? MINE : lineOwner(buf, p, end);
      if (owner !== MINE) {
        countOthers(owner, buf, p, end);
        p = nl + 1;
        continue;
      }
      const cells = split(buf, p, end);
      if (cells === width) {
        if (!fast(buf)) slow(buf.toString('utf8', p, end).split(','), false);
      } else if (cells > 0) {
        slow(buf.toString('utf8', p, end).split(','), false);
      } else {
        // A quote: the record may go on past this line.
        const stop = recordEnd(buf, p, final, crlf);
        if (stop < 0) break;
        parseRecords(buf.toString('utf8', p, crlf && stop > p && buf[stop - 1] === 13 ? stop - 1 : stop));
        p = stop + 1;
        continue;
      }
      p = nl + 1;
    }
    return p;
  }

  if (probe.gz) {
    const raw = createReadStream(probe.path, { highWaterMark: READ_BYTES });
    raw.on('data', (chunk) => {
      bytes += chunk.length; // bytes of the file, compressed for .gz, as readEvents reports them
    });
    let carry: Buffer | undefined;
    let first = true;
    for await (const chunk of pipeline(raw, createGunzip(), () => {}) as AsyncIterable<Buffer>) {
      let buf = carry === undefined || carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
      if (first) {
        if (hasBom(buf)) buf = buf.subarray(3);
        first = false;
      }
      const rest = take(buf, 0, false);
      carry = rest < buf.length ? Buffer.from(buf.subarray(rest)) : undefined;
      options.onProgress?.({ bytes, records });
    }
    if (carry !== undefined && carry.length > 0) take(carry, 0, true);
  } else {
    // Two buffers: the next chunk is read into one while `take` works on the other, so the thread
    // never waits for the disk between chunks. Each chunk lands after a gap of `reserve` bytes, into
    // which the unfinished record at the end of the chunk before is copied, so a record is always
    // whole in one buffer (a longer one is joined in a new buffer). Reused, never reallocated: a
    // stream would allocate every chunk and a joined copy, garbage the size of the file.
    const chunk = options.readBytes ?? READ_BYTES;
    const reserve = Math.max(1, chunk >> 3);
    const pair = [Buffer.allocUnsafe(reserve + chunk), Buffer.allocUnsafe(reserve + chunk)] as const;
    const handle = await open(probe.path, 'r');
    let next = 0; // the buffer the pending read fills
    let pending = handle.read(pair[0], reserve, chunk, 0);
    try {
      let rest: Buffer = Buffer.alloc(0); // the unfinished record: a view into the other buffer, or a joined copy
      for (let first = true; ; first = false) {
        const { bytesRead } = await pending;
        if (bytesRead === 0) break;
        bytes += bytesRead;
        const buf = pair[next]!;
        let view: Buffer;
        if (rest.length <= reserve) {
          rest.copy(buf, reserve - rest.length);
          view = buf.subarray(reserve - rest.length, reserve + bytesRead);
        } else view = Buffer.concat([rest, buf.subarray(reserve, reserve + bytesRead)]);
        // `rest` is copied out of the other buffer: it takes the next chunk while this one is read.
        next = 1 - next;
        pending = handle.read(pair[next]!, reserve, chunk, bytes);
        const start = first && hasBom(view) ? 3 : 0;
        // A new view each time: `take`'s caches (quotes, byte views) know a buffer by its identity.
        rest = view.subarray(start + take(view.subarray(start), 0, false));
        options.onProgress?.({ bytes, records });
      }
      if (rest.length > 0) take(rest, 0, true);
    } finally {
      await pending.catch(() => undefined); // no read may still write into the buffers, or outlive the handle
      await handle.close();
    }
  }
  options.onProgress?.({ bytes, records });

  const ignoredOut: Record<string, number> = {};
  for (const [rule, count] of [...ignored].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) ignoredOut[rule] = count;
  const meta: IngestMeta = {
    format: adapter.name,
    container: 'csv',
    records,
    events: rows,
    duplicates: 0,
    rejected: rejected.length,
    ignored: ignoredOut,
    recordsWithEvents: rows,
    recordsAllDuplicates: 0,
    notes: [...notes].sort(),
  };
  if (probe.detection !== undefined) meta.detection = probe.detection;
  return { file, meta, rejected, rows };
}

/** Fills a file's `events`, `duplicates` and record counts in once the table is deduplicated (one event per record). */
export function finishTableMeta(read: TableFileRead, duplicates: number): void {
  read.meta.events = read.rows - duplicates;
  read.meta.duplicates = duplicates;
  read.meta.recordsWithEvents = read.rows - duplicates;
  read.meta.recordsAllDuplicates = duplicates;
}

/** Bytes read at a time: a plain file into each of two buffers, after a gap of an eighth (1.1 MiB in all); a `.gz` file's stream chunks. */
const READ_BYTES = 1 << 19;

function hasBom(buf: Uint8Array): boolean {
  return buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
}

/** What `lineOwner` says of a line: this part reads it; another part does by its e-mail cell; part 0 does (and this is not part 0). */
const MINE = 0;
const HASHED = 1;
const PART_ZERO = 2;

/** A copy of `a` twice as long. */
function grown<T extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(a: T): T {
  const out = new (a.constructor as new (length: number) => T)(a.length * 2);
  out.set(a);
  return out;
}

/** Thrown when a file turns out to hold what the table cannot: the caller reads it with the object path. */
export class NotTabular extends Error {}

/** A type cell's meaning: an event (its type id in each table), an ignore rule, or a record for `slow`. */
type TypeEntry = { kind: 'event'; types: number[] } | { kind: 'ignored'; rule: string } | { kind: 'slow' };

/** The header index of each column the generic reader reads, found as `read` finds it; -1 when absent. */
function columnsOf(headers: readonly string[], parts: GenericParts): Columns | undefined {
  const sample = csvRecord(headers, headers.map(() => 'x')) as Record<string, string>;
  const index = (name: string | undefined): number => {
    if (name === undefined) return -1;
    let key: string | undefined;
    if (Object.prototype.hasOwnProperty.call(sample, name)) key = name;
    else {
      const loose = looseKey(name);
      key = Object.keys(sample).find((k) => looseKey(k) === loose);
    }
    if (key === undefined) return name.includes('.') ? -2 : -1;
    const i = headers.indexOf(key);
    return headers.indexOf(key, i + 1) >= 0 ? -2 : i; // a repeated header: the first non-empty cell wins, row by row
  };
  const m = parts.mapping;
  const out = { contact: index(m.contact), type: index(m.type), at: index(m.at), campaign: index(m.campaign), message: index(m.message), url: index(m.url) };
  return Object.values(out).some((i) => i === -2) ? undefined : out;
}

/**
 * The end of the CSV record that starts at `start` (the index of its `\n`, or `buf.length` at the
 * end of the input), reading quotes as papaparse does; with `crlf`, only a `\n` after `\r` ends it.
 * -1 when the record goes on past the buffer. Malformed quoting throws {@link NotTabular}: the
 * object path (papaparse's own recovery) then reads the file.
 */
function recordEnd(buf: Buffer, start: number, final: boolean, crlf: boolean): number {
  let i = start;
  let fieldStart = true;
  while (i < buf.length) {
    const b = buf[i]!;
    if (fieldStart && b === 34) {
      i += 1;
      for (;;) {
        if (i >= buf.length) {
          if (final) throw new NotTabular('a quote is never closed');
          return -1;
        }
        if (buf[i] === 34) {
          if (buf[i + 1] === 34) i += 2;
          else if (i + 1 >= buf.length && !final) return -1;
          else break;
        } else i += 1;
      }
      i += 1;
      const next = buf[i];
      // Text after a closing quote: papaparse's recovery decides such a file, so it reads it.
      if (i < buf.length && next !== 44 && next !== 10 && next !== 13) throw new NotTabular('text follows a closing quote');
      fieldStart = false;
      continue;
    }
    if (b === 34) throw new NotTabular('a quote inside an unquoted cell');
    if (b === 10 && (!crlf || (i > start && buf[i - 1] === 13))) return i;
    fieldStart = b === 44;
    i += 1;
  }
  return final ? buf.length : -1;
}

const FRACTION = [1, 10, 100, 1000].map((scale, digits) => {
  const out = new Int16Array(scale);
  for (let v = 0; v < scale && digits > 0; v++) out[v] = Math.floor(Number(`0.${String(v).padStart(digits, '0')}`) * 1000);
  return out;
});
const MIN = Date.UTC(1990, 0, 1);
const MAX = Date.UTC(2200, 0, 1);
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The digit at `buf[i]`, or -1000 (which makes any sum negative). */
function digit(buf: Buffer, i: number): number {
  const d = buf[i]! - 48;
  return d >= 0 && d <= 9 ? d : -1000;
}

/**
 * The two shapes most exports write, read straight from the bytes with the results `parseTimestamp`
 * gives: `YYYY-MM-DD[T ]HH:MM:SS[.f{1,3}]Z` and 10-digit epoch seconds or 13-digit epoch ms.
 * `undefined` for anything else (the caller then uses `readTime`).
 *
 * @internal Exported for tests.
 */
export function quickTime(buf: Buffer, s: number, e: number): number | undefined {
  const len = e - s;
  if (len === 10 || len === 13) {
    let n = 0;
    for (let i = s; i < e; i++) {
      const d = buf[i]! - 48;
      if (d < 0 || d > 9) return undefined;
      n = n * 10 + d;
    }
    const at = len === 10 ? n * 1000 : n;
    return at < MIN || at > MAX ? undefined : at;
  }
  if (len < 20 || len > 24 || buf[e - 1] !== 90 /* Z */) return undefined;
  if (buf[s + 4] !== 45 || buf[s + 7] !== 45 || (buf[s + 10] !== 84 && buf[s + 10] !== 32) || buf[s + 13] !== 58 || buf[s + 16] !== 58) return undefined;
  const y = digit(buf, s + 0) * 1000 + digit(buf, s + 1) * 100 + digit(buf, s + 2) * 10 + digit(buf, s + 3);
  const mo = digit(buf, s + 5) * 10 + digit(buf, s + 6);
  const d = digit(buf, s + 8) * 10 + digit(buf, s + 9);
  const h = digit(buf, s + 11) * 10 + digit(buf, s + 12);
  const mi = digit(buf, s + 14) * 10 + digit(buf, s + 15);
  const sec = digit(buf, s + 17) * 10 + digit(buf, s + 18);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return undefined;
  const leap = mo === 2 && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
  if (d > DAYS[mo - 1]! + (leap ? 1 : 0)) return undefined;
  let ms = 0;
  if (len > 20) {
    if (buf[s + 19] !== 46) return undefined;
    const digits = len - 21;
    if (digits < 1) return undefined;
    let v = 0;
    for (let i = 20; i < 20 + digits; i++) {
      const x = digit(buf, s + i);
      if (x < 0) return undefined;
      v = v * 10 + x;
    }
    ms = FRACTION[digits]![v]!;
  } else if (buf[s + 19] !== 90) return undefined;
  const at = (((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi) * 60 + sec) * 1000 + ms;
  return at < MIN || at > MAX ? undefined : at;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`), for years ≥ 0: `Date.UTC` without the call. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
