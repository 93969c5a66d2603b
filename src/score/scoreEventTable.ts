import type { EventTable } from '../ingest/eventTable.js';
import type { LeadLike } from '../allocate/types.js';
import type { Contact } from '../model/contact.js';
import type { ContactFlags, Grade, Interest, ScoredContact, ScoreReason, Tier } from '../model/scored.js';
import { TIERS } from '../model/scored.js';
import { leadFieldsOf, rankKeyOf, scoreOne, type LeadFields } from './finalize.js';
import { createScorer } from './createScorer.js';
import type { RankedFields } from './rank.js';
import { scorerInternals, type Scorer, type ScoreOptions } from './scorer.js';
import { newContactState, type ContactState } from './state.js';
import { collectLinkEvidence, TableHitInfos, tableContactState } from './tableState.js';

/** Options of {@link scoreEventTable}: those of `scoreContacts`, and how many to return. */
export interface ScoreTableOptions extends ScoreOptions {
  /** Return only the `top` best contacts (all are still scored and counted). @default all */
  top?: number;
  /** Which CRM contacts without events this call scores (threads split them). @default all */
  ownsContact?: (email: string) => boolean;
}

/** The ranking of a table: the best contacts (ranked from 1; as `pack` made them, see {@link scoreEventTable}), how many were scored, and per tier. */
export interface TableScores<S = ScoredContact> {
  scored: S[];
  /** Contacts scored: every contact with an event or a CRM record. */
  contacts: number;
  tiers: Record<Tier, number>;
}

/**
 * Scores the contacts of a deduplicated {@link EventTable}: exactly what `scoreContacts` returns for
 * the same events (the same reducer state per contact, the same `finalize`), but with the events
 * in columns and each contact's state built only while it is scored, so memory grows with the rows'
 * ~7 bytes, and `top` keeps only the best contacts' objects. With `pack`, each of the best is
 * handed to it as soon as it is scored and only what it returns is kept (a worker thread turns them
 * into bytes, so that a thousand full contacts never sit in its heap at once).
 *
 * @example
 * table.dedupe();
 * const { scored, contacts, tiers } = scoreEventTable(table, { asOf: '2026-11-23T12:00:00Z', top: 1000 });
 */
export function scoreEventTable(table: EventTable, options: ScoreTableOptions): TableScores;
export function scoreEventTable<P>(table: EventTable, options: ScoreTableOptions, pack: (scored: ScoredContact) => P): TableScores<P>;
export function scoreEventTable<P>(table: EventTable, options: ScoreTableOptions, pack?: (scored: ScoredContact) => P): TableScores<P | ScoredContact> {
  return scoreEventTableWith(table, createScorer(options), options, pack);
}

/**
 * @internal {@link scoreEventTable} with a scorer already made (`buildScorer` from inputs checked
 * elsewhere: a worker thread, which then loads no validation library).
 */
export function scoreEventTableWith<P>(
  table: EventTable,
  scorer: Scorer,
  options: Pick<ScoreTableOptions, 'top' | 'ownsContact'>,
  pack?: (scored: ScoredContact) => P,
): TableScores<P | ScoredContact> {
  const ranked = rankEventTableWith(table, scorer, options);
  return { scored: ranked.best(ranked.candidates, pack), contacts: ranked.contacts, tiers: ranked.tiers };
}

/** @internal A table's contacts ranked (see {@link rankEventTableWith}). */
export interface RankedTable {
  /** Contacts scored, and per tier. */
  contacts: number;
  tiers: Record<Tier, number>;
  /** How many of the best were kept: `top`, or every contact. */
  candidates: number;
  /** The rank keys of the kept best, in ranking order. */
  keys(): RankedFields[];
  /** The first `k` of the kept best, ranked from 1 and scored in full (as `pack` makes them). */
  best<P>(k: number, pack?: (scored: ScoredContact) => P): (P | ScoredContact)[];
}

/**
 * @internal The ranking step of {@link scoreEventTableWith}: every contact's rank key, the tiers,
 * and the best `top` in ranking order, scored in full only when asked (`best`). Threads that each
 * rank a part of the contacts compare their `keys` first, so that each scores in full only its
 * share of the overall best.
 */
