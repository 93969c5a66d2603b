import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { LeadrankError } from '../../src/model/errors.js';
import { ScoringModelSchema, defaultScoringModel, resolveScoringModel } from '../../src/score/index.js';

describe('the scoring model', () => {
  it('documents its defaults from the anchors', () => {
    expect(defaultScoringModel.weights.events).toMatchObject({ open: 1, click: 3, unsubscribe: -10, complaint: -25 });
    expect(defaultScoringModel.caps.perTypePerDay).toBe(20);
    expect(defaultScoringModel.recency).toEqual({ mode: 'half-life', halfLifeDays: 30, maxAgeDays: 180, stepPercent: 50, stepMonths: 1, windowDays: 30 });
    expect(defaultScoringModel.machine.proximity).toEqual({ enabled: true, seconds: 0 });
    expect(defaultScoringModel.tiers).toEqual({ hot: 20, warm: 8, mild: 2 });
    expect(Object.isFrozen(defaultScoringModel.weights.events)).toBe(true);
  });

  it('merges a partial config over the defaults, keeping the other event weights', () => {
    const m = resolveScoringModel({ weights: { events: { reply: 20, webinar_attended: 12 }, topics: { tractors: 2 } }, recency: { mode: 'window' } });
    expect(m.weights.events).toMatchObject({ open: 1, click: 3, reply: 20, webinar_attended: 12 });
    expect(m.weights.topics).toEqual({ tractors: 2 });
    expect(m.recency).toMatchObject({ mode: 'window', windowDays: 30 });
  });

  it('replaces arrays instead of merging them', () => {
    expect(resolveScoringModel({ links: { builtin: [] } }).links.builtin).toEqual([]);
  });

  it('reports a typo with the field it names', () => {
    expect(() => resolveScoringModel({ recency: { halfLife: 10 } })).toThrow(/recency\.halfLife is not a scoring model field \(got 10\)/);
    expect(() => resolveScoringModel({ weigths: {} })).toThrow(LeadrankError);
  });

  it('reports a wrong value with the field and the value', () => {
    expect(() => resolveScoringModel({ recency: { halfLifeDays: -1 } }, { file: 'scoring.json' })).toThrow(/scoring\.json: recency\.halfLifeDays .*\(got -1\)/);
    expect(() => resolveScoringModel({ tiers: { hot: 1, warm: 5 } })).toThrow(/tiers must satisfy hot ≥ warm ≥ mild/);
    expect(() => resolveScoringModel('fast')).toThrow(/must be an object \(got "fast"\)/);
  });

  it('accepts its own resolved output unchanged', () => {
    const m = resolveScoringModel({ weights: { events: { reply: 20 } } });
    expect(JSON.stringify(resolveScoringModel(JSON.parse(JSON.stringify(m))))).toBe(JSON.stringify(m));
  });

  it('converts to a JSON Schema for the CLI and editors', () => {
    const schema = z.toJSONSchema(ScoringModelSchema) as { properties: Record<string, unknown>; additionalProperties: unknown };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['weights', 'links', 'recency', 'machine', 'fit', 'tiers']));
    expect(schema.additionalProperties).toBe(false);
  });
});
