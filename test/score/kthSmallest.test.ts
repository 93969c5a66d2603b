import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kthSmallest } from '../../src/score/scoreEventTable.js';

describe('kthSmallest (the top-N threshold of scoreEventTable)', () => {
  it('gives what sorting a copy gives, for any array and k, the input untouched (property, fixed seed)', () => {
    // Scores repeat a lot (rounded points, many contacts at 0): values from a small set, and any doubles.
    const few = fc.constantFrom(0, -0, 1, 2.5, -3, 7, 0.01, Number.MAX_VALUE, -Number.MAX_VALUE);
    const value = fc.oneof(few, fc.double({ noNaN: true }), fc.integer({ min: -5, max: 5 }));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 400 }), fc.nat(), fc.constantFrom('as is', 'sorted', 'reversed'), (list, pick, shape) => {
        const ordered = shape === 'as is' ? list : [...list].sort((a, b) => a - b);
        if (shape === 'reversed') ordered.reverse();
        const values = Float64Array.from(ordered);
        const before = Array.from(values);
        const k = pick % values.length;
        // === (0 and -0 alike: the threshold is only compared with >=).
        expect(kthSmallest(values, k) === Float64Array.from(values).sort()[k]).toBe(true);
        expect(Array.from(values)).toEqual(before);
      }),
      { seed: 20261204, numRuns: 2000 },
    );
  });

  it('orders NaN as the sort does, and stays exact on long runs of one value', () => {
    expect(kthSmallest(Float64Array.from([3, Number.NaN, 1]), 2)).toBeNaN();
    expect(kthSmallest(Float64Array.from([3, Number.NaN, 1]), 1)).toBe(3);
    const many = new Float64Array(100_000); // all 0 but a few: a pivot per round would not shrink a two-way partition
    many[17] = 5;
    many[99_999] = -1;
    expect(kthSmallest(many, 0)).toBe(-1);
    expect(kthSmallest(many, 50_000)).toBe(0);
    expect(kthSmallest(many, 99_999)).toBe(5);
  });
});
