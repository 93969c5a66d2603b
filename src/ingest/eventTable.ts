import type { EngagementEvent } from '../model/event.js';
import type { EventDraft } from './adapter.js';

/** Rows per column chunk: columns grow chunk by chunk, never by copying what they hold. */
const CHUNK = 1 << 16;
const SHIFT = 16;
const MASK = CHUNK - 1;
/** A time kept as whole seconds (ms apart) unless it is this: then its chunk of `wide` holds it. */
const WIDE = 0xffffffff;

/** A string-id column's chunk: id + 1 (0 for none), 8 bits a row while the ids fit, then 16, else 32. */
type IdChunk = Uint8Array | Uint16Array | Int32Array;

/** The `source` of the events a table gives back: the generic reader, no record number (the table keeps none). */
const TABLE_SOURCE = Object.freeze({ format: 'generic', record: 0 });

/** What {@link EventTable.dedupe} found: duplicates per file and between files. */
export interface TableDedupe {
  /** Per file index: events dropped as duplicates inside that file. */
  duplicates: number[];
  /** Events that stood identically in two files: kept once. */
  crossFile: number;
}

/**
 * An {@link EventTable}'s rows and dictionaries as plain data, to hand to another thread (the
 * column chunks' buffers can be transferred) and {@link EventTable.absorb} there.
 */
export interface TableSnapshot {
  contacts: string[];
  types: string[];
  /** Per type id: its bounce class (0 none, 1 hard, 2 soft). */
  typeBounce: number[];
  strings: string[];
  rows: number;
  contact: Int32Array[];
  type: Uint8Array[];
  sec: Uint32Array[];
  ms: (Uint16Array | undefined)[];
  wide: (Float64Array | undefined)[];
  campaign: (IdChunk | undefined)[];
  message: (IdChunk | undefined)[];
  url: (IdChunk | undefined)[];
  file: (Uint16Array | undefined)[];
}

/**
 * Events in columns: one typed-array column per field, strings stored once in dictionaries, so a
 * row costs about 11 bytes instead of an object of a few hundred, 7 once deduplicated (the contact
 * id goes: the rows lie by contact). Times are whole seconds, with the milliseconds beside them only
 * where a chunk has some; a type id stands for the type and its bounce class; string ids take 8 or
 * 16 bits while they fit. It holds the fields the scoring model reads (contact, type, time,
 * campaign, message, URL, bounce class) and the file each row came from; events that carry anything
 * else (provider ids, user agents, machine flags) take the object path (`parseEvents` →
 * `scoreContacts`). `dedupe()` applies the ingest rules to the whole table (same contact, type,
 * time, message and URL in one file: one event, the lesser kept; the same event in two files: kept
 * once), then each contact's rows are `firstRow` … `firstRow + rowCount - 1`.
 *
 * @example
 * const table = new EventTable();
 * table.append(table.contactId('ann@x.com'), table.typeId('open')!, 1714554000000, table.stringId('spring'), -1, -1, 0);
 * table.append(table.contactId('ann@x.com'), table.typeId('bounce', 2)!, 1714557600000, table.stringId('spring'), -1, -1, 0); // a soft bounce
 * table.dedupe();
 */
export class EventTable {
  /** Canonical e-mail per contact id. */
  readonly contacts: string[] = [];
  /** Event type per type id. */
  readonly types: string[] = [];
  /**
   * Per type id: its bounce class (0 none, 1 hard, 2 soft) and the first id of its name (equal for
   * ids of one name, and ordered as the names first came). A type id stands for a name and a bounce
   * class, so that the class takes no column of its own: `'bounce'` hard and soft are two ids of one name.
   */
  private readonly typeBounce: number[] = [];
  private readonly typeName: number[] = [];
  /** Campaigns, messages and URLs per string id. */
  readonly strings: string[] = [];
  /** Contact id per e-mail; dropped by `dedupe` (a few MB at 100k contacts) and `addContact`, and made again if asked. */
  private contactIds: Map<string, number> | undefined = new Map();
  /** Type id per name, one map per bounce class. */
  private readonly typeIds = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  private readonly stringIds = new Map<string, number>();
  private rows = 0;
  private readonly contactCol: Int32Array[] = [];
  private readonly typeCol: Uint8Array[] = [];
  private readonly secCol: Uint32Array[] = [];
  private readonly msCol: (Uint16Array | undefined)[] = [];
  private readonly wideCol: (Float64Array | undefined)[] = [];
  private readonly campaignCol: (IdChunk | undefined)[] = [];
  private readonly messageCol: (IdChunk | undefined)[] = [];
  private readonly urlCol: (IdChunk | undefined)[] = [];
  private readonly fileCol: (Uint16Array | undefined)[] = [];
  private starts: Int32Array | undefined;
  private lengths: Int32Array | undefined;

