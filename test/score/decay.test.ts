import { describe, expect, it } from 'vitest';
import { decayFactor, daysAgo, wholeMonthsUtc } from '../../src/score/decay.js';
import { defaultScoringModel, resolveScoringModel } from '../../src/score/index.js';
import { DAY, asOf } from './helpers.js';

describe('recency', () => {
  it('halves an event every half-life by default', () => {
    expect(decayFactor(asOf, asOf, defaultScoringModel.recency)).toBe(1);
    expect(decayFactor(asOf - 30 * DAY, asOf, defaultScoringModel.recency)).toBeCloseTo(0.5, 12);
    expect(decayFactor(asOf - 60 * DAY, asOf, defaultScoringModel.recency)).toBeCloseTo(0.25, 12);
  });

  it('gives 0 past the maximum age in every mode', () => {
    for (const mode of ['half-life', 'step', 'window', 'none'] as const) {
      const r = resolveScoringModel({ recency: { mode, maxAgeDays: 90, windowDays: 365 } }).recency;
      expect(decayFactor(asOf - 91 * DAY, asOf, r)).toBe(0);
    }
  });

  it('steps down HubSpot-style by whole calendar months', () => {
    const r = resolveScoringModel({ recency: { mode: 'step', stepPercent: 25, stepMonths: 1 } }).recency;
    expect(decayFactor(Date.UTC(2026, 9, 24), asOf, r)).toBe(1);
    expect(decayFactor(Date.UTC(2026, 9, 23, 12), asOf, r)).toBe(0.75);
    expect(decayFactor(Date.UTC(2026, 8, 23, 12), asOf, r)).toBe(0.5625);
    expect(wholeMonthsUtc(Date.UTC(2026, 0, 31), Date.UTC(2026, 1, 28))).toBe(0);
  });

  it('counts everything inside a Marketo-style rolling window and nothing outside', () => {
    const r = resolveScoringModel({ recency: { mode: 'window', windowDays: 30 } }).recency;
    expect(decayFactor(asOf - 29 * DAY, asOf, r)).toBe(1);
    expect(decayFactor(asOf - 31 * DAY, asOf, r)).toBe(0);
  });

  it('says how long ago in whole days, from asOf', () => {
    expect(daysAgo(asOf - 3600_000, asOf)).toBe('today');
    expect(daysAgo(asOf - DAY, asOf)).toBe('yesterday');
    expect(daysAgo(asOf - 2.5 * DAY, asOf)).toBe('2 days ago');
  });
});
