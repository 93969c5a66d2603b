import { LeadrankError, issuesFromZod, showValue, type LeadrankIssue } from '../model/errors.js';
import { ScoringModelSchema, type ScoringModel, type ScoringModelInput } from './schema.js';

/** Options of {@link resolveScoringModel}. */
export interface ResolveScoringModelOptions {
  /** Named in error messages, e.g. `scoring.json`. */
  file?: string;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * The default scoring model: `ScoringModelSchema` with every default filled in. Deeply frozen.
 *
 * @example
 * defaultScoringModel.weights.events.click //=> 3
 * defaultScoringModel.recency //=> { mode: 'half-life', halfLifeDays: 30, maxAgeDays: 180, … }
 */
export const defaultScoringModel: ScoringModel = deepFreeze(ScoringModelSchema.parse({}));

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && [Object.prototype, null].includes(Object.getPrototypeOf(v));

/** Objects merge key by key (so `weights.events` keeps the default types); arrays and values replace. */
function mergeOver(base: unknown, input: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(input)) return input === undefined ? base : input;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(input)) out[key] = mergeOver(base[key], value);
  return out;
}

/**
 * Resolves a partial scoring config: merges it over {@link defaultScoringModel} (objects key by key,
 * arrays replaced), validates it, and returns a frozen, complete model. Throws a `LeadrankError`
 * naming the field and the value on a typo, a wrong type or inconsistent thresholds.
 *
 * @example
 * resolveScoringModel({ weights: { events: { reply: 20 } }, recency: { mode: 'window', windowDays: 14 } })
 *   .weights.events.click //=> 3 (default kept)
 * resolveScoringModel({ recency: { halfLifeDays: -1 } })
 * //=> throws LeadrankError: leadrank: recency.halfLifeDays Too small: expected number to be >0 (got -1)
 */
export function resolveScoringModel(input?: ScoringModelInput | ScoringModel | unknown, options: ResolveScoringModelOptions = {}): ScoringModel {
  if (input === undefined || input === defaultScoringModel) return defaultScoringModel;
  const loc = options.file === undefined ? {} : { file: options.file };
  if (!isPlainObject(input)) {
    throw new LeadrankError([{ ...loc, code: 'invalid_type', message: `the scoring model must be an object (got ${showValue(input)})` }]);
  }
  const merged = mergeOver(defaultScoringModel, input);
  const result = ScoringModelSchema.safeParse(merged);
  if (!result.success) {
    const issues = issuesFromZod(result.error, merged, loc).map((issue, i): LeadrankIssue => {
      const z = result.error.issues[i];
      if (z?.code !== 'unrecognized_keys') return issue;
      const field = [...z.path.map(String), z.keys[0] ?? ''].join('.');
      return { ...loc, code: 'unrecognized_key', field, message: `is not a scoring model field (got ${showValue(valueAt(merged, [...z.path.map(String), z.keys[0] ?? '']))})` };
    });
    throw new LeadrankError(issues as [LeadrankIssue, ...LeadrankIssue[]]);
  }
  const model = result.data;
  const problems: LeadrankIssue[] = [];
  const { hot, warm, mild } = model.tiers;
  if (!(hot >= warm && warm >= mild)) {
    problems.push({ ...loc, code: 'invalid_value', field: 'tiers', message: `must satisfy hot ≥ warm ≥ mild (got ${showValue(model.tiers)})` });
  }
  const { A, B, C } = model.fit.grades;
  if (!(A >= B && B >= C)) {
    problems.push({ ...loc, code: 'invalid_value', field: 'fit.grades', message: `must satisfy A ≥ B ≥ C (got ${showValue(model.fit.grades)})` });
  }
  if (problems.length > 0) throw new LeadrankError(problems as [LeadrankIssue, ...LeadrankIssue[]]);
  return deepFreeze(model);
}

function valueAt(input: unknown, path: readonly string[]): unknown {
  let cur = input;
  for (const key of path) {
    if (!isPlainObject(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}