  /**
   * @param options.carrier A table that only carries rows to another (see {@link absorb}): it
   *   cannot be deduplicated.
   */
  constructor(private readonly options: { carrier?: boolean } = {}) {}

  /** Rows appended (before dedupe). */
  get size(): number {
    return this.rows;
  }

  /** The id of a canonical e-mail address (new ids count up from 0). */
  contactId(email: string): number {
    return intern((this.contactIds ??= this.indexContacts()), this.contacts, email);
  }

  /**
   * Adds a contact whose canonical address the caller knows is not in the table yet (a reader that
   * keeps its own index of addresses, see `readEventTable`) and returns its id: no lookup, and the
   * address → id map is made again only if {@link contactId} or {@link hasContact} is asked later.
   */
  addContact(email: string): number {
    this.contactIds = undefined;
    return this.contacts.push(email) - 1;
  }

  /** Whether the table has rows of this canonical e-mail address. */
  hasContact(email: string): boolean {
    return (this.contactIds ??= this.indexContacts()).has(email);
  }

  /**
   * The id of an event type with a bounce class (0 none, 1 hard, 2 soft); at most 256 ids, each
   * name with each class it comes with (`undefined` past that).
   */
  typeId(type: string, bounce = 0): number | undefined {
    const ids = this.typeIds[bounce]!;
    const known = ids.get(type);
    if (known !== undefined) return known;
    if (this.types.length >= 256) return undefined;
    const first = this.types.indexOf(type); // at most 256 names, and only for a new id
    const id = this.types.push(type) - 1;
    this.typeBounce.push(bounce);
    this.typeName.push(first < 0 ? id : first);
    ids.set(type, id);
    return id;
  }

  /** The id of a campaign, message or URL string; `-1` for none. */
  stringId(value: string | undefined): number {
    return value === undefined ? -1 : intern(this.stringIds, this.strings, value);
  }

  /** Appends one row; `type` is a {@link typeId} (with the bounce class), `campaign`, `message`, `url` are string ids or -1. */
  append(contact: number, type: number, at: number, campaign: number, message: number, url: number, file: number): void {
    if (this.starts !== undefined) throw new Error('EventTable: append after dedupe');
    const c = this.rows >>> SHIFT;
    const i = this.rows & MASK;
    if (i === 0) {
      this.contactCol.push(new Int32Array(CHUNK));
      this.typeCol.push(new Uint8Array(CHUNK));
      this.secCol.push(new Uint32Array(CHUNK));
      this.msCol.push(undefined);
      this.wideCol.push(undefined);
      this.campaignCol.push(undefined);
      this.messageCol.push(undefined);
      this.urlCol.push(undefined);
      this.fileCol.push(undefined);
    }
    this.contactCol[c]![i] = contact;
    this.typeCol[c]![i] = type;
    // Optional columns are made for a chunk only when a row in it has a value.
    const sec = Math.floor(at / 1000);
    if (sec >= 0 && sec < WIDE && Number.isInteger(at)) {
      this.secCol[c]![i] = sec;
      if (at !== sec * 1000) (this.msCol[c] ??= new Uint16Array(CHUNK))[i] = at - sec * 1000;
    } else {
      this.secCol[c]![i] = WIDE;
      (this.wideCol[c] ??= new Float64Array(CHUNK))[i] = at;
    }
    if (campaign >= 0) putId(this.campaignCol, c, i, campaign);
    if (message >= 0) putId(this.messageCol, c, i, message);
    if (url >= 0) putId(this.urlCol, c, i, url);
    if (file !== 0) (this.fileCol[c] ??= new Uint16Array(CHUNK))[i] = file;
    this.rows += 1;
  }

