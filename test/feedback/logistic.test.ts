import { describe, expect, it } from 'vitest';
import { rocAuc } from '../../src/feedback/auc.js';
import { isHeldOut, stableFraction } from '../../src/feedback/holdout.js';
import { fitLogistic, solveSymmetric } from '../../src/feedback/logistic.js';

// A tiny deterministic generator for test data only (the core never uses randomness).
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

describe('fitLogistic', () => {
  it('recovers the signs and ratio of the true coefficients on a large sample', () => {
    const rnd = lcg(42);
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const row = [rnd() * 4, rnd() * 4, rnd() * 4];
      const eta = -1 + 1.5 * row[0]! - 0.5 * row[1]! + 0 * row[2]!;
      x.push(row);
      y.push(rnd() < 1 / (1 + Math.exp(-eta)) ? 1 : 0);
    }
    const fit = fitLogistic(x, y, { l2: 0.01, maxIterations: 50, tolerance: 1e-10 });
    expect(fit.converged).toBe(true);
    expect(fit.coefficients[0]).toBeCloseTo(1.5, 0);
    expect(fit.coefficients[1]).toBeCloseTo(-0.5, 0);
    expect(Math.abs(fit.coefficients[2]!)).toBeLessThan(0.15);
    expect(fit.intercept).toBeCloseTo(-1, 0);
  });

  it('stays finite on perfectly separable data thanks to the penalty', () => {
    const fit = fitLogistic([[0], [1], [2], [3]], [0, 0, 1, 1], { l2: 1, maxIterations: 50, tolerance: 1e-9 });
    expect(fit.converged).toBe(true);
    expect(Number.isFinite(fit.coefficients[0])).toBe(true);
    expect(fit.coefficients[0]).toBeGreaterThan(0);
  });

  it('gives a constant column a zero coefficient', () => {
    const fit = fitLogistic([[0, 5], [1, 5], [2, 5], [3, 5]], [0, 1, 0, 1], { l2: 1, maxIterations: 50, tolerance: 1e-9 });
    expect(fit.coefficients[1]).toBe(0);
  });

  it('gives bit-identical results on two runs', () => {
    const x = [[0, 1], [1, 0], [2, 2], [3, 1], [1, 3]];
    const y = [0, 0, 1, 1, 0];
    const opts = { l2: 0.5, maxIterations: 50, tolerance: 1e-12 };
    expect(fitLogistic(x, y, opts)).toEqual(fitLogistic(x, y, opts));
  });
});

describe('solveSymmetric', () => {
  it('solves a small positive definite system', () => {
    const x = solveSymmetric([[4, 1], [1, 3]], [1, 2]);
    expect(x[0]).toBeCloseTo(1 / 11, 12);
    expect(x[1]).toBeCloseTo(7 / 11, 12);
  });
});

describe('rocAuc', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one and 0.5 for ties', () => {
    expect(rocAuc([3, 2, 1], [1, 0, 0])).toBe(1);
    expect(rocAuc([1, 2, 3], [1, 0, 0])).toBe(0);
    expect(rocAuc([1, 1, 1], [1, 0, 1])).toBe(0.5);
  });

  it('counts tied pairs half', () => {
    // pairs (pos, neg): (2 vs 1) win, (2 vs 2) tie, (3 vs 1) win, (3 vs 2) win → 3.5 / 4
    expect(rocAuc([2, 3, 1, 2], [1, 1, 0, 0])).toBe(0.875);
  });

  it('is null when a class is empty', () => {
    expect(rocAuc([1, 2], [1, 1])).toBeNull();
  });
});

describe('stableFraction', () => {
  it('is stable, in [0, 1), and splits e-mails close to the asked share', () => {
    expect(stableFraction('ann@farm.com')).toBe(stableFraction('ann@farm.com'));
    const emails = Array.from({ length: 2000 }, (_, i) => `c${i}@example.com`);
    const share = emails.filter((e) => isHeldOut(e, 0.3)).length / emails.length;
    expect(share).toBeGreaterThan(0.27);
    expect(share).toBeLessThan(0.33);
    expect(emails.every((e) => stableFraction(e) >= 0 && stableFraction(e) < 1)).toBe(true);
  });
});
