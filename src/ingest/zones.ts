import { tzOffset } from '@date-fns/tz';

const DAY = 86_400_000;

/**
 * True when `zone` is an IANA time-zone name this runtime knows (`Europe/Berlin`, `UTC`).
 *
 * @example
 * isTimeZone('America/New_York') //=> true
 */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * UTC epoch ms of a wall-clock time in `zone`. `wallMs` is the wall time written as if it were UTC
 * (`Date.UTC(y, m, d, h, mi, s, ms)`). Disambiguation follows Temporal's `compatible` rule: a time that
 * occurs twice (clocks back) is the earlier instant; a time skipped by a DST gap (clocks forward) is
 * moved forward by the gap (02:30 on a spring-forward night in New York is 03:30 EDT).
 *
 * @example
 * localToUtc(Date.UTC(2024, 0, 1, 9), 'Europe/Berlin') //=> Date.UTC(2024, 0, 1, 8)
 */
export function localToUtc(wallMs: number, zone: string): number {
  const before = tzOffset(zone, new Date(wallMs - DAY));
  const after = tzOffset(zone, new Date(wallMs + DAY));
  const valid: number[] = [];
  for (const off of before === after ? [before] : [before, after]) {
    const t = wallMs - off * 60_000;
    if (tzOffset(zone, new Date(t)) === off) valid.push(t);
  }
  if (valid.length > 0) return Math.min(...valid);
  // In a gap: read the wall time with the offset in force before the transition.
  return wallMs - before * 60_000;
}