  /**
   * Appends an event read by an adapter (as contact `contact` when the caller knows its id). Returns
   * false (and appends nothing) when it carries a field the table does not hold (id, user agent, IP,
   * machine flag) or a 257th type: read such input with the object path instead.
   */
  appendDraft(event: EventDraft, file: number, contact?: number): boolean {
    if (event.id !== undefined || event.userAgent !== undefined || event.ip !== undefined || event.machine !== undefined || event.machineReason !== undefined) return false;
    const type = this.typeId(event.type, bounceCode(event.bounce));
    if (type === undefined) return false;
    this.append(contact ?? this.contactId(event.contact), type, event.at, this.stringId(event.campaign), this.stringId(event.message), this.stringId(event.url), file);
    return true;
  }

  /**
   * The rows and dictionaries as plain data (see {@link TableSnapshot}); the table must not be used
   * after its buffers are transferred.
   */
  snapshot(): TableSnapshot {
    return {
      contacts: this.contacts,
      types: this.types,
      typeBounce: this.typeBounce,
      strings: this.strings,
      rows: this.rows,
      contact: this.contactCol,
      type: this.typeCol,
      sec: this.secCol,
      ms: this.msCol,
      wide: this.wideCol,
      campaign: this.campaignCol,
      message: this.messageCol,
      url: this.urlCol,
      file: this.fileCol,
    };
  }

  /** The buffers of a snapshot, to transfer it to another thread without a copy. */
  static buffers(s: TableSnapshot): ArrayBuffer[] {
    const out: ArrayBuffer[] = [];
    for (const col of [s.contact, s.type, s.sec, s.ms, s.wide, s.campaign, s.message, s.url, s.file]) for (const chunk of col) if (chunk !== undefined) out.push(chunk.buffer as ArrayBuffer);
    return out;
  }

  /** Appends every row of another table's snapshot, its ids translated into this table's dictionaries. */
  absorb(s: TableSnapshot): void {
    const contactIds = new Int32Array(s.contacts.length).fill(-1);
    const typeIds = new Int32Array(s.types.length).fill(-1);
    const stringIds = new Int32Array(s.strings.length).fill(-2);
    const str = (id: number): number => {
      if (id < 0) return -1;
      let out = stringIds[id]!;
      if (out === -2) stringIds[id] = out = this.stringId(s.strings[id]!);
      return out;
    };
    for (let r = 0; r < s.rows; r++) {
      const c = r >>> SHIFT;
      const i = r & MASK;
      const local = s.contact[c]![i]!;
      let contact = contactIds[local]!;
      if (contact < 0) contactIds[local] = contact = this.contactId(s.contacts[local]!);
      const t = s.type[c]![i]!;
      let type = typeIds[t]!;
      if (type < 0) {
        const id = this.typeId(s.types[t]!, s.typeBounce[t]!);
        if (id === undefined) throw new Error('EventTable: more than 256 event types');
        typeIds[t] = type = id;
      }
      this.append(
        contact,
        type,
        timeIn(s.sec, s.ms, s.wide, c, i),
        str((s.campaign[c]?.[i] ?? 0) - 1),
        str((s.message[c]?.[i] ?? 0) - 1),
        str((s.url[c]?.[i] ?? 0) - 1),
        s.file[c]?.[i] ?? 0,
      );
    }
  }

  /** Row `r`'s column value (string ids: -1 for none). */
  campaignOf(r: number): number {
    return (this.campaignCol[r >>> SHIFT]?.[r & MASK] ?? 0) - 1;
  }

  /** Row `r`'s column value (string ids: -1 for none). */
  messageOf(r: number): number {
    return (this.messageCol[r >>> SHIFT]?.[r & MASK] ?? 0) - 1;
  }

