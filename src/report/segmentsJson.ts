import type { SegmentsResult } from '../feedback/segments.js';

/**
 * Renders segments as JSON for scripts: the result of `buildSegments` with instants (`asOf`,
 * `lastCalledAt`) as ISO 8601 strings, indented, ending in a newline.
 *
 * @param result - the output of `buildSegments`
 * @example
 * JSON.parse(renderSegmentsJson(result)).segments[0].name //=> 'hot-not-yet-called'
 */
export function renderSegmentsJson(result: SegmentsResult): string {
  const doc = {
    ...result,
    asOf: new Date(result.asOf).toISOString(),
    segments: result.segments.map((s) => ({
      ...s,
      contacts: s.contacts.map((c) => ({ ...c, lastCalledAt: c.lastCalledAt === null ? null : new Date(c.lastCalledAt).toISOString() })),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
