// A worker thread of `leadrank score`, `lists` and `segments`: reads its part of the records, trades rows, scores its part of the contacts (see tableThreads.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { EventTable, type TableSnapshot } from '../ingest/eventTable.js';
import { LeadrankError } from '../model/errors.js';
import { NotTabular } from '../node/readEventTable.js';
import { runTablePart, type TablePartInput, type WorkerMessage } from './tableThreads.js';

const input = workerData as TablePartInput;
const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []): void => parentPort?.postMessage(m, transfer);
const exchange = (outboxes: (TableSnapshot | undefined)[]): Promise<TableSnapshot[]> =>
  new Promise((done) => {
    parentPort?.once('message', (m: { inbox: TableSnapshot[] }) => done(m.inbox));
    post({ outboxes: outboxes.map((b) => b ?? null) }, outboxes.flatMap((b) => (b === undefined ? [] : EventTable.buffers(b))));
  });
let last = 0;
runTablePart(input, exchange, (bytes, records, file) => {
  if (bytes - last < 1 << 22) return;
  last = bytes;
  post({ progress: [bytes, records, file] });
}).then(
  (result) => post({ result: result ?? null }),
  (error: unknown) =>
    post({
      error: {
        message: error instanceof Error ? error.message : String(error),
        ...(error instanceof LeadrankError ? { issues: error.issues } : {}),
        ...(error instanceof NotTabular ? { notTabular: true } : {}),
      },
    }),
);
