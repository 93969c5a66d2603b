import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderByScore } from '../../src/allocate/order.js';

describe('orderByScore', () => {
  it('orders by score, highest first, ties by index, like a comparator sort', () => {
    const scores = fc.array(
      fc.oneof(
        fc.integer({ min: -5, max: 5 }),
        fc.constantFrom(0, -0, 1e-300, -1e-300, Number.MAX_VALUE, -Number.MAX_VALUE, 0.1, 0.2),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
      ),
      { maxLength: 300 },
    );
    fc.assert(
      fc.property(scores, (s) => {
        const expected = s.map((_, i) => i).sort((a, b) => (s[b]! > s[a]! ? 1 : s[b]! < s[a]! ? -1 : a - b));
        expect([...orderByScore(Float64Array.from(s))]).toEqual(expected);
      }),
      { seed: 5, numRuns: 400 },
    );
  });

  it('handles no leads and one lead', () => {
    expect([...orderByScore([])]).toEqual([]);
    expect([...orderByScore([7])]).toEqual([0]);
  });
});
