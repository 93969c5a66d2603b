import type { SegmentsResult } from '../feedback/segments.js';
import type { NamedFile } from '../report/files.js';
import { renderSegmentsCsv } from '../report/segmentsCsv.js';
import { renderSegmentsJson } from '../report/segmentsJson.js';
import { renderSegmentsMarkdown } from '../report/segmentsMarkdown.js';
import { writeFiles } from './writeFiles.js';

/** The formats segments are written in. */
export type SegmentsFormat = 'csv' | 'json' | 'md';

/**
 * The files of a segments result: CSV gives `segments.csv`, one `segment-<name>.csv` per segment and
 * `segments-excluded.csv` (ready to upload to an e-mail provider); `md` gives `segments.md`; every
 * format also writes `segments.json` (the whole result). Pure.
 *
 * @example
 * segmentFiles(result, 'csv').map((f) => f.name) //=> ['segments.csv', 'segment-hot-not-yet-called.csv', …, 'segments.json']
 */
export function segmentFiles(result: SegmentsResult, format: SegmentsFormat = 'csv'): NamedFile[] {
  const json = { name: 'segments.json', content: renderSegmentsJson(result) };
  if (format === 'json') return [json];
  if (format === 'md') return [{ name: 'segments.md', content: renderSegmentsMarkdown(result) }, json];
  return [...renderSegmentsCsv(result), json];
}

/**
 * Writes segments into `dir` (see {@link segmentFiles}); returns the paths.
 *
 * @example
 * await writeSegments('segments', buildSegments(scored, { asOf, outcomes }))
 */
export function writeSegments(dir: string, result: SegmentsResult, options: { format?: SegmentsFormat } = {}): Promise<string[]> {
  return writeFiles(dir, segmentFiles(result, options.format ?? 'csv'));
}
