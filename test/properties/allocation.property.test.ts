import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateCalls } from '../../src/allocate/index.js';
import type { Allocation, LeadLike, RepLike } from '../../src/allocate/index.js';
import { canonicalCountry } from '../../src/allocate/geo.js';
import { buildProblem } from '../../src/allocate/strategies/index.js';
import { bruteForceValue } from '../allocate/solverHelpers.js';

const asOf = '2026-11-23T12:00:00Z';
const TOPICS = ['tractors', 'combines', 'veterinary'];
const COUNTRIES = ['US', 'DE', 'Germany', 'USA', undefined];

const leadArb = fc.record({
  score: fc.oneof(fc.integer({ min: -2, max: 40 }), fc.double({ min: 0, max: 40, noNaN: true })),
  topic: fc.constantFrom(...TOPICS, undefined),
  country: fc.constantFrom(...COUNTRIES),
  owner: fc.constantFrom('r0', 'r1', 'r9', undefined),
  hot: fc.boolean(),
});
const repArb = fc.record({
  capacity: fc.integer({ min: 0, max: 4 }),
  expertise: fc.subarray(TOPICS),
  countries: fc.constantFrom<string[] | undefined>(['US'], ['DE'], undefined),
  weight: fc.constantFrom(1, 2),
});
const world = fc.record({
  leads: fc.array(leadArb, { maxLength: 14 }),
  reps: fc.array(repArb, { minLength: 1, maxLength: 4 }),
  forbid: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
  order: fc.array(fc.integer(), { minLength: 20, maxLength: 20 }),
});
type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

function build(w: World): { leads: LeadLike[]; reps: RepLike[] } {
  const leads = w.leads.map((l, i): LeadLike => ({
    contact: `lead${i}@x.com`,
    score: l.score,
    ...(l.hot ? { tier: 'hot' as const } : {}),
    interests: l.topic ? [{ topic: l.topic, weight: 1 }] : [],
    details: { email: `lead${i}@x.com`, tags: [], doNotCall: false, attributes: {}, ...(l.country ? { country: l.country } : {}), ...(l.owner ? { owner: l.owner } : {}) },
  }));
  const reps = w.reps.map((r, i): RepLike => ({
    id: `r${i}`,
    capacity: r.capacity,
    expertise: r.expertise,
    weight: r.weight,
    territories: r.countries ? [{ countries: r.countries }] : [],
  }));
  return { leads, reps };
}

/** A custom fit that forbids some pairs, so eligibility is random too. */
const fitOf = (w: World) => (l: LeadLike, r: RepLike): number | null => {
  const li = Number(l.contact.slice(4, l.contact.indexOf('@')));
  const ri = Number(r.id.slice(1));
  return w.forbid[(li * 4 + ri) % 64] ? null : 1 + ((li + 2 * ri) % 3) / 2;
};

function shuffled<T>(xs: readonly T[], keys: readonly number[]): T[] {
  return xs.map((x, i) => ({ x, k: keys[i % keys.length]! * 31 + i })).sort((a, b) => a.k - b.k).map((p) => p.x);
}

const pairs = (a: Allocation) => a.lists.flatMap((l) => l.entries.map((e) => [e.contact, l.rep.id] as const));

