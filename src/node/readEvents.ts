import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { PassThrough, Transform, pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import Papa from 'papaparse';
import { DETECT_SAMPLE_SIZE } from '../ingest/adapter.js';
import type { Collector } from '../ingest/collector.js';
import { createCollector } from '../ingest/collector.js';
import type { Container } from '../ingest/container.js';
import { csvRecord, parseLine, readContainer } from '../ingest/container.js';
import { checkOptions, chooseAdapter } from '../ingest/parseEvents.js';
import type { ParseEventsOptions } from '../ingest/parseEvents.js';
import type { IngestResult } from '../ingest/result.js';
import type { EngagementEvent } from '../model/event.js';
import { LeadrankError } from '../model/errors.js';
import { JsonArrayScanner } from './jsonArrayScanner.js';

/** Progress of a read: bytes taken from the source (compressed bytes for `.gz`) and records read. */
export interface ReadProgress {
  bytes: number;
  records: number;
}

/** Options of {@link readEvents}: those of `parseEvents`, plus streaming controls. */
export interface ReadEventsOptions extends ParseEventsOptions {
  /** Called after each chunk and once at the end. */
  onProgress?: (progress: ReadProgress) => void;
  /**
   * Receives each event as it is read; the result's `events` stays empty, so memory stays bounded
   * (only dedupe keys are kept). Events then arrive in file order and the first of duplicates wins.
   */
  onEvent?: (event: EngagementEvent) => void;
  /**
   * Drop duplicate events. With `onEvent`, `dedupe: false` keeps memory constant whatever the size;
   * with dedupe on, one key per unique event is kept (about 150 bytes each). @default true
   */
  dedupe?: boolean;
  /** The name used in error messages when reading a stream. @default the path's base name, or "input" */
  name?: string;
  /**
   * A JSON file whose top level is an object (an envelope such as `{items: […]}`) is read whole, up to
   * this many characters; JSON arrays, NDJSON and CSV stream with no limit. @default 268435456 (256 Mi)
   */
  maxDocumentChars?: number;
}

const HEAD_CHARS = 64 * 1024;

/**
 * Reads events from a file or stream of any size, with bounded memory: CSV through papaparse's
 * streaming parser, NDJSON line by line, a top-level JSON array element by element (object envelopes
 * are read whole, see `maxDocumentChars`), `.gz` (by name or magic bytes) through node:zlib. Same
 * result shape and rules as `parseEvents`; errors name the file.
 *
 * @example
 * const { events, rejected, meta } = await readEvents('exports/sendgrid-2024-05.ndjson.gz', {
 *   onProgress: ({ bytes, records }) => bar.update(bytes),
 * });
 */
export async function readEvents(source: string | Readable, options: ReadEventsOptions = {}): Promise<IngestResult> {
  const file = options.name ?? (typeof source === 'string' ? basename(source) : 'input');
  const format = checkOptions(options, file);
  const raw = typeof source === 'string' ? createReadStream(source) : source;
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer | string, _enc, done) {
      bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      done(null, chunk);
    },
  });
  const gz = typeof source === 'string' && /\.gz$/i.test(source);
  const text = pipeline(raw, counter, gz ? createGunzip() : new PassThrough(), () => {});
  text.setEncoding('utf8');

  const hint = format === 'csv' || format === 'json' || format === 'ndjson' ? format : undefined;
  const sink = new Sink(options, file);
  const progress = (): void => options.onProgress?.({ bytes, records: sink.records });
  let mode: Mode | undefined;
  let head = '';
  try {
    for await (const chunk of text as AsyncIterable<string>) {
      if (mode === undefined) {
        head += chunk;
        if (head.length < HEAD_CHARS) continue;
        mode = startMode(head, hint, sink, options.maxDocumentChars, file);
        await mode.push(head);
      } else await mode.push(chunk);
      progress();
    }
    if (mode === undefined && head.trim() !== '') {
      mode = startMode(head, hint, sink, options.maxDocumentChars, file);
      await mode.push(head);
    }
    await mode?.end();
  } catch (error) {
    if (error instanceof LeadrankError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new LeadrankError([{ code: 'unreadable_file', file, message: `cannot be read: ${why}` }]);
  }
  progress();
  return sink.finish();
}

interface Mode {
  push(text: string): Promise<void> | void;
  end(): Promise<void> | void;
}

