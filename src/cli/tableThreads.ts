import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Contact } from '../model/contact.js';
import { LeadrankError } from '../model/errors.js';
import type { ScoredContact } from '../model/scored.js';
import { TIERS } from '../model/scored.js';
import { EventTable, type TableSnapshot } from '../ingest/eventTable.js';
import { finishTableMeta, NotTabular, partOf, type TableFileRead } from '../node/readEventTable.js';
import { compareScoredContacts, type RankedFields } from '../score/rank.js';
import type { ScoringModel, ScoringModelInput } from '../score/schema.js';
import { createScorer } from '../score/createScorer.js';
import { buildScorer, scorerInternals } from '../score/scorer.js';
import { rankEventTableWith, type TableScores } from '../score/scoreEventTable.js';
import type { EventReadOptions, EventsTableRead, TableSplit } from './events.js';
import { probeTableFiles, readEventTableFiles, readTableFiles, tableEventsRead } from './events.js';
import type { Progress } from './progress.js';

/** What one thread reads and scores: its part of every file's records, then the contacts of its part. */
export interface TablePartInput {
  /** The event files as the user named them, and the folder they are relative to. */
  files: string[];
  cwd: string;
  read: EventReadOptions;
  asOf: number;
  /** The model resolved and the contacts parsed by the thread that started the parts (so a worker loads no validation library). */
  model: ScoringModel;
  contacts: Contact[];
  top: number | undefined;
  /** This part's index and the number of parts. */
  part: { index: number; count: number };
}

/** One part's reads (its rejections, its events' counts) and the scores of its contacts (as `pack` made them). */
export interface TablePartResult<S = ScoredContact> {
  reads: TableFileRead[];
  crossFile: number;
  scores: TableScores<S>;
}

/**
 * What a part reports and when: progress, a call after the read and after the dedupe (see
 * readTableFiles), how each of the best contacts is kept, and, with a `top`, how many of its best
 * are among the best of all parts (`choose`, given their rank keys; without it, all `top` are
 * scored in full and returned).
 */
export interface TablePartHooks<S> {
  onProgress?: (bytes: number, records: number, file: string) => void;
  afterStep?: () => void;
  pack?: (scored: ScoredContact) => S;
  choose?: (keys: RankedFields[]) => Promise<number>;
}

/**
 * Reads this part's records of every file, trades rows with the other parts (`exchange`) so that
 * it holds all the rows of its own contacts, and scores them (what each worker thread runs);
 * `undefined` when a file needs the object path.
 *
 * @example
 * const part = await runTablePart({ files, cwd, read: {}, asOf, model, contacts, top: 1000, part: { index: 0, count: 2 } }, exchange);
 */
export async function runTablePart(input: TablePartInput, exchange: TableSplit['exchange'], hooks?: Omit<TablePartHooks<ScoredContact>, 'pack'>): Promise<TablePartResult | undefined>;
export async function runTablePart<S>(input: TablePartInput, exchange: TableSplit['exchange'], hooks: TablePartHooks<S> & { pack: (scored: ScoredContact) => S }): Promise<TablePartResult<S> | undefined>;
export async function runTablePart<S>(input: TablePartInput, exchange: TableSplit['exchange'], hooks: TablePartHooks<S> = {}): Promise<TablePartResult<S | ScoredContact> | undefined> {
  const probes = await probeTableFiles(input.files, input.read, input.cwd);
  const { index, count } = input.part;
  const read = probes === undefined ? undefined : await readTableFiles(probes, input.read, { index, count, exchange }, hooks);
  if (read === undefined) return undefined;
  const scorer = buildScorer(input.asOf, input.model, new Map(input.contacts.map((c) => [c.email, c])));
  const options = { ...(input.top === undefined ? {} : { top: input.top }), ownsContact: (email: string) => partOf(email, count) === index };
  const ranked = rankEventTableWith(read.table, scorer, options);
  // Only this part's share of the overall best is scored in full (and moved to the main thread).
  const keep = input.top === undefined || hooks.choose === undefined ? ranked.candidates : await hooks.choose(ranked.keys());
  const scores = { scored: ranked.best(keep, hooks.pack), contacts: ranked.contacts, tiers: ranked.tiers };
  return { reads: read.reads, crossFile: read.crossFile, scores };
}

