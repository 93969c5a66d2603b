import { describe, expect, it } from 'vitest';
import { rocAuc } from '../../src/feedback/auc.js';
import { calibrateWeights } from '../../src/feedback/calibrate.js';
import { renderCalibrationMarkdown } from '../../src/feedback/calibrationMarkdown.js';
import { isHeldOut } from '../../src/feedback/holdout.js';
import type { EngagementEvent } from '../../src/model/event.js';
import type { CallOutcomeInput } from '../../src/model/outcome.js';
import { resolveScoringModel } from '../../src/score/resolve.js';
import { scoreContacts } from '../../src/score/scoreContacts.js';

// Seeded generator for the TEST's synthetic population only; the core never uses randomness.
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const asOf = '2026-11-23T12:00:00Z';
const T = Date.parse(asOf) - 3 * 86_400_000;
const MIN = 60_000;
const SITE = 'https://agri.example.com';

/**
 * A population whose true weights differ from the defaults: tractor links sell, combine links and
 * opens do not (the default model gives every click 3 points and every open 1).
 */
function population(n: number, seed: number): { events: EngagementEvent[]; outcomes: CallOutcomeInput[] } {
  const rnd = lcg(seed);
  const events: EngagementEvent[] = [];
  const outcomes: CallOutcomeInput[] = [];
  let record = 0;
  for (let i = 0; i < n; i++) {
    const contact = `c${String(i).padStart(4, '0')}@farm.example`;
    const ev = (type: string, at: number, message: string, url?: string): void => {
      events.push({ contact, type, at, campaign: 'Autumn', message, ...(url ? { url } : {}), source: { format: 'test', record: ++record } });
    };
    const opens = Math.floor(rnd() * 4);
    const tractors = Math.floor(rnd() * 3);
    const combines = Math.floor(rnd() * 3);
    for (let k = 0; k < opens; k++) ev('open', T + k * 60 * MIN, `m${k}`);
    for (let k = 0; k < tractors; k++) ev('click', T + (10 + 10 * k) * MIN, 'm-tractors', `${SITE}/tractors/x${k + 7}`);
    for (let k = 0; k < combines; k++) ev('click', T + (40 + 10 * k) * MIN, 'm-combines', `${SITE}/combines/s${k + 7}`);
    const eta = -0.8 + 1.5 * tractors - 0.8 * combines - 0.4 * opens;
    const won = rnd() < 1 / (1 + Math.exp(-eta));
    outcomes.push({ contact, rep: 'r1', at: T + 2 * 86_400_000, disposition: won ? 'won' : 'lost' });
  }
  return { events, outcomes };
}

describe('calibrateWeights on a seeded synthetic population', () => {
  const { events, outcomes } = population(500, 2026);
  const result = calibrateWeights(events, outcomes, { asOf });

  it('labels won against lost and holds out about 30% by a stable hash of the e-mail', () => {
    expect(result.labels).toBe('won_lost');
    const held = result.counts.holdout.positive + result.counts.holdout.negative;
    expect(held).toBeGreaterThan(120);
    expect(held).toBeLessThan(180);
    expect(result.converged).toBe(true);
  });

  it('ranks held-out contacts better than the default model', () => {
    expect(result.holdoutAuc.after!).toBeGreaterThan(result.holdoutAuc.before! + 0.1);
  });

  it('recovers the direction of the true weights as points', () => {
    const pts = result.config.weights;
    expect(pts.topics.tractors).toBeGreaterThan(0);
    expect(pts.topics.combines).toBeLessThan(0);
    expect(pts.events.open).toBeLessThan(0);
    expect(pts.events.sent).toBe(0);
    expect(pts.events.reply).toBe(15); // no replies in the data: the default is kept
  });

  it('writes a config that resolveScoringModel accepts and scoreContacts ranks better with', () => {
    const model = resolveScoringModel(result.config);
    expect(model.weights.topics.tractors).toBe(result.config.weights.topics.tractors);
    const labels = new Map(outcomes.map((o) => [o.contact, o.disposition === 'won' ? 1 : 0]));
    const auc = (m?: typeof model): number | null => {
      const held = scoreContacts(events, { asOf, ...(m ? { model: m } : {}) }).filter((s) => isHeldOut(s.contact, 0.3));
      return rocAuc(held.map((s) => s.score), held.map((s) => labels.get(s.contact) ?? 0));
    };
    expect(auc(model)!).toBeGreaterThan(auc()! + 0.1);
  });

  it('gives identical output on two runs and for shuffled inputs', () => {
    const again = calibrateWeights(events, outcomes, { asOf });
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
    const shuffled = calibrateWeights([...events].reverse(), [...outcomes].reverse(), { asOf });
    expect(JSON.stringify(shuffled)).toBe(JSON.stringify(result));
  });

  it('computes features as of each first call, so replies after a won deal do not leak into the fit', () => {
    const won = new Set(outcomes.filter((o) => o.disposition === 'won').map((o) => o.contact));
    const after = [...won].map((contact, i): EngagementEvent => ({ contact, type: 'reply', at: T + 2.5 * 86_400_000, campaign: 'Onboarding', message: 'welcome', source: { format: 'test', record: 10_000 + i } }));
    const clean = calibrateWeights([...events, ...after], outcomes, { asOf });
    expect(clean.featuresAt).toBe('first_call');
    expect(clean.features.find((f) => f.name === 'events.reply')).toMatchObject({ status: 'no_variance', points: 15 });
    expect(clean.holdoutAuc).toEqual(result.holdoutAuc);
    const leaky = calibrateWeights([...events, ...after], outcomes, { asOf, featuresAt: 'asOf' });
    expect(leaky.features.find((f) => f.name === 'events.reply')?.status).toBe('fitted');
    expect(leaky.trainAuc.after!).toBeGreaterThan(0.99);
  });

  it('trains on everyone and reports no held-out AUC when nothing is held out', () => {
    const all = calibrateWeights(events, outcomes, { asOf, holdout: 0 });
    expect(all.holdoutAuc).toEqual({ before: null, after: null });
    expect(all.counts.train.positive + all.counts.train.negative).toBe(outcomes.length);
    expect(all.trainAuc.after!).toBeGreaterThan(all.trainAuc.before!);
  });

  it('renders a summary a person can decide on', () => {
    const md = renderCalibrationMarkdown(result);
    expect(md).toContain(`| held-out contacts | ${result.holdoutAuc.before!.toFixed(4)} | ${result.holdoutAuc.after!.toFixed(4)} |`);
    expect(md).toContain(`| topics.tractors | 0 | ${result.config.weights.topics.tractors} | fitted |`);
    expect(md).toContain('| events.sent | 0 | 0 | fixed |');
    expect(md).not.toContain('keep the current model');
    const worse = { ...result, holdoutAuc: { before: 0.7, after: 0.6 } };
    expect(renderCalibrationMarkdown(worse)).toContain('keep the current model');
  });

  it('falls back to interest labels when won and lost are too few, and refuses when nothing is labelled', () => {
    const interest = outcomes.map((o, i) => ({ ...o, disposition: i % 2 ? ('interested' as const) : ('not_interested' as const) }));
    expect(calibrateWeights(events, interest, { asOf }).labels).toBe('interest');
    expect(() => calibrateWeights(events, [], { asOf })).toThrow(/need at least 5 positive and 5 negative contacts/);
  });
});
