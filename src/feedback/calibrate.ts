import type { Contact, ContactInput } from '../model/contact.js';
import { LeadrankError } from '../model/errors.js';
import type { EngagementEvent } from '../model/event.js';
import type { CallOutcome, CallOutcomeInput } from '../model/outcome.js';
import { toEpochMs } from '../model/time.js';
import type { TimeInput } from '../model/time.js';
import { contactFeatures } from '../score/contactFeatures.js';
import type { ContactFeatures } from '../score/contactFeatures.js';
import { resolveScoringModel } from '../score/resolve.js';
import type { ScoringModel, ScoringModelInput } from '../score/schema.js';
import { callHistories } from './callHistory.js';
import { FEEDBACK_DEFAULTS } from './defaults.js';
import { fitWeights } from './fitWeights.js';
import type { AucComparison, FittedFeature, LabelledSample } from './fitWeights.js';
import { labelContacts } from './labels.js';
import type { LabelMode } from './labels.js';

/** Options of {@link calibrateWeights}. */
export interface CalibrateOptions {
  /** The moment features are computed for; outcomes after it are left out. */
  asOf: TimeInput;
  /** The model to calibrate (and to compare against). @default the default scoring model */
  model?: ScoringModelInput | ScoringModel;
  /** CRM records, passed to the feature computation. */
  contacts?: readonly (ContactInput | Contact)[];
  /** `won_lost`, `interest`, or `auto` (won/lost when both classes have `minPerClass` contacts, else interest). @default "auto" */
  labels?: LabelMode | 'auto';
  /** Share of labelled contacts held out, chosen by a stable hash of the e-mail. @default 0.3 */
  holdout?: number;
  /** L2 penalty on standardised coefficients. @default 1 */
  l2?: number;
  /** @default 50 */
  maxIterations?: number;
  /** @default 1e-9 */
  tolerance?: number;
  /** @default 5 */
  minPerClass?: number;
  /** Event types that keep their points and are not fitted. @default ["sent","delivered"] */
  fixedEventTypes?: readonly string[];
  /**
   * When each contact's features are computed: `first_call` (what the rep could know before the first
   * call, so mails that followed a won deal do not leak into its label) or `asOf`. @default "first_call"
   */
  featuresAt?: 'first_call' | 'asOf';
}

/** The output of {@link calibrateWeights}. */
export interface CalibrationResult {
  asOf: number;
  /** Which labels were used. */
  labels: LabelMode;
  /** When features were computed. */
  featuresAt: 'first_call' | 'asOf';
  /** Per feature (`events.<type>`, `topics.<topic>`): coefficient, default and calibrated points. */
  features: FittedFeature[];
  intercept: number;
  scale: number;
  iterations: number;
  converged: boolean;
  counts: {
    train: { positive: number; negative: number };
    holdout: { positive: number; negative: number };
    /** Contacts with outcomes that give no label (e.g. only unanswered calls). */
    unlabelled: number;
    /** Labelled contacts with no counted events (all features 0). */
    withoutEvents: number;
    outcomesAfterAsOf: number;
  };
  /** AUC of the default and the calibrated points on the held-out contacts (`null` when it lacks a class). */
  holdoutAuc: AucComparison;
  trainAuc: AucComparison;
  /** A partial scoring config `resolveScoringModel` accepts: the calibrated `weights`. */
  config: { weights: { events: Record<string, number>; topics: Record<string, number> } };
}

/**
 * Calibrates a scoring model's event-type and link-topic weights from call outcomes: labels from
 * outcomes (won vs lost, or interested/meeting/won vs not interested; the latest such call decides),
 * features from `contactFeatures` as of each contact's first call, a deterministic L2-regularised logistic regression on a stable-hash training part,
 * and the ranking quality (AUC) before and after on the held-out part. The fitted coefficients are
 * scaled to points, so the calibrated model's reasons stay explainable. No randomness: two runs, or the
 * same inputs in any order, give identical output.
 *
 * @param events - engagement events (normalised)
 * @param outcomes - call outcomes (validated here)
 * @param options - `asOf`, the `model` to start from, and fitting options
 * @example
 * const cal = calibrateWeights(events, outcomes, { asOf: '2026-11-23' });
 * cal.holdoutAuc //=> { before: 0.5312, after: 0.7467 }
 * resolveScoringModel(cal.config).weights.topics.tractors //=> 3.24
 */
