import { LeadrankError } from '../model/errors.js';
import { rocAuc } from './auc.js';
import { FEEDBACK_DEFAULTS } from './defaults.js';
import { isHeldOut } from './holdout.js';
import { fitLogistic } from './logistic.js';

/** One labelled contact: its features (name → decayed value) and whether the outcome was positive. */
export interface LabelledSample {
  contact: string;
  label: 0 | 1;
  features: Readonly<Record<string, number>>;
}

/** Options of {@link fitWeights}. */
export interface FitWeightsOptions {
  /** Points per feature in the model calibrated from (features not listed weigh 0). */
  defaults: Readonly<Record<string, number>>;
  /** Features that keep their default points and are not fitted (e.g. `sent`). @default [] */
  fixed?: readonly string[];
  /** Share of contacts held out (by a stable hash of the e-mail). @default 0.3 */
  holdout?: number;
  /** @default 1 */
  l2?: number;
  /** @default 50 */
  maxIterations?: number;
  /** @default 1e-9 */
  tolerance?: number;
  /** Fewest contacts per class in the training part. @default 5 */
  minPerClass?: number;
}

/** One feature's fitted weight, next to its default. */
export interface FittedFeature {
  name: string;
  /** Log-odds per unit of the feature. `null` for a feature that was not fitted. */
  coefficient: number | null;
  defaultPoints: number;
  /** The coefficient scaled to points (rounded to 2 decimals); the default when not fitted. */
  points: number;
  /** `fitted`, `fixed` (asked to keep), or `no_variance` (the same value for every training contact). */
  status: 'fitted' | 'fixed' | 'no_variance';
}

/** Ranking quality (AUC, rounded to 4 decimals) of the default and the calibrated points. */
export interface AucComparison {
  before: number | null;
  after: number | null;
}

/** The output of {@link fitWeights}. */
export interface WeightFit {
  features: FittedFeature[];
  intercept: number;
  /** Points per unit of log-odds: keeps the average absolute points per contact of the default model. */
  scale: number;
  iterations: number;
  converged: boolean;
  counts: { train: { positive: number; negative: number }; holdout: { positive: number; negative: number } };
  /** On the held-out contacts (`null` when the holdout lacks a class). */
  holdoutAuc: AucComparison;
  /** On the training contacts, for comparison. */
  trainAuc: AucComparison;
}

/**
 * Fits points per feature from labelled contacts by a regularised logistic regression, split
 * train/holdout by a stable hash of the e-mail, and compares ranking quality before and after. Pure and
 * deterministic: the samples are sorted by e-mail first, so input order never matters.
 *
 * @example
 * const fit = fitWeights(samples, { defaults: { open: 1, click: 3 } });
 * fit.holdoutAuc //=> { before: 0.5178, after: 0.7666 }
 */
export function fitWeights(samples: readonly LabelledSample[], options: FitWeightsOptions): WeightFit {
  const holdout = options.holdout ?? FEEDBACK_DEFAULTS.holdout;
  const minPerClass = options.minPerClass ?? FEEDBACK_DEFAULTS.minPerClass;
  if (!(holdout >= 0 && holdout < 1)) {
    throw new LeadrankError([{ code: 'invalid_value', field: 'holdout', message: `must be a share from 0 up to (not including) 1 (got ${holdout})` }]);
  }
  const sorted = [...samples].sort((a, b) => (a.contact < b.contact ? -1 : a.contact > b.contact ? 1 : 0));
  const train = sorted.filter((s) => !isHeldOut(s.contact, holdout));
  const test = sorted.filter((s) => isHeldOut(s.contact, holdout));
  const count = (list: readonly LabelledSample[]) => ({ positive: list.filter((s) => s.label === 1).length, negative: list.filter((s) => s.label === 0).length });
  const counts = { train: count(train), holdout: count(test) };
  if (counts.train.positive < minPerClass || counts.train.negative < minPerClass) {
    throw new LeadrankError(
      [{ code: 'insufficient_outcomes', field: 'outcomes', message: `need at least ${minPerClass} positive and ${minPerClass} negative contacts to train on (got ${counts.train.positive} positive, ${counts.train.negative} negative)` }],
    );
  }
  const fixed = new Set(options.fixed ?? []);
  const names = [...new Set([...Object.keys(options.defaults), ...sorted.flatMap((s) => Object.keys(s.features))])].sort();
  const candidates = names.filter((n) => !fixed.has(n));
  const value = (s: LabelledSample, n: string): number => s.features[n] ?? 0;
  const varies = (n: string): boolean => train.some((s) => value(s, n) !== value(train[0] as LabelledSample, n));
  const fitted = candidates.filter(varies);
  const result = fitLogistic(
    train.map((s) => fitted.map((n) => value(s, n))),
    train.map((s) => s.label),
    {
      l2: options.l2 ?? FEEDBACK_DEFAULTS.l2,
      maxIterations: options.maxIterations ?? FEEDBACK_DEFAULTS.maxIterations,
      tolerance: options.tolerance ?? FEEDBACK_DEFAULTS.tolerance,
    },
  );
  const coef = new Map(fitted.map((n, j) => [n, result.coefficients[j] as number]));
  const dflt = (n: string): number => options.defaults[n] ?? 0;
  let defaultMass = 0;
  let fittedMass = 0;
  for (const s of train) {
    for (const n of fitted) {
      defaultMass += Math.abs(dflt(n) * value(s, n));
      fittedMass += Math.abs((coef.get(n) as number) * value(s, n));
    }
  }
  const scale = fittedMass > 0 && defaultMass > 0 ? defaultMass / fittedMass : 1;
  const features = names.map((name): FittedFeature => {
    const c = coef.get(name);
    if (c === undefined) {
      return { name, coefficient: null, defaultPoints: dflt(name), points: dflt(name), status: fixed.has(name) ? 'fixed' : 'no_variance' };
    }
    return { name, coefficient: c, defaultPoints: dflt(name), points: round2(c * scale), status: 'fitted' };
  });
  const before = (s: LabelledSample): number => names.reduce((t, n) => t + dflt(n) * value(s, n), 0);
  const points = new Map(features.map((f) => [f.name, f.points]));
  const after = (s: LabelledSample): number => names.reduce((t, n) => t + (points.get(n) as number) * value(s, n), 0);
  const auc = (list: readonly LabelledSample[], f: (s: LabelledSample) => number): number | null => {
    const v = rocAuc(list.map(f), list.map((s) => s.label));
    return v === null ? null : Math.round(v * 10_000) / 10_000;
  };
  return {
    features,
    intercept: result.intercept,
    scale,
    iterations: result.iterations,
    converged: result.converged,
    counts,
    holdoutAuc: { before: auc(test, before), after: auc(test, after) },
    trainAuc: { before: auc(train, before), after: auc(train, after) },
  };
}

function round2(x: number): number {
  const r = Math.round(x * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}
