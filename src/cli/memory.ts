// Node-only: a full garbage collection on demand, for the CLI's large reads (never the core): the
// worker threads and the one-thread read (src/cli/events.ts) call it after the read and the dedupe.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * Runs V8's full garbage collection now. A large read leaves its scratch memory (the e-mail and
 * string hash tables, the read buffer, the column chunks a reorder replaced) dead but allocated:
 * V8 frees an ArrayBuffer's memory only when a full collection finds it dead, and starts one only
 * once 64 MB more of such memory is allocated or its heap grows, which a read held in typed arrays
 * rarely does. Called after the read and after the dedupe (its row order, 4 bytes a row), it frees
 * that memory before the next step asks for more (5M rows, 2 threads: ~20 MB a worker after the
 * read, ~10 MB after the dedupe), at the cost of a collection of a small heap (~10–30 ms each).
 * `gc` is exposed as Node's own tests do it (`--expose-gc` set at run time with
 * `v8.setFlagsFromString`, then `gc` read from a new context), so no flag is needed on the command
 * line; where that is refused it does nothing.
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const found: unknown = runInNewContext('gc');
      gc = typeof found === 'function' ? (found as () => void) : () => {};
    } catch {
      gc = () => {}; // a runtime that refuses (code generation from strings off, say): memory as before, never an error
    }
  }
  gc();
}
