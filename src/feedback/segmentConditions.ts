import type { ScoredContact } from '../model/scored.js';

/** What segments read of a scored contact (a `ScoredContact` has it). */
export type SegmentLead = Pick<ScoredContact, 'contact' | 'score' | 'grade' | 'tier' | 'label' | 'interests' | 'flags' | 'details'>;
import type { CallHistory } from './callHistory.js';
import { DAY_MS } from './defaults.js';
import type { SegmentCondition, SegmentFlag } from './segmentRules.js';

/** What segment rules look at for one contact: its score (if scored) and its calls (if any). */
export interface SegmentSubject {
  contact: string;
  scored?: SegmentLead;
  history?: CallHistory;
  flags: Record<SegmentFlag, boolean>;
  /** Whole days from the latest call to `asOf`. */
  daysSinceCall?: number;
}

/**
 * Formats epoch ms as a UTC calendar date.
 *
 * @example
 * isoDay(1795435200000) //=> '2026-11-23'
 */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const FLAG_TEXT: Record<SegmentFlag, string> = {
  optedOut: 'opted out of e-mail',
  bounced: 'e-mail bounced',
  complained: 'marked an e-mail as spam',
  doNotCall: 'do not call',
  wrongNumber: 'wrong phone number',
};

/**
 * Says why a flag keeps a contact out of a segment.
 *
 * @example
 * flagText('optedOut') //=> 'opted out of e-mail'
 */
export function flagText(flag: SegmentFlag): string {
  return FLAG_TEXT[flag];
}

/**
 * Tests one condition (an AND of its fields) on a subject. Returns the sentences that say why it holds,
 * or `null` when it does not.
 *
 * @example
 * matchCondition({ tiers: ['hot'], called: false }, subject) //=> ['tier hot (score 27.93)', 'not called yet']
 */
export function matchCondition(cond: SegmentCondition, s: SegmentSubject): string[] | null {
  const why: string[] = [];
  const sc = s.scored;
  const summary = s.history?.summary;
  const check = (ok: boolean, text: () => string): boolean => {
    if (ok) why.push(text());
    return ok;
  };
  if (cond.tiers && !check(sc !== undefined && cond.tiers.includes(sc.tier), () => `tier ${sc?.tier} (score ${sc?.score})`)) return null;
  if (cond.grades && !check(sc !== undefined && cond.grades.includes(sc.grade), () => `fit grade ${sc?.grade}`)) return null;
  if (cond.labels && !check(sc !== undefined && cond.labels.includes(sc.label), () => `label ${sc?.label}`)) return null;
  if (cond.minScore !== undefined && !check(sc !== undefined && sc.score >= cond.minScore, () => `score ${sc?.score} ≥ ${cond.minScore}`)) return null;
  if (cond.maxScore !== undefined && !check(sc !== undefined && sc.score <= cond.maxScore, () => `score ${sc?.score} ≤ ${cond.maxScore}`)) return null;
  if (cond.topics) {
    const wanted = new Set(cond.topics.map((t) => t.toLowerCase()));
    const hit = (sc?.interests ?? []).filter((i) => wanted.has(i.topic.toLowerCase())).map((i) => i.topic);
    if (!check(hit.length > 0, () => `interested in ${hit.join(', ')}`)) return null;
  }
  for (const flag of cond.flags ?? []) if (!check(s.flags[flag], () => flagText(flag))) return null;
  if (cond.called !== undefined) {
    const calls = summary?.calls ?? 0;
    if (!check((calls > 0) === cond.called, () => (calls > 0 ? `called ${calls} time${calls === 1 ? '' : 's'}` : 'not called yet'))) return null;
  }
  const lastText = (): string => `last call ${isoDay(summary?.lastCalledAt ?? 0)} (${daysAgo(s.daysSinceCall ?? 0)}): ${summary?.last.disposition}`;
  if (cond.lastDisposition && !check(summary !== undefined && cond.lastDisposition.includes(summary.last.disposition), lastText)) return null;
  if (cond.anyDisposition) {
    const hit = (s.history?.calls ?? []).filter((c) => cond.anyDisposition?.includes(c.disposition));
    const last = hit[hit.length - 1];
    if (!check(last !== undefined, () => `${last?.disposition} on ${isoDay(last?.at ?? 0)}`)) return null;
  }
  const days = s.daysSinceCall;
  if (cond.minDaysSinceCall !== undefined && !check(days !== undefined && days >= cond.minDaysSinceCall, () => `last called at least ${cond.minDaysSinceCall} days ago (${daysAgo(days ?? 0)})`)) return null;
  if (cond.maxDaysSinceCall !== undefined && !check(days !== undefined && days <= cond.maxDaysSinceCall, () => `last called at most ${cond.maxDaysSinceCall} days ago (${daysAgo(days ?? 0)})`)) return null;
  const interest = summary?.interest;
  if (cond.minInterest !== undefined && !check(interest !== undefined && interest >= cond.minInterest, () => `interest ${interest}/5`)) return null;
  if (cond.maxInterest !== undefined && !check(interest !== undefined && interest <= cond.maxInterest, () => `interest ${interest}/5`)) return null;
  if (cond.minUnanswered !== undefined) {
    const streak = s.history?.unansweredStreak ?? 0;
    if (!check(streak >= cond.minUnanswered, () => `${streak} unanswered calls in a row`)) return null;
  }
  if (cond.callbackDue !== undefined) {
    const due = summary?.callbackDue ?? false;
    const text = (): string => (due ? `callback due ${isoDay(summary?.callbackAt ?? 0)}` : 'no callback due');
    if (!check(due === cond.callbackDue, text)) return null;
  }
  return dedupe(why.length > 0 ? why : ['matches every contact']);
}

/**
 * Calendar days (UTC) from one instant to another: a call yesterday evening is 1 day ago.
 *
 * @example
 * daysBetween(Date.parse('2026-11-22T20:00Z'), Date.parse('2026-11-23T08:00Z')) //=> 1
 */
export function daysBetween(from: number, to: number): number {
  return Math.floor(to / DAY_MS) - Math.floor(from / DAY_MS);
}

function daysAgo(days: number): string {
  return days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}