  /** Row `r`'s column value (string ids: -1 for none). */
  urlOf(r: number): number {
    return (this.urlCol[r >>> SHIFT]?.[r & MASK] ?? 0) - 1;
  }

  /** Row `r`'s column value (string ids: -1 for none). */
  bounceOf(r: number): number {
    return this.typeBounce[this.typeCol[r >>> SHIFT]![r & MASK]!]!;
  }

  /** The bounce class of a type id (0 none, 1 hard, 2 soft): `bounceOf` a row of that type. */
  bounceOfType(type: number): number {
    return this.typeBounce[type]!;
  }

  /** Row `r`'s column value (string ids: -1 for none). */
  fileOf(r: number): number {
    return this.fileCol[r >>> SHIFT]?.[r & MASK] ?? 0;
  }

  /** Row `r`'s column value (string ids: -1 for none). */
  atOf(r: number): number {
    return timeIn(this.secCol, this.msCol, this.wideCol, r >>> SHIFT, r & MASK);
  }

  /** Row `r`'s type name, as the first type id of that name (ids of one name differ in bounce class only). */
  private typeNameOf(r: number): number {
    return this.typeName[this.typeCol[r >>> SHIFT]![r & MASK]!]!;
  }

  /** Row `r`'s type id. */
  typeOf(r: number): number {
    return this.typeCol[r >>> SHIFT]![r & MASK]!;
  }

