import type { SegmentMember, SegmentsResult } from '../feedback/segments.js';
import { toSafeCsv } from './csvSafe.js';

/**
 * The columns of a segment CSV, in order (ready to upload to an e-mail provider as a list).
 *
 * @example
 * SEGMENT_COLUMNS[1] //=> 'email'
 */
export const SEGMENT_COLUMNS = [
  'segment', 'email', 'name', 'company', 'phone', 'score', 'tier', 'label', 'topics', 'last_disposition', 'last_called_at', 'why',
] as const;

/**
 * Renders segments as spreadsheet-safe CSV files: `segments.csv` with every member of every segment,
 * one `segment-<name>.csv` per segment (header only when empty), and `segments-excluded.csv` with the
 * contacts a flag kept out.
 *
 * @param result - the output of `buildSegments`
 * @returns files as `{ name, content }`, in a fixed order
 * @example
 * renderSegmentsCsv(result).map((f) => f.name)
 * //=> ['segments.csv', 'segment-hot-not-yet-called.csv', …, 'segments-excluded.csv']
 */
export function renderSegmentsCsv(result: SegmentsResult): { name: string; content: string }[] {
  const rowsOf = (segment: string, members: readonly SegmentMember[]) => members.map((m) => row(segment, m));
  const files = [{ name: 'segments.csv', content: csv(SEGMENT_COLUMNS, result.segments.flatMap((s) => rowsOf(s.name, s.contacts))) }];
  for (const s of result.segments) files.push({ name: `segment-${s.name}.csv`, content: csv(SEGMENT_COLUMNS, rowsOf(s.name, s.contacts)) });
  files.push({
    name: 'segments-excluded.csv',
    content: csv(['segment', 'email', 'flag', 'reason'] as const, result.excluded.map((x) => ({ segment: x.segment, email: x.contact, flag: x.flag, reason: x.reason }))),
  });
  return files;
}

function row(segment: string, m: SegmentMember) {
  return {
    segment, email: m.contact, name: m.name, company: m.company, phone: m.phone, score: m.score, tier: m.tier, label: m.label,
    topics: m.topics.join(';'), last_disposition: m.lastDisposition,
    last_called_at: m.lastCalledAt === null ? null : new Date(m.lastCalledAt).toISOString(), why: m.why.join('; '),
  };
}

function csv<K extends string>(columns: readonly K[], rows: readonly Partial<Record<K, string | number | null | undefined>>[]): string {
  return endLine(toSafeCsv(columns, rows));
}

/** Ends the text with exactly one CRLF (papaparse adds one after a header without rows). */
function endLine(text: string): string {
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