/** The worker script beside the built CLI; absent when running from the sources (tests), where one thread is used. */
const WORKER = new URL('./tableWorker.js', import.meta.url);

/** Whether worker threads can be started here (the CLI was built). */
export function threadsAvailable(): boolean {
  return WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER));
}

/**
 * Where the parts meet: to trade rows (each posts the rows it read for the others and waits for
 * the rows the others read for it), then to compare their best contacts (each posts its best's
 * rank keys and learns how many of them are among the `top` of all). A failure anywhere rejects
 * every wait, so no part hangs.
 */
export class TableExchange {
  private readonly posted: ((TableSnapshot | undefined)[] | undefined)[];
  private readonly waits: { index: number; done: (rows: TableSnapshot[]) => void; fail: (error: unknown) => void }[] = [];
  private failed: { error: unknown } | undefined;
  private readonly bests: (RankedFields[] | undefined)[];
  private readonly bestWaits: { index: number; done: (keep: number) => void; fail: (error: unknown) => void }[] = [];

  constructor(
    readonly count: number,
    private readonly top = Number.POSITIVE_INFINITY,
  ) {
    this.posted = Array.from({ length: count }, () => undefined);
    this.bests = Array.from({ length: count }, () => undefined);
  }

  /** How many of part `index`'s best (`keys`, in ranking order) are among the `top` of all parts, once all have posted theirs. */
  best(index: number, keys: RankedFields[]): Promise<number> {
    this.bests[index] = keys;
    return new Promise((done, fail) => {
      this.bestWaits.push({ index, done, fail });
      this.settle();
    });
  }

  /** Part `from`'s rows for each part (entry `j` for part `j`). */
  post(from: number, outboxes: (TableSnapshot | undefined)[]): void {
    this.posted[from] = outboxes;
    this.settle();
  }

  /** The rows the other parts read for part `index`, once all have posted. */
  inbox(index: number): Promise<TableSnapshot[]> {
    return new Promise((done, fail) => {
      this.waits.push({ index, done, fail });
      this.settle();
    });
  }

  fail(error: unknown): void {
    this.failed ??= { error };
    this.settle();
  }

  private settle(): void {
    if (this.failed !== undefined) {
      for (const w of [...this.waits.splice(0), ...this.bestWaits.splice(0)]) w.fail(this.failed.error);
      return;
    }
    if (this.bests.every((b) => b !== undefined)) {
      // Each part's keys are in ranking order: its share of the overall top is a prefix of them.
      const all = this.bests.flatMap((keys, part) => keys!.map((key) => ({ key, part })));
      all.sort((a, b) => compareScoredContacts(a.key, b.key));
      const keep = this.bests.map(() => 0);
      for (const { part } of all.slice(0, this.top)) keep[part]! += 1;
      for (const w of this.bestWaits.splice(0)) w.done(keep[w.index]!);
    }
    if (this.posted.some((p) => p === undefined)) return;
    for (const w of this.waits.splice(0)) {
      const rows: TableSnapshot[] = [];
      this.posted.forEach((boxes, from) => {
        const box = from === w.index ? undefined : boxes![w.index];
        if (box !== undefined) rows.push(box);
      });
      w.done(rows);
    }
  }
}

/**
 * Reads and scores the event files on `threads` worker threads: each reads every file but takes
 * only the records of its part (a hash of the e-mail cell, so a thread never looks up or keeps the
 * others' addresses), the threads trade the few rows taken for another part's contacts, and each
 * scores its part; the parts are merged, so the result is byte-identical to one thread's.
 * `undefined` when a file needs the object path. With `here`, the
 * parts run on this thread, one after another as they wait (for tests).
 *
 * @example
 * const read = await scoreTableInThreads(paths, {}, cwd, { asOf, model, contacts, top: 1000 }, 2);
 */