  /**
   * Groups the rows by contact and drops duplicates, as the ingest collector and the CLI's merge of
   * several files do: inside one file, one event per (contact, type, time, message, URL), keeping the
   * lesser by campaign then bounce class; across files, one copy of identical events. Call once,
   * after the last `append`. The rows move: afterwards each contact's kept rows lie together in
   * their canonical order (see {@link firstRow}), and the table keeps no row order beside them.
   */
  dedupe(fileCount = 1): TableDedupe {
    if (this.options.carrier === true) throw new Error('EventTable: a carrier table is absorbed, not deduplicated');
    const n = this.rows;
    const contacts = this.contacts.length;
    const starts = new Int32Array(contacts + 1);
    for (let k = 0; k < this.contactCol.length; k++) {
      const col = this.contactCol[k]!;
      const end = Math.min(CHUNK, n - k * CHUNK);
      for (let i = 0; i < end; i++) starts[col[i]! + 1]! += 1;
    }
    for (let c = 0; c < contacts; c++) starts[c + 1]! += starts[c]!;
    const order = new Int32Array(n);
    const fill = starts.slice(0, contacts);
    for (let k = 0; k < this.contactCol.length; k++) {
      const col = this.contactCol[k]!;
      const end = Math.min(CHUNK, n - k * CHUNK);
      for (let i = 0; i < end; i++) order[fill[col[i]!]!++] = k * CHUNK + i;
    }
    // The rows move into contact order, so that each contact's rows lie together for the sort
    // below and for scoring (the input's random order made every row read a cache miss).
    this.gather(order);
    const lengths = new Int32Array(contacts);
    const duplicates = new Array<number>(Math.max(1, fileCount)).fill(0);
    let crossFile = 0;
    const strings = this.strings;
    // Bounce codes 0 none, 1 hard, 2 soft sort as `undefined < 'hard' < 'soft'`, as compareContent does.
    const campaignText = (r: number): string | undefined => {
      const id = this.campaignOf(r);
      return id < 0 ? undefined : strings[id];
    };
    const compare = (a: number, b: number): number =>
      this.atOf(a) - this.atOf(b) ||
      this.typeNameOf(a) - this.typeNameOf(b) ||
      this.messageOf(a) - this.messageOf(b) ||
      this.urlOf(a) - this.urlOf(b) ||
      this.fileOf(a) - this.fileOf(b) ||
      compareOptional(campaignText(a), campaignText(b)) ||
      this.bounceOf(a) - this.bounceOf(b);
    const sameKey = (a: number, b: number): boolean =>
      this.atOf(a) === this.atOf(b) &&
      this.typeNameOf(a) === this.typeNameOf(b) &&
      this.messageOf(a) === this.messageOf(b) &&
      this.urlOf(a) === this.urlOf(b);
    // A contact's rows are few (tens): insertion sort on their times, the full comparison only
    // between rows of the same time, beats a comparator sort; many rows take the sort. `rows`
    // holds one contact's rows (their numbers) while they are sorted and thinned.
    let rows = new Int32Array(64);
    const at = new Float64Array(48);
    const sortRows = (len: number): void => {
      if (len > 48) {
        rows.subarray(0, len).sort(compare);
        return;
      }
      for (let i = 0; i < len; i++) at[i] = this.atOf(rows[i]!);
      for (let i = 1; i < len; i++) {
        const r = rows[i]!;
        const t = at[i]!;
        let j = i - 1;
        while (j >= 0 && (at[j]! > t || (at[j] === t && compare(rows[j]!, r) > 0))) {
          rows[j + 1] = rows[j]!;
          at[j + 1] = at[j]!;
          j--;
        }
        rows[j + 1] = r;
        at[j + 1] = t;
      }
    };
    const move = new RowMove(this.movableColumns());
    for (let c = 0; c < contacts; c++) {
      const s = starts[c]!;
      const e = starts[c + 1]!;
      if (e - s > rows.length) rows = new Int32Array(2 * (e - s));
      for (let i = s; i < e; i++) rows[i - s] = i;
      if (e - s > 1) sortRows(e - s);
      // The insertion sort leaves the rows' times in `at`, in their sorted order: rows of different
      // times (most) are told apart without reading the table again.
      const timed = e - s > 1 && e - s <= 48;
      let w = 0;
      let groupStart = 0; // first kept row of the current (type, time, message, URL) group
      let prev = -1; // the row before, kept or not: a file's duplicates sort next to each other
      for (let i = 0; i < e - s; i++) {
        const r = rows[i]!;
        const same = prev >= 0 && (!timed || at[i - 1] === at[i]) && sameKey(prev, r);
        const sameFile = same && this.fileOf(prev) === this.fileOf(r);
        prev = r;
        if (sameFile) {
          duplicates[this.fileOf(r)]! += 1;
          continue;
        }
        if (same) {
          // The lesser of its file: kept unless another file has the identical event.
          let copy = false;
          for (let j = groupStart; j < w && !copy; j++) copy = this.campaignOf(rows[j]!) === this.campaignOf(r) && this.bounceOf(rows[j]!) === this.bounceOf(r);
          if (copy) {
            crossFile += 1;
            continue;
          }
        } else groupStart = w;
        rows[w++] = r;
      }
      // The kept rows, in their order, to the front of the contact's place (most often already there).
      move.toFront(s, rows, w);
      lengths[c] = w;
    }
    this.contactIds = undefined; // what reads the table from here on goes by contact id
    this.starts = starts;
    this.lengths = lengths;
    return { duplicates, crossFile };
  }

  /**
   * Reorders every column so that new row `i` is old row `order[i]`; the contact column is dropped
   * (`starts` holds it). Column by column, each into the memory of the columns done before it (the
   * contact column's first): the table never holds two copies of its rows.
   */
  private gather(order: Int32Array): void {
    const n = this.rows;
    const free = new Slabs();
    for (const chunk of this.contactCol) free.give(chunk);
    this.contactCol.length = 0;
    const swap = <T extends Column>(target: (T | undefined)[], make: (slab: Slabs) => T): void => {
      const next = gatherColumn(target, order, n, () => make(free));
      for (const chunk of target) if (chunk !== undefined) free.give(chunk);
      target.length = 0;
      for (const c of next) target.push(c);
    };
    swap(this.secCol, (f) => f.take(Uint32Array));
    swap(this.typeCol, (f) => f.take(Uint8Array));
    swap(this.msCol, (f) => f.take(Uint16Array));
    swap(this.wideCol, (f) => f.take(Float64Array));
    // Every id is below strings.length, so it and the stored id + 1 fit the narrowest of these.
    const most = this.strings.length;
    const ids = (f: Slabs): IdChunk => (most < 0xff ? f.take(Uint8Array) : most < 0xffff ? f.take(Uint16Array) : f.take(Int32Array));
    swap(this.campaignCol, ids);
    swap(this.messageCol, ids);
    swap(this.urlCol, ids);
    swap(this.fileCol, (f) => f.take(Uint16Array));
  }