describe('allocation properties (seeded)', () => {
  it('never exceeds a capacity, never lists a lead twice, and accounts for every lead once', () => {
    fc.assert(
      fc.property(world, fc.constantFrom('optimal', 'round-robin', 'greedy') as fc.Arbitrary<'optimal'>, fc.boolean(), (w, strategy, fairness) => {
        const { leads, reps } = build(w);
        const a = allocateCalls(leads, reps, { asOf, strategy, fairness });
        for (const l of a.lists) expect(l.entries.length).toBeLessThanOrEqual(l.rep.capacity);
        const listed = pairs(a).map(([c]) => c);
        expect(new Set(listed).size).toBe(listed.length);
        expect([...listed, ...a.unassigned.map((u) => u.contact)].sort()).toEqual(leads.map((l) => l.contact).sort());
      }),
      { seed: 20261123, numRuns: 200 },
    );
  });

  it('never pairs a lead with a rep that may not take it', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { leads, reps } = build(w);
        const fit = fitOf(w);
        for (const strategy of ['optimal', 'round-robin'] as const) {
          const a = allocateCalls(leads, reps, { asOf, strategy, fit, ownership: 'ignore' });
          for (const [contact, rep] of pairs(a)) {
            expect(fit(leads.find((l) => l.contact === contact)!, reps.find((r) => r.id === rep)!)).not.toBeNull();
          }
        }
        const territorial = allocateCalls(leads, reps, { asOf, noTerritoryPolicy: 'unassigned' });
        for (const [contact, rep] of pairs(territorial)) {
          const countries = w.reps[Number(rep.slice(1))]!.countries;
          const c = w.leads[Number(contact.slice(4, contact.indexOf('@')))]!.country;
          if (countries) expect(countries).toContain(c === undefined ? undefined : canonicalCountry(c));
        }
      }),
      { seed: 7, numRuns: 150 },
    );
  });

  it('gives optimal at least the value of greedy and of round-robin, and exactly the brute-force optimum', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { leads, reps } = build(w);
        const fit = fitOf(w);
        const run = (strategy: 'optimal' | 'greedy' | 'round-robin') => allocateCalls(leads, reps, { asOf, strategy, fit, ownership: 'ignore' });
        const best = run('optimal').stats.totalValue;
        expect(best).toBeGreaterThanOrEqual(run('greedy').stats.totalValue - 1e-6);
        expect(best).toBeGreaterThanOrEqual(run('round-robin').stats.totalValue - 1e-6);
        const eligible = leads.filter((l) => l.score > 0);
        const problem = buildProblem(
          eligible.map((l) => reps.flatMap((r, ri) => {
            const f = fit(l, r);
            return f === null ? [] : [{ rep: ri, value: l.score * f }];
          })),
          reps.map((r) => r.capacity),
        );
        if (eligible.length <= 9) expect(Math.abs(best - bruteForceValue(problem))).toBeLessThanOrEqual(1e-5);
      }),
      { seed: 99, numRuns: 150 },
    );
  });

  it('deals hot leads within one of each other when every rep can take every lead', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ score: fc.integer({ min: 1, max: 40 }), topic: fc.constantFrom(...TOPICS) }), { maxLength: 9 }),
        fc.array(fc.subarray(TOPICS), { minLength: 1, maxLength: 4 }),
        (hot, expertise) => {
          const leads = hot.map((h, i): LeadLike => ({ contact: `h${i}@x.com`, score: h.score, tier: 'hot', interests: [{ topic: h.topic, weight: 1 }] }));
          const reps = expertise.map((e, i): RepLike => ({ id: `r${i}`, capacity: 9, expertise: e }));
          const a = allocateCalls(leads, reps, { asOf, fairness: true });
          const counts = a.stats.perRep.map((r) => r.hot);
          expect(counts.reduce((x, y) => x + y, 0)).toBe(leads.length);
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
          expect(a.stats.fairness?.cost).toBeGreaterThanOrEqual(-1e-6);
        },
      ),
      { seed: 5, numRuns: 150 },
    );
  });

  it('gives byte-identical output for leads, reps and outcomes in any order', () => {
    fc.assert(
      fc.property(world, fc.boolean(), (w, fairness) => {
        const { leads, reps } = build(w);
        const outcomes = leads.slice(0, 3).map((l, i) => ({ contact: l.contact, rep: `r${i}`, at: Date.parse(asOf) - (i + 1) * 3 * 86_400_000, disposition: 'no_answer' as const }));
        const a = allocateCalls(leads, reps, { asOf, outcomes, fairness });
        const b = allocateCalls(shuffled(leads, w.order), shuffled(reps, w.order), { asOf, outcomes: shuffled(outcomes, w.order), fairness });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { seed: 1234, numRuns: 150 },
    );
  });
});
