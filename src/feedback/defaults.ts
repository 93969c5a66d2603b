import type { Disposition } from '../model/outcome.js';
import type { Tier } from '../model/scored.js';

/**
 * The feedback stage's defaults, resolved once and frozen. Every function of the stage takes an
 * option of the same name that replaces the default.
 *
 * @example
 * FEEDBACK_DEFAULTS.leadTiers //=> ['hot', 'warm']
 * FEEDBACK_DEFAULTS.holdout //=> 0.3
 */
export const FEEDBACK_DEFAULTS = Object.freeze({
  /**
   * Dispositions that mean the rep reached a person (the funnel's "connected"). Unlike the owner rule of
   * `summarizeOutcomes`, a clear "no", a request not to be called and a lost deal also count as reached.
   * @default ["connected","interested","not_interested","callback","meeting_booked","won","lost","do_not_call"]
   */
  reachedDispositions: Object.freeze([
    'connected',
    'interested',
    'not_interested',
    'callback',
    'meeting_booked',
    'won',
    'lost',
    'do_not_call',
  ] as const satisfies readonly Disposition[]),
  /**
   * Dispositions that count a contact as interested (the funnel's "interested"); an interest rank of at
   * least `interestedMinInterest` counts too.
   * @default ["interested","meeting_booked","won"]
   */
  interestedDispositions: Object.freeze(['interested', 'meeting_booked', 'won'] as const satisfies readonly Disposition[]),
  /** @default 4 */
  interestedMinInterest: 4,
  /**
   * Dispositions that count a meeting (a won deal had one, so the funnel never narrows upwards).
   * @default ["meeting_booked","won"]
   */
  meetingDispositions: Object.freeze(['meeting_booked', 'won'] as const satisfies readonly Disposition[]),
  /** Dispositions that count as an unanswered call attempt. @default ["no_answer","voicemail"] */
  unansweredDispositions: Object.freeze(['no_answer', 'voicemail'] as const satisfies readonly Disposition[]),
  /** Tiers whose contacts count as leads in the campaign report. @default ["hot","warm"] */
  leadTiers: Object.freeze(['hot', 'warm'] as const satisfies readonly Tier[]),
  /**
   * Event types that do NOT show a person engaged with a campaign. Every other type does when it is
   * human (open, click, and custom types such as `reply`), and starts the contact's attribution.
   * @default ["sent","delivered","bounce","unsubscribe","complaint"]
   */
  nonEngagementTypes: Object.freeze(['sent', 'delivered', 'bounce', 'unsubscribe', 'complaint'] as const),
  /** Share of labelled contacts held out to measure ranking quality in calibration. @default 0.3 */
  holdout: 0.3,
  /** L2 penalty of the calibration's logistic regression (the intercept is not penalised). @default 1 */
  l2: 1,
  /** Newton steps at most. @default 50 */
  maxIterations: 50,
  /** Newton stops when no coefficient moves more than this. @default 1e-9 */
  tolerance: 1e-9,
  /** Fewest contacts per class (positive, negative) in the training part. @default 5 */
  minPerClass: 5,
});

/**
 * Milliseconds per day (days since a call are whole UTC calendar days).
 *
 * @example
 * DAY_MS //=> 86400000
 */
export const DAY_MS = 86_400_000;