  /**
   * The rows left after `dedupe` as events, contact by contact (each in the order of
   * {@link contactRows}): for the steps that take event objects (the campaign report, calibration)
   * once the file was read the columnar way. `source` names the generic reader (every row the table
   * holds came through it) and record 0: the table keeps no record numbers.
   */
  toEvents(): EngagementEvent[] {
    const out: EngagementEvent[] = [];
    for (let c = 0; c < this.contacts.length; c++) {
      const contact = this.contacts[c]!;
      const first = this.firstRow(c);
      for (let r = first; r < first + this.rowCount(c); r++) out.push(this.eventOf(r, contact));
    }
    return out;
  }

  /** Row `r` of `contact` as an event (see {@link toEvents}). */
  eventOf(r: number, contact: string): EngagementEvent {
    const e: EngagementEvent = { contact, type: this.types[this.typeOf(r)]!, at: this.atOf(r), source: TABLE_SOURCE };
    const campaign = this.campaignOf(r);
    if (campaign >= 0) e.campaign = this.strings[campaign]!;
    const message = this.messageOf(r);
    if (message >= 0) e.message = this.strings[message]!;
    const url = this.urlOf(r);
    if (url >= 0) e.url = this.strings[url]!;
    const bounce = this.bounceOf(r);
    if (bounce !== 0) e.bounce = bounce === 2 ? 'soft' : 'hard';
    return e;
  }

  /** The first row of contact `id` after `dedupe`: its rows are `firstRow(id)` … `firstRow(id) + rowCount(id) - 1`, in a canonical order. */
  firstRow(id: number): number {
    if (this.starts === undefined) throw new Error('EventTable: call dedupe() first');
    return this.starts[id]!;
  }

  /** How many rows contact `id` has after `dedupe` (see {@link firstRow}). */
  rowCount(id: number): number {
    if (this.lengths === undefined) throw new Error('EventTable: call dedupe() first');
    return this.lengths[id]!;
  }

  /** The rows of contact `id` after `dedupe` (see {@link firstRow}), as a new array of row numbers. */
  contactRows(id: number): Int32Array {
    const first = this.firstRow(id);
    return Int32Array.from({ length: this.rowCount(id) }, (_, k) => first + k);
  }

  private indexContacts(): Map<string, number> {
    return new Map(this.contacts.map((email, id) => [email, id]));
  }

  /** The columns that hold chunks (after `gather`, every chunk of each). */
  private movableColumns(): Column[][] {
    const cols: (Column | undefined)[][] = [this.typeCol, this.secCol, this.msCol, this.wideCol, this.campaignCol, this.messageCol, this.urlCol, this.fileCol];
    return cols.filter((col) => col.some((chunk) => chunk !== undefined)) as Column[][];
  }
}

/** A bounce class as {@link EventTable.typeId} takes it: 0 none, 1 hard, 2 soft. */
export function bounceCode(bounce: 'hard' | 'soft' | undefined): number {
  return bounce === 'hard' ? 1 : bounce === 'soft' ? 2 : 0;
}

/** The id of `value` in a dictionary (its index in `values`), added when new. */
function intern(ids: Map<string, number>, values: string[], value: string): number {
  let id = ids.get(value);
  if (id === undefined) {
    id = values.length;
    values.push(value);
    ids.set(value, id);
  }
  return id;
}

type Column = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/**
 * Moves rows inside the range of one contact: `toFront(s, rows, w)` writes rows `rows[0..w)` (all at
 * or after `s`) to `s`, `s + 1`, … in every column, through a scratch copy, so the order of a few
 * rows is applied where they lie. Nothing moves when they are already `s`, `s + 1`, ….
 */
class RowMove {
  private scratch = new Float64Array(64);

  constructor(private readonly columns: readonly Column[][]) {}

