import type { CliStream } from './io.js';

/** Reports reading progress; a no-op unless stderr is a terminal and the input is large. */
export interface Progress {
  start(totalBytes: number): void;
  update(bytes: number, records: number, file: string): void;
  finish(): void;
}

/** Inputs smaller than this read too fast for a bar to help. @default 8 MiB */
export const PROGRESS_MIN_BYTES = 8 * 1024 * 1024;

/**
 * A one-line progress bar on `stream` (carriage-return redrawn), shown only when the stream is a TTY,
 * `quiet` is off and the input is at least {@link PROGRESS_MIN_BYTES}. Nothing goes to stdout.
 *
 * @example
 * const progress = createProgress(io.stderr, { quiet: false });
 */
export function createProgress(stream: CliStream, options: { quiet: boolean; minBytes?: number }): Progress {
  let total = 0;
  let shown = false;
  let lastPercent = -1;
  const enabled = (): boolean => !options.quiet && stream.isTTY === true && total >= (options.minBytes ?? PROGRESS_MIN_BYTES);
  return {
    start(totalBytes) {
      total = totalBytes;
    },
    update(bytes, records, file) {
      if (!enabled()) return;
      const percent = Math.min(100, Math.floor((bytes / total) * 100));
      if (percent === lastPercent) return;
      lastPercent = percent;
      const width = 24;
      const filled = Math.round((percent / 100) * width);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
      const line = `[${bar}] ${String(percent).padStart(3)}%  ${mb(bytes)} / ${mb(total)}  ${records.toLocaleString('en-US')} records  ${file}`;
      const columns = stream.columns ?? 100;
      stream.write(`\r${line.slice(0, columns - 1).padEnd(Math.min(columns - 1, line.length))}`);
      shown = true;
    },
    finish() {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
  };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
