import { describe, expect, it } from 'vitest';
import { summarizeOutcomes } from '../../src/feedback/outcomes.js';
import { LeadrankError } from '../../src/model/errors.js';
import type { CallOutcomeInput } from '../../src/model/outcome.js';

const asOf = '2026-11-23T08:00:00Z';

const outcomes: CallOutcomeInput[] = [
  { contact: 'Ann@Farm.com', rep: 'r1', at: '2026-11-10T10:00:00Z', disposition: 'no_answer' },
  { contact: 'ann@farm.com', rep: 'r2', at: '2026-11-12T10:00:00Z', disposition: 'connected', interest: 3 },
  { contact: 'ann@farm.com', rep: 'r1', at: '2026-11-20T10:00:00Z', disposition: 'callback', callbackAt: '2026-11-23T15:00:00Z', note: 'after harvest', interest: 4 },
  { contact: 'bob@vet.de', rep: 'r3', at: '2026-11-21T09:00:00Z', disposition: 'do_not_call', note: 'asked to stop' },
  { contact: 'bob@vet.de', rep: 'r3', at: '2026-11-22T09:00:00Z', disposition: 'connected' },
  { contact: 'cid@ranch.com', rep: 'r1', at: '2026-11-01T09:00:00Z', disposition: 'callback', callbackAt: '2026-11-30T09:00:00Z' },
  { contact: 'dee@ranch.com', rep: 'r1', at: '2026-11-01T09:00:00Z', disposition: 'wrong_number' },
  { contact: 'eve@ranch.com', rep: 'r1', at: '2026-11-01T09:00:00Z', disposition: 'callback', callbackAt: '2026-11-05T09:00:00Z' },
  { contact: 'eve@ranch.com', rep: 'r2', at: '2026-11-06T09:00:00Z', disposition: 'voicemail' },
];

describe('summarizeOutcomes', () => {
  const m = summarizeOutcomes(outcomes, { asOf });

  it('keys summaries by canonical e-mail in e-mail order', () => {
    expect([...m.keys()]).toEqual(['ann@farm.com', 'bob@vet.de', 'cid@ranch.com', 'dee@ranch.com', 'eve@ranch.com']);
  });

  it('reports the last outcome with its rep and note, and counts calls per disposition', () => {
    const ann = m.get('ann@farm.com');
    expect(ann?.last).toEqual({ disposition: 'callback', at: Date.parse('2026-11-20T10:00:00Z'), rep: 'r1', note: 'after harvest' });
    expect(ann?.lastCalledAt).toBe(Date.parse('2026-11-20T10:00:00Z'));
    expect(ann?.calls).toBe(3);
    expect(ann?.counts.no_answer).toBe(1);
    expect(ann?.counts.callback).toBe(1);
    expect(ann?.counts.won).toBe(0);
    expect(ann?.interest).toBe(4);
  });

  it('makes the rep of the latest connected call the owner', () => {
    expect(m.get('ann@farm.com')?.owner).toBe('r1');
    expect(m.get('bob@vet.de')?.owner).toBe('r3');
    expect(m.get('dee@ranch.com')?.owner).toBeUndefined();
  });

  it('marks a callback due when it falls on or before the end of asOf day', () => {
    expect(m.get('ann@farm.com')?.callbackDue).toBe(true);
    expect(m.get('cid@ranch.com')?.callbackDue).toBe(false);
    expect(m.get('cid@ranch.com')?.callbackAt).toBe(Date.parse('2026-11-30T09:00:00Z'));
  });

  it('considers a callback answered by any later call', () => {
    expect(m.get('eve@ranch.com')?.callbackDue).toBe(false);
    expect(m.get('eve@ranch.com')?.callbackAt).toBeUndefined();
  });

  it('keeps do-not-call even after a later connected call', () => {
    expect(m.get('bob@vet.de')?.doNotCall).toBe(true);
    expect(m.get('ann@farm.com')?.doNotCall).toBe(false);
  });

  it('flags a wrong number until a connected call proves it right', () => {
    expect(m.get('dee@ranch.com')?.wrongNumber).toBe(true);
    const fixed = summarizeOutcomes(
      [...outcomes, { contact: 'dee@ranch.com', rep: 'r2', at: '2026-11-02T09:00:00Z', disposition: 'connected' }],
      { asOf },
    );
    expect(fixed.get('dee@ranch.com')?.wrongNumber).toBe(false);
  });

  it('judges the end of the day in the given time zone', () => {
    // 15:00 UTC on the 23rd is after the end of the 23rd in Pacific/Kiritimati (UTC+14).
    const kiri = summarizeOutcomes(outcomes, { asOf, timeZone: 'Pacific/Kiritimati' });
    expect(kiri.get('ann@farm.com')?.callbackDue).toBe(false);
  });

  it('gives the same result for the outcomes in any order', () => {
    const reversed = summarizeOutcomes([...outcomes].reverse(), { asOf });
    expect(JSON.stringify([...reversed])).toBe(JSON.stringify([...m]));
  });

  it('throws a LeadrankError naming the row and field of a bad outcome', () => {
    const bad = [outcomes[0], { contact: 'x@y.com', at: 'yesterday', disposition: 'no_answer' }] as CallOutcomeInput[];
    expect(() => summarizeOutcomes(bad, { asOf })).toThrow(LeadrankError);
    expect(() => summarizeOutcomes(bad, { asOf })).toThrow(/outcomes row 2: at/);
  });

  it('leaves out outcomes after asOf', () => {
    const later = summarizeOutcomes([...outcomes, { contact: 'zed@farm.com', at: '2026-11-24T09:00:00Z', disposition: 'won' }], { asOf });
    expect(later.has('zed@farm.com')).toBe(false);
  });

  it('throws a LeadrankError on an unknown time zone', () => {
    expect(() => summarizeOutcomes(outcomes, { asOf, timeZone: 'Mars/Olympus' })).toThrow(/timeZone/);
  });
});
