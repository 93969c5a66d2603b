import { toSafeCsv } from '../report/csvSafe.js';
import type { ParsedArgs } from './args.js';
import { stringOption } from './args.js';
import { DataError, UsageError } from './exitCodes.js';

/** A rejected record of any input (events, contacts, reps, outcomes), with its file. */
export interface AnyRejection {
  file: string;
  record: number;
  code: string;
  message: string;
  field?: string;
  raw: unknown;
}

/** The `--max-rejected` limit: a count, or a share of all records. */
export type RejectLimit = { count: number } | { percent: number };

const COLUMNS = ['file', 'record', 'code', 'field', 'message', 'raw'] as const;

/**
 * The rejected records as spreadsheet-safe CSV (file, record, code, field, message, raw as JSON).
 *
 * @example
 * rejectedCsv([{ file: 'a.csv', record: 4, code: 'missing_email', message: 'has no e-mail', raw: {} }])
 */
export function rejectedCsv(rejected: readonly AnyRejection[]): string {
  const rows = rejected.map((r) => ({ file: r.file, record: r.record, code: r.code, field: r.field ?? '', message: r.message, raw: showRaw(r.raw) }));
  return toSafeCsv(COLUMNS, rows);
}

function showRaw(raw: unknown): string {
  if (typeof raw === 'string') return raw;
  try {
    return JSON.stringify(raw) ?? '';
  } catch {
    return String(raw);
  }
}

/**
 * Reads `--max-rejected N` or `--max-rejected 5%`.
 *
 * @example
 * rejectLimit(args, 'lists') //=> { percent: 5 }
 */
export function rejectLimit(args: ParsedArgs, command: string): RejectLimit | undefined {
  const v = stringOption(args, 'max-rejected');
  if (v === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(v);
  if (m === null || (m[2] === '' && !Number.isInteger(Number(m[1])))) {
    throw new UsageError(`--max-rejected must be a whole number of records or a percentage such as 5% (got ${JSON.stringify(v)})`, command);
  }
  return m[2] === '%' ? { percent: Number(m[1]) } : { count: Number(m[1]) };
}

/**
 * Throws a {@link DataError} (exit code 2) when `rejected` records out of `records` exceed the limit.
 *
 * @example
 * checkRejectLimit(12, 100, { count: 10 }, 'rejected.csv') // throws: 12 records rejected, more than --max-rejected 10
 */
export function checkRejectLimit(rejected: number, records: number, limit: RejectLimit | undefined, rejectedFile: string | undefined): void {
  if (limit === undefined) return;
  const share = records === 0 ? 0 : (rejected / records) * 100;
  const over = 'count' in limit ? rejected > limit.count : share > limit.percent;
  if (!over) return;
  const allowed = 'count' in limit ? `${limit.count}` : `${limit.percent}%`;
  const where = rejectedFile === undefined ? 'pass --rejected rejected.csv to see them' : `see ${rejectedFile}`;
  throw new DataError(`${rejected} of ${records} records rejected (${round(share)}%), more than --max-rejected ${allowed}: ${where}`);
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