export async function scoreTableInThreads(
  paths: readonly string[],
  read: EventReadOptions,
  cwd: string,
  scoring: { asOf: number; model: ScoringModelInput | undefined; contacts: Contact[] | undefined; top: number | undefined },
  threads: number,
  progress?: Progress,
  here = false,
): Promise<EventsTableRead | undefined> {
  const probes = await probeTableFiles(paths, read, cwd);
  if (probes === undefined) return undefined; // no thread is started for input the table cannot take
  // The model and contacts are checked here, once (an error names them as on one thread).
  const checked = scorerInternals(createScorer({ asOf: scoring.asOf, ...(scoring.model === undefined ? {} : { model: scoring.model }), ...(scoring.contacts === undefined ? {} : { contacts: scoring.contacts }) }));
  const given = { asOf: scoring.asOf, model: checked.model, contacts: [...checked.contacts.values()], top: scoring.top };
  const inputs: TablePartInput[] = Array.from({ length: threads }, (_, index) => ({ files: [...paths], cwd, read, ...given, part: { index, count: threads } }));
  progress?.start(probes.reduce((a, p) => a + p.bytes, 0));
  const exchange = new TableExchange(threads, scoring.top);
  const seen = inputs.map(() => ({ bytes: 0, records: 0 }));
  // Every part reads all the bytes: the slowest part's position is the run's.
  const onProgress = (index: number) => (bytes: number, records: number, file: string) => {
    seen[index] = { bytes, records };
    progress?.update(Math.min(...seen.map((s) => s.bytes)), Math.min(...seen.map((s) => s.records)), file);
  };
  // A worker's result comes as bytes (see runWorker), unpacked below once every worker has exited.
  let parts: (TablePartResult | Uint8Array | undefined)[];
  try {
    parts = await Promise.all(
      inputs.map((input, index) => {
        const run = here
          ? runTablePart(
              input,
              (boxes) => {
                exchange.post(index, boxes);
                return exchange.inbox(index);
              },
              { onProgress: onProgress(index), choose: (keys) => exchange.best(index, keys) },
            )
          : runWorker(input, exchange, onProgress(index));
        return run.then(
          (part) => {
            if (part === undefined) exchange.fail(new NotTabular('a part needs the object path'));
            return part;
          },
          (error: unknown) => {
            exchange.fail(error);
            throw error;
          },
        );
      }),
    );
  } catch (error) {
    if (!(error instanceof NotTabular)) throw error;
    parts = [undefined];
  } finally {
    progress?.finish();
  }
  if (!parts.every((p) => p !== undefined)) return readEventTableFiles(paths, read, cwd, progress); // a part needs the object path: one thread decides
  return mergeParts(parts.map((p) => (p instanceof Uint8Array ? unpackPart(p) : p!)), paths, scoring.top);
}

/**
 * Runs one part on a worker thread. Its result comes back as the bytes of `v8.serialize` and the
 * promise settles only once the thread has exited: the result's objects are made on this thread
 * after the worker's memory is gone, not while both hold them (5M rows, 2 threads: the peak was
 * there, the main thread's heap growing by ~40 MB as the workers still held theirs).
 */
