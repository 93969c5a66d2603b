import { describe, expect, it } from 'vitest';
import { fitWeights } from '../../src/feedback/fitWeights.js';
import type { LabelledSample } from '../../src/feedback/fitWeights.js';
import { LeadrankError } from '../../src/model/errors.js';

// Seeded generator for the TEST's synthetic population only; the core never uses randomness.
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const defaults = { open: 1, click: 3, reply: 15, 'topic:tractors': 0, 'topic:careers': 0, sent: 0 };

/** True model: tractors interest and replies sell; clicks as such and opens do not; careers clicks hurt. */
function population(n: number, seed: number): LabelledSample[] {
  const rnd = lcg(seed);
  return Array.from({ length: n }, (_, i) => {
    const features = {
      open: Math.floor(rnd() * 5),
      click: Math.floor(rnd() * 4),
      reply: rnd() < 0.1 ? 1 : 0,
      'topic:tractors': Math.floor(rnd() * 3),
      'topic:careers': rnd() < 0.2 ? 1 : 0,
      sent: 2,
    };
    const eta = -1.5 + 1.4 * features['topic:tractors'] + 0.8 * features.reply - 1.5 * features['topic:careers'];
    return { contact: `c${i}@example.com`, label: rnd() < 1 / (1 + Math.exp(-eta)) ? 1 : 0, features } as LabelledSample;
  });
}

describe('fitWeights', () => {
  const samples = population(1200, 7);
  const fit = fitWeights(samples, { defaults, fixed: ['sent'] });

  it('ranks held-out contacts better than the default points', () => {
    expect(fit.holdoutAuc.before).not.toBeNull();
    expect(fit.holdoutAuc.after!).toBeGreaterThan(fit.holdoutAuc.before! + 0.1);
    expect(fit.holdoutAuc.after!).toBeGreaterThan(0.75);
  });

  it('recovers which features matter and their signs', () => {
    const points = Object.fromEntries(fit.features.map((f) => [f.name, f.points]));
    expect(points['topic:tractors']).toBeGreaterThan(0);
    expect(points['topic:careers']).toBeLessThan(0);
    expect(Math.abs(points.click!)).toBeLessThan(points['topic:tractors']! / 4);
    expect(Math.abs(points.open!)).toBeLessThan(points['topic:tractors']! / 4);
  });

  it('keeps fixed features at their default points', () => {
    expect(fit.features.find((f) => f.name === 'sent')).toEqual({ name: 'sent', coefficient: null, defaultPoints: 0, points: 0, status: 'fixed' });
  });

  it('holds out about the asked share and fits to convergence', () => {
    const held = fit.counts.holdout.positive + fit.counts.holdout.negative;
    expect(held / samples.length).toBeGreaterThan(0.25);
    expect(held / samples.length).toBeLessThan(0.35);
    expect(fit.converged).toBe(true);
  });

  it('gives identical output on two runs and for shuffled input', () => {
    expect(fitWeights(samples, { defaults, fixed: ['sent'] })).toEqual(fit);
    expect(fitWeights([...samples].reverse(), { defaults, fixed: ['sent'] })).toEqual(fit);
  });

  it('refuses to fit on too few labelled contacts, saying how many it got', () => {
    expect(() => fitWeights(samples.slice(0, 6), { defaults })).toThrow(LeadrankError);
    expect(() => fitWeights(samples.slice(0, 6), { defaults })).toThrow(/need at least 5 positive and 5 negative contacts/);
  });

  it('rejects a holdout share outside [0, 1)', () => {
    expect(() => fitWeights(samples, { defaults, holdout: 1 })).toThrow(/holdout must be a share/);
  });
});
