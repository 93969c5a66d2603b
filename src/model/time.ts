import { LeadrankError, showValue } from './errors.js';

/** A point in time as callers give it: a `Date`, epoch milliseconds, or an ISO 8601 string. */
export type TimeInput = Date | number | string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * Resolves a {@link TimeInput} to UTC epoch milliseconds. A date without a time is midnight UTC; an
 * ISO string without a zone is read as UTC. Never reads the clock.
 *
 * @example
 * toEpochMs('2026-11-23') //=> 1795392000000
 */
export function toEpochMs(value: TimeInput, field = 'asOf'): number {
  let ms: number;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'number') ms = value;
  else if (typeof value === 'string' && ISO_DATE.test(value.trim())) {
    const s = value.trim().replace(' ', 'T');
    const hasZone = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(s) && s.includes('T');
    ms = Date.parse(s.includes('T') ? (hasZone ? s : `${s}Z`) : `${s}T00:00:00Z`);
  } else ms = Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new LeadrankError([
      { code: 'invalid_time', field, message: `must be a Date, epoch milliseconds or an ISO 8601 string (got ${showValue(value)})` },
    ]);
  }
  return Math.trunc(ms);
}
