import { LeadrankError } from '../model/errors.js';

/**
 * The CLI's exit codes.
 * - `0` success
 * - `1` usage or configuration error: the message says what to fix
 * - `2` data errors past the allowed threshold (`--max-rejected`)
 */
export const EXIT = Object.freeze({ ok: 0, usage: 1, data: 2 });

/**
 * A usage or configuration error: exit code 1, the message shown as is (no stack trace).
 *
 * @example
 * throw new UsageError('--reps is required: the file of sales reps (CSV or JSON)', 'lists');
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** The command whose `--help` shows how to fix it. */
    readonly command?: string,
  ) {
    super(message);
  }
}

/**
 * Data errors past the threshold: exit code 2.
 *
 * @example
 * throw new DataError('12 records rejected, more than --max-rejected 10');
 */
export class DataError extends Error {
  override readonly name = 'DataError';
}

/**
 * The exit code and the message for an error thrown by a command. A `LeadrankError` is shown as it
 * is; anything else is unexpected and says how to see the stack trace.
 *
 * @example
 * describeError(new UsageError('--reps is required')) //=> { code: 1, message: 'leadrank: --reps is required' }
 */
export function describeError(error: unknown, debug: boolean): { code: number; message: string } {
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  if (error instanceof LeadrankError) {
    const hint = error.issues.some((i) => i.code === 'unknown_format')
      ? '\nWith the CLI: name the provider with --input-format, or write the columns to mapping.json ({"contact":…,"type":…,"at":…}) and pass --mapping mapping.json (see `leadrank detect <file>`).'
      : '';
    return { code: EXIT.usage, message: `${error.message}${hint}${stack}` };
  }
  if (error instanceof UsageError) {
    const help = error.command === undefined ? 'leadrank --help' : `leadrank ${error.command} --help`;
    return { code: EXIT.usage, message: `leadrank: ${error.message}\nSee \`${help}\`.${stack}` };
  }
  if (error instanceof DataError) return { code: EXIT.data, message: `leadrank: ${error.message}${stack}` };
  const text = error instanceof Error ? error.message : String(error);
  const hint = debug ? stack : '\n(run with --debug to see the stack trace)';
  return { code: EXIT.usage, message: `leadrank: unexpected error: ${text}${hint}` };
}
