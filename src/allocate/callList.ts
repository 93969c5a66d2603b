import type { OutcomeSummary } from '../feedback/outcomes.js';
import { suggestCallWindow } from './callWindow.js';
import type { PairFit, PreparedLead } from './pairFit.js';
import type { AssignmentWhy, CallEntry, EntryDetails, LeadLike } from './types.js';

/** What the list builder knows about one assigned lead. */
export interface Placed<L extends LeadLike> {
  prepared: PreparedLead<L>;
  pair: PairFit;
  value: number;
  /** A callback is due today (to any rep). */
  callbackDue: boolean;
  /** The due callback was promised by this list's rep. */
  callbackHere: boolean;
  summary: OutcomeSummary | undefined;
}

/**
 * Orders one rep's leads for calling (due callbacks first, then score, value and contact) and turns
 * each into a {@link CallEntry} with details, reasons, flags, previous outcome and a call window.
 *
 * @example
 * buildEntries(placed, { asOf, businessHours: { start: '09:00', end: '17:00' }, reasons: 3 })[0].position //=> 1
 */
export function buildEntries<L extends LeadLike>(
  placed: Placed<L>[],
  o: { asOf: number; businessHours: { start: string; end: string }; reasons: number },
): CallEntry[] {
  const sorted = [...placed].sort(
    (a, b) =>
      Number(b.callbackHere) - Number(a.callbackHere) ||
      b.prepared.lead.score - a.prepared.lead.score ||
      b.value - a.value ||
      (a.prepared.contact < b.prepared.contact ? -1 : 1),
  );
  return sorted.map((p, i) => buildEntry(p, i + 1, o));
}

function buildEntry<L extends LeadLike>(
  p: Placed<L>,
  position: number,
  o: { asOf: number; businessHours: { start: string; end: string }; reasons: number },
): CallEntry {
  const { lead, details: d } = p.prepared;
  const details: EntryDetails = {};
  for (const k of ['name', 'company', 'title', 'phone', 'timezone', 'country', 'region'] as const) {
    const v = k === 'name' ? (d?.name ?? joinName(d?.firstName, d?.lastName)) : d?.[k];
    if (v !== undefined) details[k] = v;
  }
  const flags: string[] = [];
  if (p.callbackDue) flags.push('callback_due');
  if (lead.flags?.optedOut) flags.push('unsubscribed');
  if (lead.flags?.bounced) flags.push('bounced');
  if (p.pair.owner) flags.push('owner');
  if (d?.phone === undefined) flags.push('no_phone');
  const entry: CallEntry = {
    position,
    contact: p.prepared.contact,
    details,
    score: lead.score,
    ...(lead.tier === undefined ? {} : { tier: lead.tier }),
    ...(lead.label === undefined ? {} : { label: lead.label }),
    value: round(p.value),
    fit: round(p.pair.fit),
    why: describeWhy(p),
    reasons: (lead.reasons ?? []).slice(0, o.reasons).map((r) => r.text),
    interests: (lead.interests ?? []).map((i) => i.topic),
    ...(lead.lastEngagement === undefined ? {} : { lastEngagement: lead.lastEngagement }),
    flags,
  };
  if (p.summary !== undefined) entry.previousOutcome = { ...p.summary.last };
  const window = suggestCallWindow({ timezone: d?.timezone, country: d?.country, region: d?.region }, o.asOf, o.businessHours);
  if (window !== undefined) entry.callWindow = window;
  return entry;
}

function describeWhy<L extends LeadLike>(p: Placed<L>): AssignmentWhy {
  const { pair } = p;
  const parts: string[] = [];
  if (p.callbackHere) parts.push('A callback to this rep is due today.');
  else if (p.callbackDue) parts.push('A callback is due today; the rep who promised it cannot take it.');
  if (pair.owner) parts.push('Owns the contact.');
  if (pair.territory !== undefined) parts.push(`Territory: ${pair.territory}.`);
  if (pair.expertise === 'exact') parts.push(`Expert in ${pair.topic}, the lead's top interest.`);
  else if (pair.expertise === 'partial') parts.push(`Knows ${pair.topic}, one of the lead's interests.`);
  const why: AssignmentWhy = {
    expertise: pair.expertise,
    owner: pair.owner,
    callback: p.callbackHere,
    text: parts.length > 0 ? parts.join(' ') : 'Available and allowed to take the lead.',
  };
  if (pair.territory !== undefined) why.territory = pair.territory;
  if (pair.topic !== undefined) why.topic = pair.topic;
  return why;
}

function joinName(first?: string, last?: string): string | undefined {
  const n = [first, last].filter((x) => x !== undefined && x !== '').join(' ');
  return n === '' ? undefined : n;
}

/** Rounds for display and stable output (6 decimals). */
export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
