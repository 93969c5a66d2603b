import { TZDate } from '@date-fns/tz';
import { endOfDay } from 'date-fns/endOfDay';
import { LeadrankError, issuesFromZod } from '../model/errors.js';
import { CallOutcomeSchema, DISPOSITIONS, compareOutcomes } from '../model/outcome.js';
import type { CallOutcome, CallOutcomeInput, Disposition } from '../model/outcome.js';
import { toEpochMs } from '../model/time.js';
import type { TimeInput } from '../model/time.js';

/** Dispositions that mean a person picked up and talked to the rep (they make the rep the owner). */
export const CONNECTED_DISPOSITIONS: readonly Disposition[] = Object.freeze([
  'connected',
  'interested',
  'callback',
  'meeting_booked',
  'won',
]);

/** Options of {@link summarizeOutcomes}. */
export interface SummarizeOutcomesOptions {
  /** The day the summary is for: callbacks due on or before the end of this day are `callbackDue`. */
  asOf: TimeInput;
  /** IANA time zone in which "the end of asOf's day" is judged. @default "UTC" */
  timeZone?: string;
}

/** The latest call to a contact. */
export interface LastOutcome {
  disposition: Disposition;
  /** Epoch ms. */
  at: number;
  rep?: string;
  note?: string;
}

/** Everything later stages need to know about the calls made to one contact. */
export interface OutcomeSummary {
  /** Canonical e-mail. */
  contact: string;
  last: LastOutcome;
  /** Epoch ms of the latest call. */
  lastCalledAt: number;
  /** A `do_not_call` outcome was ever recorded (it is never lifted by a later call). */
  doNotCall: boolean;
  /** A `wrong_number` outcome was recorded and no connected call came after it. */
  wrongNumber: boolean;
  /** The pending callback (from the latest outcome that set one, when no call came after it). */
  callbackAt?: number;
  /** The pending callback is due on or before the end of `asOf`'s day. */
  callbackDue: boolean;
  /** The rep of the latest connected call (see {@link CONNECTED_DISPOSITIONS}). */
  owner?: string;
  /** The latest interest rank (1–5) a rep gave. */
  interest?: number;
  /** Calls in total. */
  calls: number;
  /** Calls per disposition (dispositions never recorded are 0). */
  counts: Record<Disposition, number>;
}

/**
 * Digests call outcomes into one summary per contact: the last outcome, do-not-call and wrong-number
 * flags, the callback that is due, the owner after a connected call, the latest interest and counts.
 * Outcomes are validated at this boundary (misuse throws {@link LeadrankError} naming the row and field).
 * Outcomes after `asOf` have not happened yet for this run and are left out (validated all the same).
 * The result is independent of input order: outcomes are sorted by time, then rep, disposition and note,
 * and the map's keys are in e-mail order.
 *
 * @param outcomes - call outcomes as recorded (times as epoch ms, ISO strings or dates)
 * @param options - `asOf` (required) and the `timeZone` that decides where its day ends
 * @returns a map keyed by canonical e-mail, in e-mail order
 * @example
 * const m = summarizeOutcomes(
 *   [{ contact: 'ann@farm.com', rep: 'r1', at: '2026-11-20T10:00:00Z', disposition: 'callback',
 *      callbackAt: '2026-11-23T09:00:00Z', note: 'after harvest' }],
 *   { asOf: '2026-11-23' },
 * );
 * m.get('ann@farm.com')?.callbackDue //=> true
 * m.get('ann@farm.com')?.owner //=> 'r1'
 */
export function summarizeOutcomes(
  outcomes: readonly (CallOutcomeInput | CallOutcome)[],
  options: SummarizeOutcomesOptions,
): Map<string, OutcomeSummary> {
  const asOf = toEpochMs(options.asOf);
  const dayEnd = endOfAsOfDay(asOf, options.timeZone ?? 'UTC');
  const parsed = validateCallOutcomes(outcomes).filter((o) => o.at <= asOf);
  const byContact = new Map<string, CallOutcome[]>();
  for (const o of parsed) {
    const list = byContact.get(o.contact);
    if (list) list.push(o);
    else byContact.set(o.contact, [o]);
  }
  const out = new Map<string, OutcomeSummary>();
  for (const contact of [...byContact.keys()].sort()) {
    const list = (byContact.get(contact) ?? []).sort(compareOutcomes);
    out.set(contact, summarizeOne(contact, list, dayEnd));
  }
  return out;
}

function summarizeOne(contact: string, list: CallOutcome[], dayEnd: number): OutcomeSummary {
  const counts = Object.fromEntries(DISPOSITIONS.map((d) => [d, 0])) as Record<Disposition, number>;
  let doNotCall = false;
  let wrongNumber = false;
  let owner: string | undefined;
  let interest: number | undefined;
  let callbackAt: number | undefined;
  for (const o of list) {
    counts[o.disposition] += 1;
    if (o.disposition === 'do_not_call') doNotCall = true;
    if (o.disposition === 'wrong_number') wrongNumber = true;
    if (CONNECTED_DISPOSITIONS.includes(o.disposition)) {
      wrongNumber = false;
      if (o.rep !== undefined) owner = o.rep;
    }
    if (o.interest !== undefined) interest = o.interest;
    // A later call answers any earlier callback; a new callbackAt replaces it.
    callbackAt = o.callbackAt;
  }
  const lastOutcome = list[list.length - 1] as CallOutcome;
  const last: LastOutcome = { disposition: lastOutcome.disposition, at: lastOutcome.at };
  if (lastOutcome.rep !== undefined) last.rep = lastOutcome.rep;
  if (lastOutcome.note !== undefined) last.note = lastOutcome.note;
  const summary: OutcomeSummary = {
    contact,
    last,
    lastCalledAt: lastOutcome.at,
    doNotCall,
    wrongNumber,
    callbackDue: callbackAt !== undefined && callbackAt <= dayEnd,
    calls: list.length,
    counts,
  };
  if (callbackAt !== undefined) summary.callbackAt = callbackAt;
  if (owner !== undefined) summary.owner = owner;
  if (interest !== undefined) summary.interest = interest;
  return summary;
}

/**
 * Validates call outcomes given by a caller; misuse throws a {@link LeadrankError} naming the row, field
 * and value.
 *
 * @example
 * validateCallOutcomes([{ contact: 'Ann@Farm.com', at: '2026-11-20', disposition: 'no_answer' }])[0]?.contact //=> 'ann@farm.com'
 */
export function validateCallOutcomes(outcomes: readonly unknown[]): CallOutcome[] {
  if (!Array.isArray(outcomes)) {
    throw new LeadrankError([{ code: 'invalid_type', field: 'outcomes', message: 'must be an array of call outcomes' }]);
  }
  return outcomes.map((raw, i) => {
    const result = CallOutcomeSchema.safeParse(raw);
    if (result.success) return result.data;
    throw new LeadrankError(issuesFromZod(result.error, raw, { file: 'outcomes', row: i + 1 }));
  });
}

/** The last millisecond of `asOf`'s calendar day in `timeZone`. */
export function endOfAsOfDay(asOf: number, timeZone: string): number {
  let zoned: TZDate;
  try {
    zoned = new TZDate(asOf, timeZone);
    if (Number.isNaN(zoned.getTime()) || !isValidZone(timeZone)) throw new Error('bad zone');
  } catch {
    throw new LeadrankError([{ code: 'invalid_time_zone', field: 'timeZone', message: `must be an IANA time zone (got ${JSON.stringify(timeZone)})` }]);
  }
  return endOfDay(zoned).getTime();
}

function isValidZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
