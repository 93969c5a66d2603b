import type { SegmentsResult } from '../feedback/segments.js';
import { formatInstant, markdownTable } from './campaignReportFormat.js';

/**
 * Renders segments as Markdown for a person to review: a summary, then each segment's contacts with
 * why they are on it, then the contacts a flag kept out.
 *
 * @param result - the output of `buildSegments`
 * @returns Markdown text ending in a newline
 * @example
 * renderSegmentsMarkdown(result).split('\n')[0] //=> '# Segments'
 */
export function renderSegmentsMarkdown(result: SegmentsResult): string {
  const out: string[] = ['# Segments', '', `As of ${formatInstant(result.asOf)}.`, ''];
  out.push(markdownTable(['segment', '>contacts', 'what it is for'], result.segments.map((s) => [s.name, s.contacts.length, s.description])), '');
  for (const s of result.segments) {
    out.push(`## ${s.name}`, '');
    if (s.description) out.push(s.description, '');
    if (s.contacts.length === 0) {
      out.push('No contacts.', '');
      continue;
    }
    out.push(
      markdownTable(
        ['contact', 'name', '>score', 'tier', 'last call', 'why'],
        s.contacts.map((c) => [
          c.contact,
          [c.name, c.company].filter(Boolean).join(', ') || '—',
          c.score ?? '—',
          c.tier ?? '—',
          c.lastCalledAt === null ? '—' : `${formatInstant(c.lastCalledAt, true)} ${c.lastDisposition ?? ''}`.trim(),
          c.why.join('; '),
        ]),
      ),
      '',
    );
  }
  if (result.excluded.length > 0) {
    out.push('## Left out by a flag', '');
    out.push(markdownTable(['segment', 'contact', 'reason'], result.excluded.map((x) => [x.segment, x.contact, x.reason])), '');
  }
  if (result.outcomesAfterAsOf > 0) out.push(`Call outcomes after the as-of time, left out: ${result.outcomesAfterAsOf}.`, '');
  return out.join('\n');
}
