import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateCalls } from '../../src/allocate/index.js';
import type { LeadLike, RepLike } from '../../src/allocate/index.js';
import { solveOptimal } from '../../src/allocate/strategies/index.js';

const asOf = '2026-11-23T12:00:00Z';
const topics = ['tractors', 'combines', 'veterinary', 'feed'];

/** Many leads for little capacity, in overlapping territories: the shape where pruning cuts. */
const instance = fc.record({
  leads: fc.array(
    fc.record({
      score: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0.5, max: 99, noNaN: true })),
      territory: fc.integer({ min: 0, max: 5 }),
      topic: fc.integer({ min: 0, max: 3 }),
      hot: fc.boolean(),
      owner: fc.option(fc.integer({ min: 0, max: 7 }), { freq: 8 }),
    }),
    { minLength: 150, maxLength: 300 },
  ),
  capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 }),
});

type Instance = typeof instance extends fc.Arbitrary<infer T> ? T : never;

function build({ leads, capacity }: Instance): { leads: LeadLike[]; reps: RepLike[] } {
  return {
    leads: leads.map((l, i) => ({
      contact: `lead${i}@farm.example`,
      score: l.score,
      tier: l.hot ? 'hot' : 'warm',
      interests: [{ topic: topics[l.topic]!, weight: 1 }],
      details: { email: `lead${i}@farm.example`, territory: `T${l.territory}`, tags: [], doNotCall: false, attributes: {}, ...(l.owner === null ? {} : { owner: `rep${l.owner}` }) },
    })),
    reps: capacity.map((c, r) => ({ id: `rep${r}`, capacity: c, territories: [`T${r % 6}`, `T${(r + 1) % 6}`], expertise: [topics[r % 4]!] })),
  };
}

describe('leads the exact solver may place', () => {
  it('gives the assignment of the solver run on every lead', () => {
    fc.assert(
      fc.property(instance, (x) => {
        const { leads, reps } = build(x);
        for (const ownership of ['prefer', 'sticky'] as const) {
          // A strategy function is run on the whole problem; 'optimal' on the pruned one.
          const whole = allocateCalls(leads, reps, { asOf, ownership, strategy: (p) => solveOptimal(p) });
          const pruned = allocateCalls(leads, reps, { asOf, ownership, strategy: 'optimal' });
          expect(pruned.lists).toEqual(whole.lists);
          expect(pruned.unassigned).toEqual(whole.unassigned);
          expect(pruned.stats.totalValue).toBe(whole.stats.totalValue);
        }
      }),
      { seed: 21, numRuns: 60 },
    );
  });
});

describe('leadsTheSolverMayPlace', () => {
  it('drops most leads when capacity is small against the leads', async () => {
    const { leadsTheSolverMayPlace } = await import('../../src/allocate/prune.js');
    const n = 2000;
    const reps = Int32Array.of(0, 1);
    const rows = Array.from({ length: n }, () => ({ reps, fits: [], fit: Float64Array.of(1, 0.8) }));
    const score = Float64Array.from({ length: n }, (_, i) => ((i * 7919) % 1000) + 1);
    const rest = Int32Array.from({ length: n }, (_, i) => i);
    const kept = leadsTheSolverMayPlace(rest, rows, score, [5, 5]);
    // Each rep needs at most 5 + 5 = 10 candidates and looks at no more than 20: about 20 leads.
    expect(kept.length).toBeGreaterThanOrEqual(20);
    expect(kept.length).toBeLessThan(40);
    // The best leads are among them, in order.
    expect([...kept]).toEqual([...kept].sort((a, b) => a - b));
    // They are the start of `rest`, compacted in place.
    expect(kept.buffer).toBe(rest.buffer);
    expect([...rest.subarray(0, kept.length)]).toEqual([...kept]);
    const best = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b]! - score[a]! || a - b).slice(0, 20);
    for (const i of best) expect(kept).toContain(i);
  });

  it('leaves the leads as they are when finding neighbours would cost more than it saves', async () => {
    // A custom fit gives each lead its own rep set: 2,000 sets of 125 reps is 31M steps of work.
    const { leadsTheSolverMayPlace } = await import('../../src/allocate/prune.js');
    const n = 2000;
    const rows = Array.from({ length: n }, () => ({ reps: Int32Array.from({ length: 125 }, (_, r) => r), fits: [], fit: new Float64Array(125).fill(1) }));
    const rest = Int32Array.from({ length: n }, (_, i) => i);
    const capacity = Array.from({ length: 125 }, (_, r) => (r < 20 ? 1 : 0)); // little room: pruning would cut
    const score = Float64Array.from({ length: n }, (_, i) => i + 1);
    expect(leadsTheSolverMayPlace(rest, rows, score, capacity)).toBe(rest);
    // The same leads sharing one rep set are pruned.
    const shared = rows[0]!;
    expect(leadsTheSolverMayPlace(rest, rows.map(() => shared), score, capacity).length).toBeLessThan(n / 2);
  });
});