export function rankEventTableWith(table: EventTable, scorer: Scorer, options: Pick<ScoreTableOptions, 'top' | 'ownsContact'>): RankedTable {
  // Pass 1 (in tableScoring): the links each campaign's people clicked.
  const { s, asOf, ctx, emails, tiers, stateFor } = tableScoring(table, scorer, options);

  // Pass 2: every contact's rank key, from the state the reducer would hold for it.
  const n = emails.length;
  const scores = new Float64Array(n);
  const lasts = new Float64Array(n);
  const top = Math.min(options.top ?? n, n);
  // Every contact is returned: score each in full once (its rank key is read off the result).
  const made: ScoredContact[] | undefined = top >= n ? new Array<ScoredContact>(n) : undefined;
  for (let i = 0; i < n; i++) {
    const email = emails[i]!;
    const key = made === undefined ? rankKeyOf(stateFor(i), s.contacts.get(email), asOf, ctx) : (made[i] = scoreOne(email, stateFor(i), s.contacts.get(email), asOf, ctx));
    scores[i] = key.score;
    lasts[i] = key.lastEngagement ?? Number.NEGATIVE_INFINITY;
    tiers[key.tier] += 1;
  }

  // Pass 3: the best `top` in ranking order (as compareScoredContacts orders them).
  let candidates: number[];
  if (top >= n) candidates = Array.from({ length: n }, (_, i) => i);
  else if (top <= 0) candidates = [];
  else {
    const threshold = kthSmallest(scores, n - top);
    candidates = [];
    for (let i = 0; i < n; i++) if (scores[i]! >= threshold) candidates.push(i);
  }
  candidates.sort((a, b) => {
    if (scores[a] !== scores[b]) return scores[b]! - scores[a]!;
    if (lasts[a] !== lasts[b]) return lasts[b]! > lasts[a]! ? 1 : -1;
    return emails[a]! < emails[b]! ? -1 : emails[a]! > emails[b]! ? 1 : 0;
  });
  candidates.length = Math.min(candidates.length, top);
  return {
    contacts: n,
    tiers,
    candidates: candidates.length,
    keys: () =>
      candidates.map((i) => {
        const last = lasts[i]!;
        return { score: scores[i]!, lastEngagement: last === Number.NEGATIVE_INFINITY ? undefined : last, contact: emails[i]! };
      }),
    best: <P>(k: number, pack?: (scored: ScoredContact) => P) =>
      candidates.slice(0, k).map((i, r) => {
        const out = made?.[i] ?? scoreOne(emails[i]!, stateFor(i), s.contacts.get(emails[i]!), asOf, ctx);
        out.rank = r + 1;
        return pack === undefined ? out : pack(out);
      }),
  };
}

/**
 * @internal The `k`-th smallest of `values` (from 0), as `Float64Array.from(values).sort()[k]`
 * gives it, without sorting them all: a quickselect on a copy (median-of-three pivots, three-way
 * partitions for the many equal scores), which falls back to the sort if it takes too many rounds.
 */
