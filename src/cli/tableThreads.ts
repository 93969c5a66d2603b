import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Contact } from '../model/contact.js';
import { LeadrankError } from '../model/errors.js';
import type { ScoredContact } from '../model/scored.js';
import { TIERS } from '../model/scored.js';
import { finishTableMeta, partOf, type TableFileRead } from '../node/readEventTable.js';
import { compareScoredContacts } from '../score/rank.js';
import type { ScoringModelInput } from '../score/schema.js';
import { scoreEventTable, type TableScores } from '../score/scoreEventTable.js';
import type { EventReadOptions, EventsTableRead } from './events.js';
import { probeTableFiles, readTableFiles, tableEventsRead } from './events.js';
import type { Progress } from './progress.js';

/** What one thread reads and scores: every file, the contacts of its part. */
export interface TablePartInput {
  /** The event files as the user named them, and the folder they are relative to. */
  files: string[];
  cwd: string;
  read: EventReadOptions;
  asOf: number;
  model: ScoringModelInput | undefined;
  contacts: Contact[] | undefined;
  top: number | undefined;
  partition: { index: number; count: number };
}

/** One part's reads (its rejections, its events' counts) and the scores of its contacts. */
export interface TablePartResult {
  reads: TableFileRead[];
  crossFile: number;
  scores: TableScores;
}

/**
 * Reads every file into a table of one part's contacts and scores them (what each worker thread
 * runs); `undefined` when a file needs the object path.
 *
 * @example
 * const part = await runTablePart({ files, read: {}, asOf, model, contacts, top: 1000, partition: { index: 0, count: 2 } });
 */
export async function runTablePart(input: TablePartInput, onProgress?: (bytes: number, records: number, file: string) => void): Promise<TablePartResult | undefined> {
  const probes = await probeTableFiles(input.files, input.read, input.cwd);
  const read = probes === undefined ? undefined : await readTableFiles(probes, input.read, input.partition, onProgress);
  if (read === undefined) return undefined;
  const { index, count } = input.partition;
  const scores = scoreEventTable(read.table, {
    asOf: input.asOf,
    ...(input.model === undefined ? {} : { model: input.model }),
    ...(input.contacts === undefined ? {} : { contacts: input.contacts }),
    ...(input.top === undefined ? {} : { top: input.top }),
    ownsContact: (email) => partOf(email, count) === index,
  });
  return { reads: read.reads, crossFile: read.crossFile, scores };
}

/** The worker script beside the built CLI; absent when running from the sources (tests), where one thread is used. */
const WORKER = new URL('./tableWorker.js', import.meta.url);

/** Whether worker threads can be started here (the CLI was built). */
export function threadsAvailable(): boolean {
  return WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER));
}

/**
 * Reads and scores the event files on `threads` worker threads, each owning the contacts of one
 * part (`partOf`), and merges the parts: the result is byte-identical to one thread's. `undefined`
 * when a file needs the object path.
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
): Promise<EventsTableRead | undefined> {
  const probes = await probeTableFiles(paths, read, cwd);
  if (probes === undefined) return undefined; // no thread is started for input the table cannot take
  progress?.start(probes.reduce((a, p) => a + p.bytes, 0));
  let parts: (TablePartResult | undefined)[];
  try {
    parts = await Promise.all(
      Array.from({ length: threads }, (_, index) => runWorker({ files: [...paths], cwd, read, ...scoring, partition: { index, count: threads } }, index === 0 ? progress : undefined)),
    );
  } finally {
    progress?.finish();
  }
  if (parts.some((p) => p === undefined)) return undefined;
  return mergeParts(parts as TablePartResult[], paths, scoring.top);
}

function runWorker(input: TablePartInput, progress?: Progress): Promise<TablePartResult | undefined> {
  return new Promise((done, fail) => {
    const worker = new Worker(WORKER, { workerData: input });
    worker.on('message', (m: { progress?: [number, number, string]; result?: TablePartResult | null; error?: { message: string; issues?: unknown } }) => {
      if (m.progress !== undefined) progress?.update(m.progress[0], m.progress[1], m.progress[2]);
      else if (m.error !== undefined) fail(m.error.issues === undefined ? new Error(m.error.message) : new LeadrankError(m.error.issues as never));
      else done(m.result ?? undefined);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`a worker thread stopped with code ${code}`));
    });
  });
}

/** @internal One result from the parts: counts added, rejections in record order, the best contacts re-ranked. */
export function mergeParts(parts: TablePartResult[], paths: readonly string[], top: number | undefined): EventsTableRead {
  const files = paths.map((file, i) => {
    const metas = parts.map((p) => p.reads[i]!);
    const first = metas[0]!;
    const rejected = metas.flatMap((m) => m.rejected).sort((a, b) => a.record - b.record);
    const rows = metas.reduce((a, m) => a + m.rows, 0);
    const duplicates = metas.reduce((a, m) => a + m.meta.duplicates, 0);
    const read: TableFileRead = {
      file,
      rows,
      rejected,
      meta: { ...first.meta, rejected: rejected.length, notes: [...new Set(metas.flatMap((m) => m.meta.notes))].sort() },
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
