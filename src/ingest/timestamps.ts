import type { RecordContext } from './adapter.js';
import { localToUtc } from './zones.js';

/** Options of {@link parseTimestamp}. */
export interface TimestampOptions {
  /** IANA zone for times written without a zone; when absent they are read as UTC. */
  timezone?: string | undefined;
}

/** A parsed time: UTC epoch ms and whether the text carried its own zone (or was an epoch number). */
export type TimestampResult =
  | { ok: true; at: number; zoned: boolean }
  | { ok: false; code: 'missing_timestamp' | 'invalid_timestamp'; message: string };

const MIN = Date.UTC(1990, 0, 1);
const MAX = Date.UTC(2200, 0, 1);
const NUMERIC = /^[+-]?\d{1,20}(?:\.\d{1,9})?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const SLASH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const RFC2822 = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,5})?$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Readonly<Record<string, number>> = { gmt: 0, ut: 0, utc: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420 };

/**
 * Reads a time as UTC epoch milliseconds. Accepts: epoch numbers or numeric strings (seconds, with or
 * without a fraction, or milliseconds or microseconds, told apart by magnitude); ISO 8601 with `Z`, an
 * offset (`+02:00`, `+0200`, ` +0000`) or no zone; `M/D/YYYY[ h:mm[:ss][ AM|PM]]` (month first unless
 * the first number is over 12); `D.M.YYYY[ H:MM[:SS]]` (day first, as German exports write it); RFC 2822 (`Tue, 01 Jul 2003 10:52:37 +0200`); and `Date` objects.
 * Times without a zone are wall-clock times in `options.timezone` (DST gaps move forward, repeated
 * hours take the earlier instant), or UTC when no zone is given (`zoned: false` tells the caller).
 * Instants outside 1990–2200 are rejected as implausible. Never throws.
 *
 * @example
 * parseTimestamp(1513299569)                   //=> { ok: true, at: 1513299569000, zoned: true }
 * parseTimestamp('2024-03-10 02:30:00', { timezone: 'America/New_York' }) //=> at = 07:30Z (03:30 EDT)
 */
export function parseTimestamp(value: unknown, options: TimestampOptions = {}): TimestampResult {
  if (value === undefined || value === null || value === '') return { ok: false, code: 'missing_timestamp', message: 'has no time' };
  if (value instanceof Date) return check(value.getTime(), true, value);
  if (typeof value === 'number') return check(fromEpoch(value), true, value);
  if (typeof value !== 'string') return bad(value);
  const s = value.trim();
  if (s.length > 64) return bad(value);
  if (NUMERIC.test(s)) return check(fromEpoch(Number(s)), true, value);
  let m = ISO.exec(s);
  if (m) {
    const wall = wallTime(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), fraction(m[7]));
    if (wall === undefined) return bad(value);
    const zone = m[8];
    if (zone !== undefined) return check(wall - offsetMinutes(zone) * 60_000, true, value);
    return local(wall, options, value);
  }
  m = SLASH.exec(s);
  if (m) {
    let [a, b] = [+m[1]!, +m[2]!];
    if (a > 12) [a, b] = [b, a];
    let hour = +(m[4] ?? 0);
    const ampm = m[7]?.toUpperCase();
    if (ampm !== undefined && (hour < 1 || hour > 12)) return bad(value);
    if (ampm === 'PM' && hour < 12) hour += 12;
    if (ampm === 'AM' && hour === 12) hour = 0;
    const wall = wallTime(+m[3]!, a, b, hour, +(m[5] ?? 0), +(m[6] ?? 0), 0);
    return wall === undefined ? bad(value) : local(wall, options, value);
  }
  m = DOTTED.exec(s);
  if (m) {
    const wall = wallTime(+m[3]!, +m[2]!, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), 0);
    return wall === undefined ? bad(value) : local(wall, options, value);
  }
  m = RFC2822.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
    const wall = month === 0 ? undefined : wallTime(+m[3]!, month, +m[1]!, +m[4]!, +m[5]!, +(m[6] ?? 0), 0);
    if (wall === undefined) return bad(value);
    const zone = m[7];
    if (zone === undefined) return local(wall, options, value);
    const off = /^[+-]/.test(zone) ? offsetMinutes(zone) : ZONES[zone.toLowerCase()];
    return off === undefined ? bad(value) : check(wall - off * 60_000, true, value);
  }
  return bad(value);
}

/**
 * {@link parseTimestamp} for adapters: uses the run's `timezone` and adds a run note when a time had
 * no zone, so the assumption is never silent.
 *
 * @example
 * readTime('2024-05-01 10:00:00', ctx) // notes "times had no zone; read as UTC because no timezone was given"
 */
export function readTime(value: unknown, ctx: RecordContext): TimestampResult {
  const r = parseTimestamp(value, { timezone: ctx.timezone });
  if (r.ok && !r.zoned) {
    ctx.note(ctx.timezone === undefined
      ? 'times had no zone; read as UTC because no timezone was given'
      : `times had no zone; read as local time in ${ctx.timezone}`);
  }
  return r;
}

function fromEpoch(n: number): number {
  const abs = Math.abs(n);
  if (abs < 1e11) return Math.round(n * 1000); // seconds (until the year 5138)
  if (abs < 1e14) return Math.round(n); // milliseconds
  if (abs < 1e17) return Math.round(n / 1000); // microseconds
  return Number.NaN;
}

function fraction(digits: string | undefined): number {
  return digits === undefined ? 0 : Math.floor(Number(`0.${digits}`) * 1000);
}

function wallTime(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || h > 24 || mi > 59 || s > 60) return undefined;
  const t = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms);
  return new Date(t).getUTCDate() === d || (h === 24 && mi === 0) ? t : undefined;
}

function offsetMinutes(zone: string): number {
  if (/^z$/i.test(zone)) return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0'));
}

function local(wall: number, options: TimestampOptions, value: unknown): TimestampResult {
  const at = options.timezone === undefined ? wall : localToUtc(wall, options.timezone);
  const r = check(at, true, value);
  return r.ok ? { ok: true, at: r.at, zoned: false } : r;
}

function check(at: number, zoned: boolean, value: unknown): TimestampResult {
  if (!Number.isFinite(at)) return bad(value);
  if (at < MIN || at > MAX) {
    return { ok: false, code: 'invalid_timestamp', message: `has a time outside 1990–2200 (got ${show(value)})` };
  }
  return { ok: true, at: Math.trunc(at), zoned };
}

function bad(value: unknown): TimestampResult {
  return { ok: false, code: 'invalid_timestamp', message: `has a time that is not a date (got ${show(value)})` };
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value;
}
