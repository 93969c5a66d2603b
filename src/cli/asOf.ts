import { toEpochMs } from '../model/time.js';
import type { ParsedArgs } from './args.js';
import { stringOption } from './args.js';
import { UsageError } from './exitCodes.js';
import type { CliIo } from './io.js';

/** The moment a run is for, and where it came from. */
export interface AsOf {
  ms: number;
  iso: string;
  source: 'option' | 'clock';
}

/**
 * `--as-of`, or the clock: the only place leadrank reads it.
 *
 * @example
 * resolveAsOf(args, io, 'lists') //=> { ms: 1795435200000, iso: '2026-11-23T12:00:00.000Z', source: 'option' }
 */
export function resolveAsOf(args: ParsedArgs, io: CliIo, command: string): AsOf {
  const given = stringOption(args, 'as-of');
  if (given === undefined) {
    const ms = io.now().getTime();
    return { ms, iso: new Date(ms).toISOString(), source: 'clock' };
  }
  let ms: number;
  try {
    ms = toEpochMs(given, 'as-of');
  } catch {
    throw new UsageError(`--as-of must be an ISO date or time such as 2026-11-23 or 2026-11-23T12:00:00Z (got ${JSON.stringify(given)})`, command);
  }
  return { ms, iso: new Date(ms).toISOString(), source: 'option' };
}

/**
 * The line that says which `asOf` a run used.
 *
 * @example
 * asOfLine(asOf) //=> 'asOf 2026-11-23T12:00:00.000Z (from --as-of)'
 */
export function asOfLine(asOf: AsOf): string {
  return `asOf ${asOf.iso} (${asOf.source === 'clock' ? 'now; pass --as-of to repeat this run' : 'from --as-of'})`;
}