function runWorker(input: TablePartInput, exchange: TableExchange, onProgress: (bytes: number, records: number, file: string) => void): Promise<Uint8Array | undefined> {
  const index = input.part.index;
  return new Promise((done, fail) => {
    // A young generation far below V8's default: the rows live in typed arrays, and the heap holds
    // few short-lived objects at a time. 8 MB took ~40 MB a thread off the default; 2 MB another
    // ~9 MB (5M rows, 2 threads, 9 runs each: peak RSS median 271 → 253 MB, wall the same within noise).
    const worker = new Worker(WORKER, { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: 2 } });
    let finished = false;
    const stop = (error: unknown): void => {
      if (finished) return;
      finished = true;
      void worker.terminate();
      fail(error);
    };
    exchange.inbox(index).then(
      (rows) => worker.postMessage({ inbox: rows }, rows.flatMap((r) => EventTable.buffers(r))),
      stop,
    );
    worker.on('message', (m: WorkerMessage) => {
      if (m.progress !== undefined) onProgress(...m.progress);
      else if (m.keys !== undefined) exchange.best(index, m.keys).then((keep) => worker.postMessage({ keep }), stop);
      else if (m.outboxes !== undefined) exchange.post(index, m.outboxes.map((b) => b ?? undefined));
      else if (m.error !== undefined) stop(m.error.notTabular === true ? new NotTabular(m.error.message) : m.error.issues === undefined ? new Error(m.error.message) : new LeadrankError(m.error.issues as never));
      else {
        finished = true;
        const result = m.result ?? undefined;
        void worker.terminate().then(() => done(result), () => done(result));
      }
    });
    worker.on('error', stop);
    worker.on('exit', (code) => {
      if (!finished) stop(new Error(`a worker thread stopped with code ${code}`));
    });
  });
}

/**
 * A worker's result from its bytes: `v8.serialize` of a {@link TablePartResult} whose best contacts
 * are each the bytes of `v8.serialize` too (see tableWorker.ts).
 */
function unpackPart(bytes: Uint8Array): TablePartResult {
  const part = deserialize(bytes) as TablePartResult<Uint8Array>;
  return { ...part, scores: { ...part.scores, scored: part.scores.scored.map((b) => deserialize(b) as ScoredContact) } };
}

/** What a worker thread posts (see tableWorker.ts). */
export interface WorkerMessage {
  progress?: [number, number, string];
  /** The rank keys of its best contacts: answered with how many of them to keep (`{ keep }`). */
  keys?: RankedFields[];
  outboxes?: (TableSnapshot | null)[];
  /** The part's {@link TablePartResult} as the bytes of `v8.serialize`; null when a file needs the object path. */
  result?: Uint8Array | null;
  error?: { message: string; issues?: unknown; notTabular?: boolean };
}

/**
 * @internal One result from the parts: each file's records as every part counted them (each read
 * them all), the rows, ignores and duplicates each part took added, its rejections (each found by
 * the one part that took the record) in record order, the best contacts re-ranked.
 */
export function mergeParts(parts: TablePartResult[], paths: readonly string[], top: number | undefined): EventsTableRead {
  const files = paths.map((file, i) => {
    const metas = parts.map((p) => p.reads[i]!);
    const first = metas[0]!;
    const rejected = metas.flatMap((m) => m.rejected).sort((a, b) => a.record - b.record);
    const ignored: Record<string, number> = {};
    for (const m of metas) for (const [rule, n] of Object.entries(m.meta.ignored)) ignored[rule] = (ignored[rule] ?? 0) + n;
    const rows = metas.reduce((a, m) => a + m.rows, 0);
    const duplicates = metas.reduce((a, m) => a + m.meta.duplicates, 0);
    const read: TableFileRead = {
      file,
      rows,
      rejected,
      meta: {
        ...first.meta,
        records: first.meta.records,
        rejected: rejected.length,
        ignored: Object.fromEntries(Object.entries(ignored).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
        notes: [...new Set(metas.flatMap((m) => m.meta.notes))].sort(),
      },
    };
    finishTableMeta(read, duplicates);
    return read;
  });
  const all: ScoredContact[] = parts.flatMap((p) => p.scores.scored).sort(compareScoredContacts);
  const scored = (top === undefined ? all : all.slice(0, top)).map((s, i) => ({ ...s, rank: i + 1 }));
  const tiers = Object.fromEntries(TIERS.map((t) => [t, parts.reduce((a, p) => a + p.scores.tiers[t], 0)])) as TableScores['tiers'];
  return {
    ...tableEventsRead(files, parts.reduce((a, p) => a + p.crossFile, 0)),
    scores: { scored, contacts: parts.reduce((a, p) => a + p.scores.contacts, 0), tiers },
  };
}
