// A worker thread of `leadrank score`, `lists` and `segments`: reads its part of the records, trades rows, scores its part of the contacts (see tableThreads.ts).
import { serialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { EventTable, type TableSnapshot } from '../ingest/eventTable.js';
import { LeadrankError } from '../model/errors.js';
import type { ScoredContact } from '../model/scored.js';
import { NotTabular } from '../node/readEventTable.js';
import { collectGarbage } from './memory.js';
import { runTablePart, type TablePartInput, type WorkerMessage } from './tableThreads.js';

const input = workerData as TablePartInput;
const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []): void => parentPort?.postMessage(m, transfer);
const exchange = (outboxes: (TableSnapshot | undefined)[]): Promise<TableSnapshot[]> =>
  new Promise((done) => {
    parentPort?.once('message', (m: { inbox: TableSnapshot[] }) => done(m.inbox));
    post({ outboxes: outboxes.map((b) => b ?? null) }, outboxes.flatMap((b) => (b === undefined ? [] : EventTable.buffers(b))));
  });
let last = 0;
runTablePart(input, exchange, {
  onProgress: (bytes, records, file) => {
    if (bytes - last < 1 << 22) return;
    last = bytes;
    post({ progress: [bytes, records, file] });
  },
  // The scratch memory of the read and of the dedupe goes back before the next step asks for more (see memory.ts).
  afterStep: collectGarbage,
  // Each of the best contacts as bytes once scored: the full objects (~10 KB each with the ledger) never pile up in this heap.
  pack: (scored: ScoredContact) => serialize(scored),
  // How many of this part's best are among the best of all: only those are scored in full and sent.
  choose: (keys) =>
    new Promise((done) => {
      parentPort?.once('message', (m: { keep: number }) => done(m.keep));
      post({ keys });
    }),
}).then(
  (result) => {
    // As bytes, unpacked once this thread has exited (see runWorker): the objects never exist in both threads at once.
    // (A copy in its own buffer, so that the transfer cannot take a shared pool's memory with it.)
    const bytes = result === undefined ? null : new Uint8Array(serialize(result));
    post({ result: bytes }, bytes === null ? [] : [bytes.buffer]);
  },
  (error: unknown) =>
    post({
      error: {
        message: error instanceof Error ? error.message : String(error),
        ...(error instanceof LeadrankError ? { issues: error.issues } : {}),
        ...(error instanceof NotTabular ? { notTabular: true } : {}),
      },
    }),
);