export function calibrateWeights(
  events: readonly EngagementEvent[],
  outcomes: readonly (CallOutcomeInput | CallOutcome)[],
  options: CalibrateOptions,
): CalibrationResult {
  const asOf = toEpochMs(options.asOf);
  const model = resolveScoringModel(options.model);
  const minPerClass = options.minPerClass ?? FEEDBACK_DEFAULTS.minPerClass;
  const { byContact, afterAsOf } = callHistories(outcomes, asOf);
  const mode = options.labels ?? 'auto';
  if (!['auto', 'won_lost', 'interest'].includes(mode)) {
    throw new LeadrankError([{ code: 'invalid_value', field: 'labels', message: `must be "auto", "won_lost" or "interest" (got ${JSON.stringify(mode)})` }]);
  }
  const wonLost = labelContacts(byContact, 'won_lost');
  const enough = (m: Map<string, 0 | 1>): boolean => [...m.values()].filter((v) => v === 1).length >= minPerClass && [...m.values()].filter((v) => v === 0).length >= minPerClass;
  const used: LabelMode = mode === 'auto' ? (enough(wonLost) ? 'won_lost' : 'interest') : mode;
  const labels = used === 'won_lost' ? wonLost : labelContacts(byContact, 'interest');

  const featuresAt = options.featuresAt ?? 'first_call';
  if (featuresAt !== 'first_call' && featuresAt !== 'asOf') {
    throw new LeadrankError([{ code: 'invalid_value', field: 'featuresAt', message: `must be "first_call" or "asOf" (got ${JSON.stringify(featuresAt)})` }]);
  }
  const crm = options.contacts === undefined ? {} : { contacts: options.contacts };
  const features = new Map<string, ContactFeatures>();
  if (featuresAt === 'asOf') {
    for (const f of contactFeatures(events, { asOf, model, ...crm })) features.set(f.contact, f);
  } else {
    // One feature pass per distinct first-call time, over the events of the contacts called then.
    const byTime = new Map<number, Set<string>>();
    for (const contact of labels.keys()) {
      const first = byContact.get(contact)?.calls[0]?.at ?? asOf;
      byTime.set(first, (byTime.get(first) ?? new Set()).add(contact));
    }
    const eventsOf = new Map<string, EngagementEvent[]>();
    for (const e of events) {
      if (!labels.has(e.contact)) continue;
      const list = eventsOf.get(e.contact);
      if (list) list.push(e);
      else eventsOf.set(e.contact, [e]);
    }
    for (const [at, contacts] of [...byTime].sort((a, b) => a[0] - b[0])) {
      const evs = [...contacts].flatMap((c) => eventsOf.get(c) ?? []);
      for (const f of contactFeatures(evs, { asOf: at, model, ...crm })) features.set(f.contact, f);
    }
  }
  const samples: LabelledSample[] = [];
  let withoutEvents = 0;
  for (const [contact, label] of labels) {
    const f = features.get(contact);
    const row: Record<string, number> = { fixed: f?.fixed ?? 0 };
    for (const [type, v] of Object.entries(f?.events ?? {})) row[`events.${type}`] = v;
    for (const [topic, v] of Object.entries(f?.topics ?? {})) row[`topics.${topic}`] = v;
    if (!f || Object.keys(row).length === 1) withoutEvents += 1;
    samples.push({ contact, label, features: row });
  }
  const defaults: Record<string, number> = { fixed: 1 };
  for (const [type, w] of Object.entries(model.weights.events)) defaults[`events.${type}`] = w;
  for (const [topic, w] of Object.entries(model.weights.topics)) defaults[`topics.${topic}`] = w;
  const fixedTypes = options.fixedEventTypes ?? ['sent', 'delivered'];
  const fit = fitWeights(samples, {
    defaults,
    fixed: ['fixed', ...fixedTypes.map((t) => `events.${t}`)],
    ...pick(options, ['holdout', 'l2', 'maxIterations', 'tolerance']),
    minPerClass,
  });
  const eventsOut: Record<string, number> = {};
  const topicsOut: Record<string, number> = {};
  for (const f of fit.features) {
    if (f.name.startsWith('events.')) eventsOut[f.name.slice(7)] = f.points;
    else if (f.name.startsWith('topics.')) topicsOut[f.name.slice(7)] = f.points;
  }
  return {
    asOf,
    labels: used,
    featuresAt,
    features: fit.features,
    intercept: fit.intercept,
    scale: fit.scale,
    iterations: fit.iterations,
    converged: fit.converged,
    counts: { ...fit.counts, unlabelled: byContact.size - labels.size, withoutEvents, outcomesAfterAsOf: afterAsOf },
    holdoutAuc: fit.holdoutAuc,
    trainAuc: fit.trainAuc,
    config: { weights: { events: eventsOut, topics: topicsOut } },
  };
}

function pick<T extends object, K extends keyof T>(obj: T, keys: readonly K[]): { [P in K]?: Exclude<T[P], undefined> } {
  const out: { [P in K]?: Exclude<T[P], undefined> } = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k] as Exclude<T[K], undefined>;
  return out;
}