export function kthSmallest(values: Float64Array, k: number): number {
  const a = Float64Array.from(values);
  for (let i = 0; i < a.length; i++) if (a[i] !== a[i]) return a.sort()[k]!; // NaN: the sort's order
  let lo = 0;
  let hi = a.length - 1;
  for (let rounds = 2 * Math.ceil(Math.log2(a.length + 1)) + 8; lo < hi; rounds--) {
    if (rounds === 0) return a.subarray(lo, hi + 1).sort()[k - lo]!;
    const x = a[lo]!;
    const y = a[lo + ((hi - lo) >> 1)]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    // [lo, lt) < pivot, [lt, gt] = pivot, (gt, hi] > pivot.
    let lt = lo;
    let gt = hi;
    for (let i = lo; i <= gt; ) {
      const v = a[i]!;
      if (v < pivot) {
        a[i++] = a[lt]!;
        a[lt++] = v;
      } else if (v > pivot) {
        a[i] = a[gt]!;
        a[gt--] = v;
      } else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return pivot;
  }
  return a[k]!;
}

/**
 * What scoring a table's contacts starts from: the scorer's internals with each campaign's clicked
 * links collected (the evidence of the all-links-clicked rule), the contacts (the table's, then the
 * CRM's without events that `ownsContact` gives this call), zeroed tier counts, and each contact's
 * reducer state, built when asked for.
 */
function tableScoring(table: EventTable, scorer: Scorer, options: Pick<ScoreTableOptions, 'ownsContact'>) {
  const s = scorerInternals(scorer);
  collectLinkEvidence(table, s);
  const emails = [...table.contacts];
  for (const email of s.contacts.keys()) if (!table.hasContact(email) && (options.ownsContact?.(email) ?? true)) emails.push(email);
  const tiers = Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>;
  const infos = new TableHitInfos(table, s.ctx);
  const stateFor = (i: number): ContactState => (i < table.contacts.length ? tableContactState(table, i, s.asOf, false, infos) : newContactState());
  return { s, asOf: s.asOf, ctx: s.ctx, emails, tiers, stateFor };
}

/** A lead of {@link leadsOfEventTable}: the {@link LeadFields} of a contact, and its reasons, made when first read. */
export interface TableLead extends LeadFields {
  readonly reasons: ScoreReason[];
}

/** Every contact of a table as a lead, how many there are, and per tier. */
export interface TableLeads {
  leads: TableLead[];
  contacts: number;
  tiers: Record<Tier, number>;
}

/**
 * The contacts of a deduplicated {@link EventTable} as leads for `allocateCalls` (and the campaign
 * report and segments): for each, the {@link LeadFields} of the `ScoredContact` that
 * `scoreEventTable` makes of it, with the same values; its `reasons` are worked out from the table
 * when first read, as the call-list entry of a placed lead reads them. So a million leads cost no
 * reasons, counts or ledger, and the same allocation comes out (tested). The leads are in contact
 * order, not ranked.
 *
 * @example
 * const { leads } = leadsOfEventTable(table, { asOf: '2026-11-23T12:00:00Z' });
 * allocateCalls(leads, reps, { asOf: '2026-11-23T12:00:00Z' }).lists[0].entries[0].reasons //=> ['Clicked …']
 */
export function leadsOfEventTable(table: EventTable, options: ScoreTableOptions): TableLeads {
  const { s, asOf, ctx, emails, tiers, stateFor } = tableScoring(table, createScorer(options), options);
  const explain = (i: number): ScoreReason[] => scoreOne(emails[i]!, stateFor(i), s.contacts.get(emails[i]!), asOf, ctx).reasons;
  const leads = emails.map((email, i) => {
    const lead = new LazyLead(leadFieldsOf(email, stateFor(i), s.contacts.get(email), asOf, ctx), i, explain);
    tiers[lead.tier] += 1;
    return lead;
  });
  return { leads, contacts: leads.length, tiers };
}

/** A {@link TableLead}: its reasons are made on first read. */
class LazyLead implements TableLead, LeadLike {
  readonly contact: string;
  readonly score: number;
  readonly grade: Grade;
  readonly tier: Tier;
  readonly label: string;
  readonly interests: Interest[];
  readonly flags: ContactFlags;
  readonly lastEngagement?: number;
  readonly details?: Contact;
  #reasons: ScoreReason[] | undefined;

  constructor(
    fields: LeadFields,
    private readonly at: number,
    private readonly explain: (at: number) => ScoreReason[],
  ) {
    this.contact = fields.contact;
    this.score = fields.score;
    this.grade = fields.grade;
    this.tier = fields.tier;
    this.label = fields.label;
    this.interests = fields.interests;
    this.flags = fields.flags;
    if (fields.lastEngagement !== undefined) this.lastEngagement = fields.lastEngagement;
    if (fields.details !== undefined) this.details = fields.details;
  }

  get reasons(): ScoreReason[] {
    return (this.#reasons ??= this.explain(this.at));
  }
}
