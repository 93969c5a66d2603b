/** Where the CLI writes and what it may read from its surroundings: injected so tests run it in-process. */
export interface CliStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** The CLI's surroundings: output streams, the working directory, and the clock (read only for `--as-of` now). */
export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  /** Paths on the command line are resolved against it. */
  cwd: string;
  /** The clock: the one place leadrank reads it, for the default `--as-of`. */
  now: () => Date;
}

/**
 * The real surroundings: process streams, `process.cwd()` and `new Date()`.
 *
 * @example
 * await main(process.argv.slice(2), processIo());
 */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), now: () => new Date() };
}
