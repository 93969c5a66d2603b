import type { LeadrankError } from '../model/errors.js';
import { compareOutcomes } from '../model/outcome.js';
import type { CallOutcome, CallOutcomeInput, Disposition } from '../model/outcome.js';
import { summarizeOutcomes, validateCallOutcomes } from './outcomes.js';
import type { OutcomeSummary } from './outcomes.js';
import { FEEDBACK_DEFAULTS } from './defaults.js';

/**
 * Funnel stages of the calls, from the first dial to a won deal.
 *
 * @example
 * FUNNEL_STAGES //=> ['called', 'connected', 'interested', 'meetings', 'won']
 */
export const FUNNEL_STAGES = ['called', 'connected', 'interested', 'meetings', 'won'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** Which dispositions (and interest ranks) reach which funnel stage; defaults in `FEEDBACK_DEFAULTS`. */
export interface FunnelRules {
  reachedDispositions?: readonly Disposition[];
  interestedDispositions?: readonly Disposition[];
  interestedMinInterest?: number;
  meetingDispositions?: readonly Disposition[];
  unansweredDispositions?: readonly Disposition[];
}

/** The calls made to one contact up to `asOf`, in time order, with what they add up to. */
export interface CallHistory {
  contact: string;
  /** The calls, oldest first (a total order: input order never matters). */
  calls: CallOutcome[];
  /** The digest of `summarizeOutcomes` over the same calls. */
  summary: OutcomeSummary;
  /** Unanswered attempts (no answer, voicemail) since the last answered call. */
  unansweredStreak: number;
}

/** Call outcomes parsed, split at `asOf`, and grouped per contact. */
export interface CallHistories {
  byContact: Map<string, CallHistory>;
  /** Outcomes dated after `asOf`: left out of this run, counted here so none is silent. */
  afterAsOf: number;
}

/**
 * Validates call outcomes (misuse throws {@link LeadrankError} naming the row and field), drops those
 * after `asOf` (counted), and groups the rest per contact in time order.
 *
 * @example
 * const h = callHistories([{ contact: 'ann@farm.com', at: '2026-11-20', disposition: 'no_answer' }], 1795392000000);
 * h.byContact.get('ann@farm.com')?.unansweredStreak //=> 1
 */
export function callHistories(
  outcomes: readonly (CallOutcomeInput | CallOutcome)[],
  asOf: number,
  rules: FunnelRules = {},
): CallHistories {
  const unanswered = rules.unansweredDispositions ?? FEEDBACK_DEFAULTS.unansweredDispositions;
  const valid = validateCallOutcomes(outcomes);
  const parsed = valid.filter((o) => o.at <= asOf);
  const afterAsOf = valid.length - parsed.length;
  const summaries = summarizeOutcomes(parsed, { asOf });
  const grouped = new Map<string, CallOutcome[]>();
  for (const o of parsed) {
    const list = grouped.get(o.contact);
    if (list) list.push(o);
    else grouped.set(o.contact, [o]);
  }
  const byContact = new Map<string, CallHistory>();
  for (const [contact, summary] of summaries) {
    const calls = (grouped.get(contact) ?? []).sort(compareOutcomes);
    let unansweredStreak = 0;
    for (const c of calls) unansweredStreak = unanswered.includes(c.disposition) ? unansweredStreak + 1 : 0;
    byContact.set(contact, { contact, calls, summary, unansweredStreak });
  }
  return { byContact, afterAsOf };
}

/**
 * The funnel stages one contact reached through calls made at or after `since` (epoch ms).
 *
 * @example
 * reachedStages(calls, 0).has('won') //=> true when any call since 0 was `won`
 */
export function reachedStages(calls: readonly CallOutcome[], since: number, rules: FunnelRules = {}): Set<FunnelStage> {
  const reached = rules.reachedDispositions ?? FEEDBACK_DEFAULTS.reachedDispositions;
  const interested = rules.interestedDispositions ?? FEEDBACK_DEFAULTS.interestedDispositions;
  const minInterest = rules.interestedMinInterest ?? FEEDBACK_DEFAULTS.interestedMinInterest;
  const meeting = rules.meetingDispositions ?? FEEDBACK_DEFAULTS.meetingDispositions;
  const out = new Set<FunnelStage>();
  for (const c of calls) {
    if (c.at < since) continue;
    out.add('called');
    if (reached.includes(c.disposition)) out.add('connected');
    if (interested.includes(c.disposition) || (c.interest !== undefined && c.interest >= minInterest)) {
      out.add('connected');
      out.add('interested');
    }
    if (meeting.includes(c.disposition)) out.add('meetings');
    if (c.disposition === 'won') out.add('won');
  }
  // A later stage implies the earlier ones: a won deal had a meeting and a conversation.
  if (out.has('won')) out.add('meetings');
  if (out.has('meetings')) out.add('interested').add('connected');
  return out;
}
