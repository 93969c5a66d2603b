import { describe, expect, it } from 'vitest';
import { buildSegments } from '../../src/feedback/segments.js';
import { renderSegmentsCsv } from '../../src/report/segmentsCsv.js';
import { renderSegmentsJson } from '../../src/report/segmentsJson.js';
import { renderSegmentsMarkdown } from '../../src/report/segmentsMarkdown.js';
import { scoredContact } from '../feedback/helpers.js';

const result = buildSegments(
  [
    scoredContact('hot@farm.com', { tier: 'hot', score: 40, details: { email: 'hot@farm.com', name: 'Ann Hot', company: 'Hot | Farm', tags: [], doNotCall: false, attributes: {} } }),
    scoredContact('out@farm.com', { tier: 'hot', score: 50, flags: { optedOut: false, bounced: false, complained: true, doNotCall: false } }),
  ],
  { asOf: '2026-11-23', outcomes: [{ contact: 'cust@farm.com', rep: 'r1', at: '2026-11-02T10:00:00Z', disposition: 'won' }] },
);

describe('renderSegmentsMarkdown', () => {
  const md = renderSegmentsMarkdown(result);

  it('summarises every segment and lists its contacts with why', () => {
    expect(md).toContain('| hot-not-yet-called | 1 | Hot contacts no rep has called yet: alert sales, keep them warm. |');
    expect(md).toContain('| hot@farm.com | Ann Hot, Hot \\| Farm | 40 | hot | — | tier hot (score 40); not called yet |');
    expect(md).toContain('| cust@farm.com | — | — | — | 2026-11-02 won | won on 2026-11-02 |');
  });

  it('names the contacts a flag kept out', () => {
    expect(md).toContain('| hot-not-yet-called | out@farm.com | marked an e-mail as spam |');
  });
});

describe('renderSegmentsJson', () => {
  it('keeps the segments with instants as ISO strings', () => {
    const doc = JSON.parse(renderSegmentsJson(result)) as { asOf: string; segments: { name: string; contacts: { contact: string; lastCalledAt: string | null }[] }[] };
    expect(doc.asOf).toBe('2026-11-23T00:00:00.000Z');
    expect(doc.segments.find((s) => s.name === 'won')?.contacts).toMatchObject([{ contact: 'cust@farm.com', lastCalledAt: '2026-11-02T10:00:00.000Z' }]);
  });
});

describe('renderSegmentsCsv', () => {
  const files = renderSegmentsCsv(result);

  it('writes all segments in one file, one file per segment and the exclusions', () => {
    expect(files.map((f) => f.name)).toEqual([
      'segments.csv',
      'segment-hot-not-yet-called.csv',
      'segment-interested-nurture.csv',
      'segment-not-interested-90-days.csv',
      'segment-unreachable.csv',
      'segment-won.csv',
      'segments-excluded.csv',
    ]);
  });

  it('writes members with why, and a header only for an empty segment', () => {
    const hot = files[1]!.content.split('\r\n');
    expect(hot[0]).toBe('segment,email,name,company,phone,score,tier,label,topics,last_disposition,last_called_at,why');
    expect(hot[1]).toBe('hot-not-yet-called,hot@farm.com,Ann Hot,Hot | Farm,,40,hot,B1,,,,tier hot (score 40); not called yet');
    expect(files[2]!.content).toBe('segment,email,name,company,phone,score,tier,label,topics,last_disposition,last_called_at,why\r\n');
    expect(files[6]!.content.split('\r\n')[1]).toBe('hot-not-yet-called,out@farm.com,complained,marked an e-mail as spam');
  });
});
