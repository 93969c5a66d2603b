import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { EventMapping } from '../ingest/mapping.js';
import type { IngestMeta, Rejection } from '../ingest/result.js';
import { compareContent, compareEvents } from '../ingest/result.js';
import type { EngagementEvent } from '../model/event.js';
import { LeadrankError } from '../model/errors.js';
import { EventTable, type TableSnapshot } from '../ingest/eventTable.js';
import type { TableScores } from '../score/scoreEventTable.js';
import { readEvents } from '../node/readEvents.js';
import { finishTableMeta, NotTabular, probeEventTable, readEventTable, type TableFileRead, type TableProbe } from '../node/readEventTable.js';
import type { ParsedArgs } from './args.js';
import { stringOption } from './args.js';
import { UsageError } from './exitCodes.js';
import { collectGarbage } from './memory.js';
import type { Progress } from './progress.js';

/** A rejected record with the file it came from. */
export interface FileRejection extends Rejection {
  file: string;
}

/** What one event file gave. */
export interface FileRead {
  file: string;
  meta: IngestMeta;
}

/** All event files of a run, merged. */
export interface EventsRead {
  events: EngagementEvent[];
  rejected: FileRejection[];
  files: FileRead[];
  /** The same event in two files: kept once. */
  crossFileDuplicates: number;
}

/**
 * All event files of a run read the columnar way (`events` stays empty): into one `table` (see
 * {@link readEventTableFiles}), or already scored by worker threads (`scores`, see `scoreTableInThreads`).
 */
export interface EventsTableRead extends EventsRead {
  table?: EventTable;
  scores?: TableScores;
}

/** How to read event files: input format, mapping, time zone. */
export interface EventReadOptions {
  format?: string;
  mapping?: EventMapping;
  timezone?: string;
}

/**
 * The event-reading options of a command line (`--input-format`, `--mapping`, `--timezone`).
 *
 * @example
 * const options = await eventReadOptions(args, io.cwd, 'score');
 */
export async function eventReadOptions(args: ParsedArgs, cwd: string, command: string): Promise<EventReadOptions> {
  const out: EventReadOptions = {};
  const format = stringOption(args, 'input-format');
  if (format !== undefined) out.format = format;
  const timezone = stringOption(args, 'timezone');
  if (timezone !== undefined) out.timezone = timezone;
  const mappingPath = stringOption(args, 'mapping');
  if (mappingPath !== undefined) out.mapping = await readMapping(resolve(cwd, mappingPath), command);
  return out;
}

async function readMapping(path: string, command: string): Promise<EventMapping> {
  const file = basename(path);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new LeadrankError([{ code: 'invalid_mapping', file, message: `cannot be read as JSON (${why})` }]);
  }
  const m = raw as Record<string, unknown> | null;
  const bad = m === null || typeof m !== 'object' || Array.isArray(m) || typeof m['contact'] !== 'string' || typeof m['at'] !== 'string';
  if (bad) {
    throw new UsageError(`${file} must be a JSON object naming at least the columns "contact" and "at" (and "type" or "defaultType"), e.g. {"contact":"E-mail","type":"Activity","at":"When"}`, command);
  }
  return m as unknown as EventMapping;
}

/**
 * Reads several event files (any providers, auto-detected per file) into one run. With a mapping and
 * no `--input-format`, a file a provider reader recognises is read by it; the mapping is used for the
 * others. An event found in two files is kept once.
 *
 * @example
 * const { events, rejected, files } = await readEventFiles(['sendgrid.json', 'mailgun.json'], {}, io.cwd);
 */
export async function readEventFiles(paths: readonly string[], options: EventReadOptions, cwd: string, progress?: Progress): Promise<EventsRead> {
  const all: EngagementEvent[] = [];
  const rejected: FileRejection[] = [];
  const files: FileRead[] = [];
  const sizes = await Promise.all(paths.map((p) => fileSize(resolve(cwd, p), p)));
  progress?.start(sizes.reduce((a, b) => a + b, 0));
  let done = 0;
  for (const [i, p] of paths.entries()) {
    const path = resolve(cwd, p);
    const name = p;
    const onProgress = progress === undefined ? undefined : ({ bytes, records }: { bytes: number; records: number }) => progress.update(done + bytes, records, name);
    const result = await readOne(path, name, options, onProgress);
    done += sizes[i] ?? 0;
    files.push({ file: name, meta: result.meta });
    for (const e of result.events) all.push(e);
    for (const r of result.rejected) rejected.push({ file: name, ...r });
  }
  progress?.finish();
  const { events, duplicates } = dropCrossFileDuplicates(all, files.length);
  return { events, rejected, files, crossFileDuplicates: duplicates };
}

