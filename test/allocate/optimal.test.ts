import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignmentValue, buildProblem, solveGreedy, solveOptimal, solveRoundRobin } from '../../src/allocate/strategies/index.js';
import { bruteForceValue, checkFeasible, flowValue } from './solverHelpers.js';

const instance = fc
  .record({
    reps: fc.integer({ min: 1, max: 3 }),
    leads: fc.integer({ min: 0, max: 7 }),
  })
  .chain(({ reps, leads }) =>
    fc.record({
      capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: reps, maxLength: reps }),
      edges: fc.array(
        fc.uniqueArray(fc.record({ rep: fc.integer({ min: 0, max: reps - 1 }), value: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.double({ min: 0, max: 50, noNaN: true })) }), {
          selector: (e) => e.rep,
          maxLength: reps,
        }),
        { minLength: leads, maxLength: leads },
      ),
    }),
  );

describe('solveOptimal', () => {
  it('prefers moving a lead to a second-best rep when that frees room for a better pair', () => {
    const p = buildProblem([[{ rep: 0, value: 3 }, { rep: 1, value: 2 }], [{ rep: 0, value: 3 }]], [1, 1]);
    expect([...solveOptimal(p)]).toEqual([1, 0]);
    expect([...solveGreedy(p)]).toEqual([0, -1]);
  });

  it('keeps its tie-breaking on an instance with many ties where leads must move', () => {
    // 3,000 leads on a ring of 24 reps, integer values 1–9 (ties everywhere), 940 places: greedy
    // falls short, so the searches move placed leads. The checksum pins the exact assignment, which
    // the search's shortcuts (zero-distance sources off the heap, heap tops not re-checked while
    // none of their leads moved) must not change.
    let seed = 12345;
    const rand = (): number => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;
    const R = 24;
    const edges = Array.from({ length: 3000 }, () => {
      const home = Math.floor(rand() * R);
      const value = 1 + Math.floor(rand() * 8);
      return [0, 1, 2].map((k) => ({ rep: (home + k) % R, value: k === 0 ? value : 1 + Math.floor(rand() * 9) }));
    });
    const p = buildProblem(edges, Array.from({ length: R }, (_, r) => 20 + (r % 5) * 10));
    const a = solveOptimal(p);
    checkFeasible(p, a);
    expect(assignmentValue(p, a)).toBe(8121);
    expect(assignmentValue(p, a)).toBeCloseTo(flowValue(p), 6);
    expect(assignmentValue(p, solveGreedy(p))).toBeLessThan(8121);
    let checksum = 0;
    for (const r of a) checksum = (Math.imul(checksum, 31) + r + 1) | 0;
    expect(checksum).toBe(-273792190);
  });

  it('equals the brute-force optimum on small random instances', () => {
    fc.assert(
      fc.property(instance, ({ capacity, edges }) => {
        const p = buildProblem(edges, capacity);
        const a = solveOptimal(p);
        checkFeasible(p, a);
        const best = bruteForceValue(p);
        expect(Math.abs(assignmentValue(p, a) - best)).toBeLessThanOrEqual(1e-6 * Math.max(1, best));
        expect(flowValue(p)).toBeCloseTo(best, 6); // the reference used on bigger instances
      }),
      { seed: 42, numRuns: 400 },
    );
  });

  it('is never worse than greedy or round-robin', () => {
    fc.assert(
      fc.property(instance, ({ capacity, edges }) => {
        const p = buildProblem(edges, capacity);
        const v = assignmentValue(p, solveOptimal(p));
        checkFeasible(p, solveGreedy(p));
        checkFeasible(p, solveRoundRobin(p));
        expect(v).toBeGreaterThanOrEqual(assignmentValue(p, solveGreedy(p)) - 1e-6);
        expect(v).toBeGreaterThanOrEqual(assignmentValue(p, solveRoundRobin(p)) - 1e-6);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('stays exact when each rep keeps only as many candidates as it and its neighbours can hold', () => {
    // Sparse edges and small capacities: a rep's best few leads, with the room of the reps those
    // leads could also go to, bound what it may need; the rest of its candidates are pruned.
    const sparse = fc.record({
      capacity: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 5, maxLength: 5 }),
      edges: fc.array(
        fc.uniqueArray(fc.record({ rep: fc.integer({ min: 0, max: 4 }), value: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.double({ min: 0, max: 30, noNaN: true })) }), {
          selector: (e) => e.rep,
          minLength: 1,
          maxLength: 2,
        }),
        { minLength: 11, maxLength: 11 },
      ),
    });
    fc.assert(
      fc.property(sparse, ({ capacity, edges }) => {
        const p = buildProblem(edges, capacity);
        const a = solveOptimal(p);
        checkFeasible(p, a);
        const best = bruteForceValue(p);
        expect(Math.abs(assignmentValue(p, a) - best)).toBeLessThanOrEqual(1e-6 * Math.max(1, best));
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('stays exact when a rep needs more candidates than its first gathering kept', () => {
    // Rep 0 (capacity 1) shares its leads with 100 reps of capacity 3, so it may need well over
    // the 64 candidates gathered at first: it gathers all of them in a second pass.
    const leads = fc.array(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 100 })), { minLength: 120, maxLength: 120 });
    fc.assert(
      fc.property(leads, (rows) => {
        const capacity = [1, ...Array.from({ length: 100 }, () => 3)];
        const p = buildProblem(
          rows.map(([a, b, r]) => [{ rep: 0, value: a }, { rep: r, value: b }]),
          capacity,
        );
        const a = solveOptimal(p);
        checkFeasible(p, a);
        expect(assignmentValue(p, a)).toBeCloseTo(flowValue(p), 6);
      }),
      { seed: 9, numRuns: 10 },
    );
  });

  it('stays exact when pruning keeps only each rep’s best candidates', () => {
    // 12 leads, 3 reps with capacity 1: each rep keeps only its top 3 candidates.
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 3, maxLength: 3 }), { minLength: 12, maxLength: 12 }),
        (rows) => {
          const p = buildProblem(rows.map((vals) => vals.map((value, rep) => ({ rep, value }))), [1, 1, 1]);
          expect(assignmentValue(p, solveOptimal(p))).toBe(bruteForceValue(p));
        },
      ),
      { seed: 3, numRuns: 60 },
    );
  });
});
