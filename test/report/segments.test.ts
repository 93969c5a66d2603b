import { describe, expect, it } from 'vitest';
import { buildSegments } from '../../src/feedback/segments.js';
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
