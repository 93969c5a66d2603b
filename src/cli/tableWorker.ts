// A worker thread of `leadrank score`: reads and scores one part of the contacts (see tableThreads.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { LeadrankError } from '../model/errors.js';
import { runTablePart, type TablePartInput } from './tableThreads.js';

const input = workerData as TablePartInput;
let last = 0;
runTablePart(input, (bytes, records, file) => {
  if (bytes - last < 1 << 22) return;
  last = bytes;
  parentPort?.postMessage({ progress: [bytes, records, file] });
}).then(
  (result) => parentPort?.postMessage({ result: result ?? null }),
  (error: unknown) => parentPort?.postMessage({ error: { message: error instanceof Error ? error.message : String(error), ...(error instanceof LeadrankError ? { issues: error.issues } : {}) } }),
);