async function readOne(path: string, name: string, options: EventReadOptions, onProgress?: (p: { bytes: number; records: number }) => void) {
  const base = { name, ...(options.timezone === undefined ? {} : { timezone: options.timezone }), ...(onProgress === undefined ? {} : { onProgress }) };
  if (options.format !== undefined) return readEvents(path, { ...base, format: options.format, ...(options.mapping === undefined ? {} : { mapping: options.mapping }) });
  if (options.mapping === undefined) return readEvents(path, base);
  // A mapping with auto-detection: providers first, the mapping for files no provider claims.
  try {
    const first = await readEvents(path, base);
    if (first.meta.format !== 'generic') return first;
  } catch (error) {
    if (!(error instanceof LeadrankError) || error.issues[0].code !== 'unknown_format') throw error;
  }
  return readEvents(path, { ...base, format: 'generic', mapping: options.mapping });
}

/** A run's event files read the columnar way: the table, each file's read, and the events found in two files. */
export interface TableFiles {
  table: EventTable;
  reads: TableFileRead[];
  crossFile: number;
}

/**
 * Reads the event files into one deduplicated {@link EventTable} when every file is a CSV the
 * generic reader takes (see `probeEventTable`), with the same `meta`, rejections and duplicates that
 * {@link readEventFiles} reports; `undefined` when any file needs the object path.
 *
 * @example
 * const read = (await readEventTableFiles(paths, options, io.cwd)) ?? (await readEventFiles(paths, options, io.cwd));
 */
export async function readEventTableFiles(paths: readonly string[], options: EventReadOptions, cwd: string, progress?: Progress): Promise<EventsTableRead | undefined> {
  const probes = await probeTableFiles(paths, options, cwd);
  if (probes === undefined) return undefined;
  progress?.start(probes.reduce((a, p) => a + p.bytes, 0));
  let read: TableFiles | undefined;
  try {
    // One thread (this one): the read's and the dedupe's scratch memory go back as in a worker (see memory.ts).
    read = await readTableFiles(probes, options, undefined, { afterStep: collectGarbage, ...(progress === undefined ? {} : { onProgress: (bytes: number, records: number, file: string) => progress.update(bytes, records, file) }) });
  } finally {
    progress?.finish();
  }
  return read === undefined ? undefined : { ...tableEventsRead(read.reads, read.crossFile), table: read.table };
}

/**
 * The columnar reader's probe of every event file (see `probeEventTable`), or `undefined` as soon
 * as one needs the object path. An unreadable file is a `LeadrankError`, as in {@link readEventFiles}.
 *
 * @example
 * const probes = await probeTableFiles(['events.csv'], {}, io.cwd);
 */
export async function probeTableFiles(paths: readonly string[], options: EventReadOptions, cwd: string): Promise<TableProbe[] | undefined> {
  if (paths.length === 0 || paths.length > 65_535) return undefined;
  await Promise.all(paths.map((p) => fileSize(resolve(cwd, p), p)));
  const probes: TableProbe[] = [];
  for (const p of paths) {
    const probe = await probeOne(resolve(cwd, p), p, options);
    if (probe === undefined) return undefined;
    probes.push(probe);
  }
  return probes;
}

/**
 * One of several threads reading the same files: each reads every file and takes its own records
 * (see `ReadEventTableOptions.part`), and trades the few rows it took for another part's contacts
 * (an address spelled with spaces or brackets), so that each ends with all the rows of its own
 * contacts (those whose e-mail `partOf` gives its `index`).
 */
export interface TableSplit {
  index: number;
  count: number;
  /** Hands over the rows read for the other parts (entry `j` for part `j`, none for this one) and resolves with the rows the others read for this part. */
  exchange(outboxes: (TableSnapshot | undefined)[]): Promise<TableSnapshot[]>;
}