  toFront(s: number, rows: Int32Array, w: number): void {
    let k = 0;
    while (k < w && rows[k] === s + k) k++;
    if (k === w) return;
    if (w > this.scratch.length) this.scratch = new Float64Array(2 * w);
    const tmp = this.scratch;
    for (const col of this.columns) {
      for (let j = k; j < w; j++) {
        const r = rows[j]!;
        tmp[j] = col[r >>> SHIFT]![r & MASK]!;
      }
      for (let j = k; j < w; j++) {
        const r = s + j;
        col[r >>> SHIFT]![r & MASK] = tmp[j]!;
      }
    }
  }
}

/**
 * Memory of column chunks that are no longer needed, handed out again as chunks of any type (a
 * 256 KB chunk of 32-bit values becomes two of 16 bits, say); new memory only when none is left.
 */
class Slabs {
  private readonly pieces: { buffer: ArrayBuffer; offset: number; bytes: number }[] = [];

  give(chunk: Column): void {
    this.pieces.push({ buffer: chunk.buffer as ArrayBuffer, offset: chunk.byteOffset, bytes: chunk.byteLength });
  }

  /** A zeroed chunk of `CHUNK` values of `type`. */
  take<T extends Column>(type: { new (buffer: ArrayBuffer, offset: number, length: number): T; new (length: number): T; BYTES_PER_ELEMENT: number }): T {
    const bytes = CHUNK * type.BYTES_PER_ELEMENT;
    for (let k = this.pieces.length - 1; k >= 0; k--) {
      const piece = this.pieces[k]!;
      if (piece.bytes < bytes) continue;
      const chunk = new type(piece.buffer, piece.offset, CHUNK);
      if (piece.bytes === bytes) this.pieces.splice(k, 1);
      else {
        piece.offset += bytes;
        piece.bytes -= bytes;
      }
      chunk.fill(0);
      return chunk;
    }
    return new type(CHUNK);
  }
}

/**
 * A chunked column reordered by `order` into chunks made by `make` (absent chunks read as 0);
 * unchanged when it has no chunk.
 */
function gatherColumn<T extends Column>(col: readonly (T | undefined)[], order: Int32Array, n: number, make: () => T): (T | undefined)[] {
  if (col.every((c) => c === undefined)) return [...col];
  const out: T[] = [];
  for (let k = 0; k * CHUNK < n; k++) {
    const dst = make();
    const end = Math.min(CHUNK, n - k * CHUNK);
    for (let i = 0; i < end; i++) {
      const r = order[k * CHUNK + i]!;
      const src = col[r >>> SHIFT];
      dst[i] = src === undefined ? 0 : src[r & MASK]!;
    }
    out.push(dst);
  }
  return out;
}

/** The time (epoch ms) of row `i` of chunk `c`: whole seconds, plus the chunk's milliseconds, or the wide value. */
function timeIn(sec: readonly Uint32Array[], ms: readonly (Uint16Array | undefined)[], wide: readonly (Float64Array | undefined)[], c: number, i: number): number {
  const s = sec[c]![i]!;
  if (s === WIDE) return wide[c]![i]!;
  const m = ms[c];
  return m === undefined ? s * 1000 : s * 1000 + m[i]!;
}

/** Sets row `i` of chunk `c` of a string-id column to `id` (stored as id + 1), widening the chunk (8 → 16 → 32 bits) when the id needs it. */
function putId(col: (IdChunk | undefined)[], c: number, i: number, id: number): void {
  let chunk = col[c];
  if (chunk === undefined) col[c] = chunk = id < 0xff ? new Uint8Array(CHUNK) : id < 0xffff ? new Uint16Array(CHUNK) : new Int32Array(CHUNK);
  else if (id >= 0xff && chunk instanceof Uint8Array) col[c] = chunk = id < 0xffff ? Uint16Array.from(chunk) : Int32Array.from(chunk);
  else if (id >= 0xffff && chunk instanceof Uint16Array) col[c] = chunk = Int32Array.from(chunk);
  chunk[i] = id + 1;
}

function compareOptional(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}
