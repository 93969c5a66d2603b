import { describe, expect, it } from 'vitest';
import { buildSegments } from '../../src/feedback/segments.js';
import { LeadrankError } from '../../src/model/errors.js';
import type { CallOutcomeInput } from '../../src/model/outcome.js';
import { scoredContact } from './helpers.js';

const asOf = '2026-11-23T08:00:00Z';

const scored = [
  scoredContact('hot1@farm.com', { tier: 'hot', score: 50, interests: [{ topic: 'tractors', weight: 3 }] }),
  scoredContact('hot2@farm.com', { tier: 'hot', score: 60 }),
  scoredContact('hotcalled@farm.com', { tier: 'hot', score: 55 }),
  scoredContact('hotoptout@farm.com', { tier: 'hot', score: 70, flags: { optedOut: true, bounced: false, complained: false, doNotCall: false } }),
  scoredContact('warm@vet.de', { tier: 'warm', score: 20 }),
  scoredContact('bounced@vet.de', { tier: 'cold', score: 0, flags: { optedOut: false, bounced: true, complained: false, doNotCall: false } }),
  scoredContact('nope@ranch.com', { tier: 'mild', score: 5 }),
  scoredContact('recentnope@ranch.com', { tier: 'mild', score: 6 }),
  scoredContact('ring@ranch.com', { tier: 'warm', score: 15 }),
];

const outcomes: CallOutcomeInput[] = [
  { contact: 'hotcalled@farm.com', rep: 'r1', at: '2026-11-20T10:00:00Z', disposition: 'interested', interest: 4 },
  { contact: 'warm@vet.de', rep: 'r2', at: '2026-11-10T10:00:00Z', disposition: 'callback', callbackAt: '2026-11-25T09:00:00Z' },
  { contact: 'nope@ranch.com', rep: 'r1', at: '2026-07-01T10:00:00Z', disposition: 'not_interested', interest: 1 },
  { contact: 'recentnope@ranch.com', rep: 'r1', at: '2026-11-01T10:00:00Z', disposition: 'not_interested' },
  { contact: 'ring@ranch.com', rep: 'r1', at: '2026-11-01T10:00:00Z', disposition: 'no_answer' },
  { contact: 'ring@ranch.com', rep: 'r1', at: '2026-11-03T10:00:00Z', disposition: 'voicemail' },
  { contact: 'ring@ranch.com', rep: 'r2', at: '2026-11-05T10:00:00Z', disposition: 'no_answer' },
  { contact: 'crm-only@buyer.com', rep: 'r2', at: '2026-10-01T10:00:00Z', disposition: 'meeting_booked' },
  { contact: 'crm-only@buyer.com', rep: 'r2', at: '2026-10-15T10:00:00Z', disposition: 'won', interest: 5 },
  { contact: 'future@farm.com', rep: 'r2', at: '2026-12-01T10:00:00Z', disposition: 'won' },
];

const names = (r: ReturnType<typeof buildSegments>, segment: string): string[] =>
  r.segments.find((s) => s.name === segment)?.contacts.map((c) => c.contact) ?? [];

describe('buildSegments with the default rules', () => {
  const result = buildSegments(scored, { asOf, outcomes });

  it('returns the five default segments in rule order', () => {
    expect(result.segments.map((s) => s.name)).toEqual(['hot-not-yet-called', 'interested-nurture', 'not-interested-90-days', 'unreachable', 'won']);
  });

  it('lists hot contacts nobody called yet, highest score first, and says why', () => {
    expect(names(result, 'hot-not-yet-called')).toEqual(['hot2@farm.com', 'hot1@farm.com']);
    const first = result.segments[0]?.contacts[0];
    expect(first?.why).toEqual(['tier hot (score 60)', 'not called yet']);
  });

  it('keeps opted-out contacts out of marketing segments and reports them as excluded', () => {
    expect(names(result, 'hot-not-yet-called')).not.toContain('hotoptout@farm.com');
    expect(result.excluded).toEqual([{ segment: 'hot-not-yet-called', contact: 'hotoptout@farm.com', flag: 'optedOut', reason: 'opted out of e-mail' }]);
  });

  it('nurtures contacts whose last call showed interest, but not customers', () => {
    expect(names(result, 'interested-nurture')).toEqual(['hotcalled@farm.com', 'warm@vet.de']);
    expect(result.segments[1]?.contacts[1]?.why).toEqual(['last call 2026-11-10 (13 days ago): callback']);
  });

  it('offers a re-engagement only to contacts who said no at least 90 days ago', () => {
    expect(names(result, 'not-interested-90-days')).toEqual(['nope@ranch.com']);
    expect(result.segments[2]?.contacts[0]?.why).toEqual([
      'last call 2026-07-01 (145 days ago): not_interested',
      'last called at least 90 days ago (145 days ago)',
    ]);
  });

  it('finds contacts who never answer or whose mail bounced', () => {
    expect(names(result, 'unreachable')).toEqual(['ring@ranch.com', 'bounced@vet.de']);
    const ring = result.segments[3]?.contacts[0];
    expect(ring?.why).toEqual(['3 unanswered calls in a row']);
    expect(ring?.lastDisposition).toBe('no_answer');
  });

  it('lists customers known only from call outcomes, without a score', () => {
    const won = result.segments[4]?.contacts;
    expect(won?.map((c) => c.contact)).toEqual(['crm-only@buyer.com']);
    expect(won?.[0]).toMatchObject({ score: null, tier: null, why: ['won on 2026-10-15'] });
  });

  it('leaves out outcomes dated after asOf and counts them', () => {
    expect(result.outcomesAfterAsOf).toBe(1);
    expect(names(result, 'won')).not.toContain('future@farm.com');
  });

  it('gives the same result whatever the order of its inputs', () => {
    const again = buildSegments([...scored].reverse(), { asOf, outcomes: [...outcomes].reverse() });
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
  });
});

describe('buildSegments with custom rules', () => {
  it('accepts rules over topics, labels and scores, written as JSON', () => {
    const rules = JSON.parse(
      '[{"name":"tractor-fans","when":[{"topics":["Tractors"],"minScore":10}]},{"name":"b-warm","when":[{"labels":["B2"]}],"excludeFlags":[]}]',
    ) as unknown as Parameters<typeof buildSegments>[1]['rules'];
    const r = buildSegments(scored, { asOf, outcomes, ...(rules ? { rules } : {}) });
    expect(names(r, 'tractor-fans')).toEqual(['hot1@farm.com']);
    expect(r.segments[0]?.contacts[0]?.why).toEqual(['score 50 ≥ 10', 'interested in tractors']);
    expect(names(r, 'b-warm')).toEqual(['warm@vet.de', 'ring@ranch.com']);
  });

  it('rejects a rule with an unknown field, naming the field and value', () => {
    expect(() => buildSegments(scored, { asOf, rules: [{ name: 'x', when: [{ tier: 'hot' } as never] }] })).toThrow(LeadrankError);
    expect(() => buildSegments(scored, { asOf, rules: [{ name: 'x', when: [{ tiers: ['boiling' as 'hot'] }] }] })).toThrow(
      /segments\.rules\.0\.when\.0\.tiers\.0 .*"boiling"/,
    );
  });

  it('rejects two segments with the same name', () => {
    const rule = { name: 'dup', when: [{ called: true }] };
    expect(() => buildSegments(scored, { asOf, rules: [rule, rule] })).toThrow(/segment names must be unique/);
  });

  it('rejects a scored contact listed twice', () => {
    expect(() => buildSegments([scored[0]!, scored[0]!], { asOf })).toThrow(/row 2: contact appears twice/);
  });
});