function startMode(head: string, hint: string | undefined, sink: Sink, maxDoc = 268_435_456, file: string): Mode {
  const start = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  const first = /\S/.exec(start)?.[0];
  const kind = hint ?? (first === '[' ? 'json' : first === '{' ? 'jsonish' : 'csv');
  if (kind === 'csv') return csvMode(sink);
  if (kind === 'json' && first === '[') return arrayMode(sink);
  if (kind === 'ndjson' || looksLikeNdjson(start)) return ndjsonMode(sink);
  return documentMode(sink, maxDoc, file);
}

function looksLikeNdjson(head: string): boolean {
  const lines = head.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) return false;
  try {
    JSON.parse(lines[0]!);
    return true;
  } catch {
    return false;
  }
}

function ndjsonMode(sink: Sink): Mode {
  sink.kind = 'ndjson';
  let rest = '';
  return {
    push(text) {
      const lines = (rest + text).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') sink.push(parseLine(line.replace(/\r$/, '')));
    },
    end() {
      if (rest.trim() !== '') sink.push(parseLine(rest));
      sink.end();
    },
  };
}

function arrayMode(sink: Sink): Mode {
  sink.kind = 'json';
  const scanner = new JsonArrayScanner(
    (el) => sink.push(parseLine(el)),
    (tail) => sink.push(parseLine(tail)),
  );
  return {
    push: (text) => scanner.push(text),
    end() {
      scanner.end();
      sink.end();
    },
  };
}

function documentMode(sink: Sink, maxDoc: number, file: string): Mode {
  sink.kind = 'json';
  const parts: string[] = [];
  let size = 0;
  return {
    push(text) {
      size += text.length;
      if (size > maxDoc) {
        throw new LeadrankError([{ code: 'document_too_large', file, message: `is one JSON object larger than ${maxDoc} characters; objects are read whole (arrays, NDJSON and CSV stream): convert it to NDJSON or raise maxDocumentChars` }]);
      }
      parts.push(text);
    },
    end() {
      const c = readContainer(parts.join(''), 'json');
      sink.kind = c.kind;
      for (const item of c.items) sink.push(item);
      sink.end();
    },
  };
}

function csvMode(sink: Sink): Mode {
  sink.kind = 'csv';
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { header: false, skipEmptyLines: 'greedy' });
  let headers: string[] | undefined;
  // A throw inside the parser's 'data' handler (a mapping that names a missing column, seen once
  // the first records are in) would escape as an uncaught exception: keep it and reject instead.
  let failed: { error: unknown } | undefined;
  let fail: (error: unknown) => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    fail = reject;
    parser.on('end', resolve);
    parser.on('error', reject);
  });
  done.catch(() => undefined); // awaited in end(); push() rethrows earlier
  parser.on('data', (cells: string[]) => {
    if (failed !== undefined) return;
    try {
      if (headers === undefined) {
        headers = cells.map((h, i) => (i === 0 ? String(h).replace(/^\uFEFF/, '') : String(h)).trim());
        sink.headers = headers;
      } else sink.push(csvRecord(headers, cells));
    } catch (error) {
      failed = { error };
      fail(error);
    }
  });
  const check = (): void => {
    if (failed !== undefined) throw failed.error;
  };
  return {
    async push(text) {
      check();
      if (!parser.write(text)) await Promise.race([new Promise<void>((r) => parser.once('drain', () => r())), done]);
      check();
    },
    async end() {
      check();
      parser.end();
      await done;
      sink.end();
    },
  };
}

/** Buffers the first records for detection, then feeds the collector directly. */
class Sink {
  kind: Container['kind'] = 'json';
  headers: string[] = [];
  private pending: unknown[] = [];
  private collector: Collector | undefined;

  constructor(
    private readonly options: ReadEventsOptions,
    private readonly file: string,
  ) {}

  get records(): number {
    return this.collector?.records ?? 0;
  }

  push(item: unknown): void {
    if (this.collector !== undefined) return this.collector.add(item);
    this.pending.push(item);
    if (this.pending.length >= DETECT_SAMPLE_SIZE) this.start();
  }

  end(): void {
    if (this.collector === undefined) this.start();
  }

  finish(): IngestResult {
    if (this.collector === undefined) this.start();
    return this.collector!.finish();
  }

  private start(): void {
    const items = this.pending;
    const container: Container = {
      kind: this.kind,
      headers: this.headers,
      root: this.kind === 'json' && items.length === 1 ? items[0] : items,
      items: this.kind === 'json' && items.length > 1 ? [items] : items,
    };
    const { adapter, detection } = chooseAdapter(container, this.options, this.file);
    this.collector = createCollector(adapter, { container: this.kind, timezone: this.options.timezone, detection, onEvent: this.options.onEvent, dedupe: this.options.dedupe });
    this.pending = [];
    for (const item of items) this.collector.add(item);
  }
}
