import type { CallHistory, FunnelRules } from './callHistory.js';
import { reachedStages } from './callHistory.js';

/** What one rep did with the contacts they called (stages count contacts, not calls). */
export interface RepFollowUp {
  rep: string;
  /** Contacts on the rep's call list, when an allocation was given; otherwise `null`. */
  assigned: number | null;
  /** Contacts on the rep's list that the rep called at or after the allocation's `asOf`; `null` without an allocation. */
  assignedCalled: number | null;
  /** Calls made (every outcome recorded). */
  calls: number;
  /** Contacts the rep called. */
  called: number;
  connected: number;
  interested: number;
  meetings: number;
  won: number;
}

/**
 * Per-rep follow-up from call histories: each contact counts for every rep who called it, with the
 * stages reached in that rep's own calls. Calls without a rep are grouped under `(no rep)`.
 *
 * @param histories - call histories per contact (from `callHistories`)
 * @param rules - which dispositions reach which stage
 * @param assigned - contacts on each rep's call list (from an allocation), keyed by rep id
 * @param assignedSince - when the lists were made (epoch ms): earlier calls do not follow them up
 * @returns one row per rep, in rep order
 * @example
 * repFollowUp(histories, {}).map((r) => [r.rep, r.called]) //=> [['rep-de', 5], ['rep-iowa', 3], …]
 */
export function repFollowUp(
  histories: ReadonlyMap<string, CallHistory>,
  rules: FunnelRules,
  assigned?: ReadonlyMap<string, ReadonlySet<string>>,
  assignedSince = Number.NEGATIVE_INFINITY,
): RepFollowUp[] {
  const rows = new Map<string, RepFollowUp>();
  const row = (rep: string): RepFollowUp => {
    let r = rows.get(rep);
    if (!r) {
      const list = assigned?.get(rep);
      r = { rep, assigned: assigned ? (list?.size ?? 0) : null, assignedCalled: assigned ? 0 : null, calls: 0, called: 0, connected: 0, interested: 0, meetings: 0, won: 0 };
      rows.set(rep, r);
    }
    return r;
  };
  for (const rep of assigned?.keys() ?? []) row(rep);
  for (const [contact, h] of histories) {
    const byRep = new Map<string, CallHistory['calls']>();
    for (const c of h.calls) {
      const rep = c.rep ?? '(no rep)';
      byRep.set(rep, [...(byRep.get(rep) ?? []), c]);
    }
    for (const [rep, calls] of byRep) {
      const r = row(rep);
      const stages = reachedStages(calls, Number.NEGATIVE_INFINITY, rules);
      r.calls += calls.length;
      r.called += 1;
      const followedUp = calls.some((c) => c.at >= assignedSince);
      if (followedUp && assigned?.get(rep)?.has(contact) && r.assignedCalled !== null) r.assignedCalled += 1;
      if (stages.has('connected')) r.connected += 1;
      if (stages.has('interested')) r.interested += 1;
      if (stages.has('meetings')) r.meetings += 1;
      if (stages.has('won')) r.won += 1;
    }
  }
  return [...rows.values()].sort((a, b) => (a.rep < b.rep ? -1 : a.rep > b.rep ? 1 : 0));
}