/**
 * Reads probed files into one table and deduplicates it; with a `split`, this thread's part of the
 * records, then trades rows so the table holds exactly its part's contacts. `undefined` when a file turns out
 * to need the object path (malformed quoting). `onProgress` gets the bytes read over all files so far;
 * `afterStep` runs once every row is in the table (before the dedupe) and again after the dedupe:
 * the two steps that leave scratch memory behind.
 *
 * @example
 * const read = await readTableFiles(probes, options);
 */
export async function readTableFiles(
  probes: readonly TableProbe[],
  options: EventReadOptions,
  split?: TableSplit,
  { onProgress, afterStep }: { onProgress?: (bytes: number, records: number, file: string) => void; afterStep?: () => void } = {},
): Promise<TableFiles | undefined> {
  const tables = Array.from({ length: split?.count ?? 1 }, (_, j) => new EventTable({ carrier: split !== undefined && j !== split.index }));
  const table = tables[split?.index ?? 0]!;
  const reads: TableFileRead[] = [];
  let done = 0;
  try {
    for (const [i, probe] of probes.entries()) {
      const base = done;
      const progress = onProgress === undefined ? {} : { onProgress: ({ bytes, records }: { bytes: number; records: number }) => onProgress(base + bytes, records, probe.file) };
      const part = split === undefined ? {} : { part: { index: split.index, count: split.count } };
      reads.push(await readEventTable(probe, tables, i, { ...(options.timezone === undefined ? {} : { timezone: options.timezone }), ...part, ...progress }));
      done += probe.bytes;
    }
  } catch (error) {
    if (error instanceof NotTabular) return undefined;
    if (error instanceof LeadrankError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new LeadrankError([{ code: 'unreadable_file', file: probes[reads.length]?.file ?? 'input', message: `cannot be read: ${why}` }]);
  }
  if (split !== undefined) {
    const inbox = await split.exchange(tables.map((t, j) => (j === split.index ? undefined : t.snapshot())));
    tables.length = 0; // the others' rows are theirs now
    for (const rows of inbox) table.absorb(rows);
  }
  afterStep?.();
  const dedupe = table.dedupe(reads.length);
  afterStep?.();
  reads.forEach((r, i) => finishTableMeta(r, dedupe.duplicates[i] ?? 0));
  return { table, reads, crossFile: dedupe.crossFile };
}

/** The {@link EventsRead} of columnar reads (`events` stays empty: they are in the table). */
export function tableEventsRead(reads: readonly TableFileRead[], crossFile: number): EventsRead {
  return {
    events: [],
    rejected: reads.flatMap((r) => r.rejected.map((x) => ({ file: r.file, ...x }))),
    files: reads.map((r) => ({ file: r.file, meta: r.meta })),
    crossFileDuplicates: crossFile,
  };
}

/** The reader `readOne` would choose, as a probe: with a mapping and no format, a provider reader first, the mapping for the rest. */
async function probeOne(path: string, name: string, options: EventReadOptions): Promise<TableProbe | undefined> {
  const base = { name, ...(options.timezone === undefined ? {} : { timezone: options.timezone }) };
  if (options.format !== undefined) return probeEventTable(path, { ...base, format: options.format, ...(options.mapping === undefined ? {} : { mapping: options.mapping }) });
  return probeEventTable(path, { ...base, ...(options.mapping === undefined ? {} : { mapping: options.mapping, providersFirst: true }) });
}

async function fileSize(path: string, name: string): Promise<number> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new Error('is not a file');
    return s.size;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new LeadrankError([{ code: 'unreadable_file', file: name, message: `cannot be read: ${why}` }]);
  }
}

function dropCrossFileDuplicates(events: EngagementEvent[], fileCount: number): { events: EngagementEvent[]; duplicates: number } {
  if (fileCount < 2) return { events, duplicates: 0 };
  const sorted = [...events].sort(compareEvents);
  const out: EngagementEvent[] = [];
  for (const e of sorted) {
    const prev = out[out.length - 1];
    if (prev !== undefined && compareContent(prev, e) === 0) continue;
    out.push(e);
  }
  return { events: out, duplicates: events.length - out.length };
}
