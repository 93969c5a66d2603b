import type { EventTable } from '../ingest/eventTable.js';
import type { EngagementEvent } from '../model/event.js';
import type { TimeInput } from '../model/time.js';
import type { ScoredContact, Tier } from '../model/scored.js';
import { TIERS } from '../model/scored.js';
import { rankKeyOf, scoreOne } from './finalize.js';
import { createScorer, scorerInternals, type ScoreOptions } from './scorer.js';
import { classifyHits } from './machine.js';
import { compareHits, newContactState, type ContactState, type Hit } from './state.js';

/** Options of {@link scoreEventTable}: those of `scoreContacts`, and how many to return. */
export interface ScoreTableOptions extends ScoreOptions {
  /** Return only the `top` best contacts (all are still scored and counted). @default all */
  top?: number;
  /** Which CRM contacts without events this call scores (threads split them). @default all */
  ownsContact?: (email: string) => boolean;
}

/** The ranking of a table: the best contacts (ranked from 1), how many were scored, and per tier. */
export interface TableScores {
  scored: ScoredContact[];
  /** Contacts scored: every contact with an event or a CRM record. */
  contacts: number;
  tiers: Record<Tier, number>;
}

/**
 * Scores the contacts of a deduplicated {@link EventTable}: exactly what `scoreContacts` returns for
 * the same events (the same reducer state per contact, the same `finalize`), but with the events
 * in columns and each contact's state built only while it is scored, so memory grows with the rows'
 * ~14 bytes, and `top` keeps only the best contacts' objects.
 *
 * @example
 * table.dedupe();
 * const { scored, contacts, tiers } = scoreEventTable(table, { asOf: '2026-11-23T12:00:00Z', top: 1000 });
 */
export function scoreEventTable(table: EventTable, options: ScoreTableOptions): TableScores {
  const scorer = createScorer(options);
  const s = scorerInternals(scorer);
  const { asOf, ctx } = s;

  collectLinkEvidence(table, s);

  // Pass 2: every contact's rank key, from the state the reducer would hold for it.
  const emails = [...table.contacts];
  for (const email of s.contacts.keys()) if (!table.hasContact(email) && (options.ownsContact?.(email) ?? true)) emails.push(email);
  const n = emails.length;
  const scores = new Float64Array(n);
  const lasts = new Float64Array(n);
  const tiers = Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>;
  const stateFor = (i: number): ContactState => (i < table.contacts.length ? stateOf(table, table.contactRows(i), asOf) : newContactState());
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

  // Pass 3: the best `top` in ranking order (as compareScoredContacts orders), scored in full.
  let candidates: number[];
  if (top >= n) candidates = Array.from({ length: n }, (_, i) => i);
  else if (top <= 0) candidates = [];
  else {
    const threshold = Float64Array.from(scores).sort()[n - top]!;
    candidates = [];
    for (let i = 0; i < n; i++) if (scores[i]! >= threshold) candidates.push(i);
  }
  candidates.sort((a, b) => {
    if (scores[a] !== scores[b]) return scores[b]! - scores[a]!;
    if (lasts[a] !== lasts[b]) return lasts[b]! > lasts[a]! ? 1 : -1;
    return emails[a]! < emails[b]! ? -1 : emails[a]! > emails[b]! ? 1 : 0;
  });
  const scored = candidates.slice(0, top).map((i, k) => {
    const out = made?.[i] ?? scoreOne(emails[i]!, stateFor(i), s.contacts.get(emails[i]!), asOf, ctx);
    out.rank = k + 1;
    return out;
  });
  return { scored, contacts: n, tiers };
}

/** Pass 1: the links each campaign's people clicked up to `asOf` (the evidence of the all-links-clicked rule), as `add` collects them. */
function collectLinkEvidence(table: EventTable, s: ReturnType<typeof scorerInternals>): void {
  const click = table.types.indexOf('click');
  const linkKeys = new Map<number, string>();
  for (let c = 0; click >= 0 && c < table.contacts.length; c++) {
    for (const r of table.contactRows(c)) {
      const url = table.urlOf(r);
      if (table.typeOf(r) !== click || url < 0 || table.atOf(r) > s.asOf) continue;
      const campaign = table.campaignOf(r);
      const ck = campaign >= 0 ? campaign : table.messageOf(r);
      if (ck < 0) continue;
      const name = table.strings[ck]!;
      let set = s.campaignLinks.get(name);
      if (set === undefined) s.campaignLinks.set(name, (set = new Set()));
      let key = linkKeys.get(url);
      if (key === undefined) linkKeys.set(url, (key = s.ctx.rules.link(table.strings[url]!).key));
      set.add(key);
    }
  }
}

/**
 * The events of a deduplicated {@link EventTable} classified as `classifyMachineEvents` classifies
 * the events up to `asOf` (the campaign report's evidence): the same rules, from the same per-contact
 * state, without a scorer holding every event. Contact by contact, every row: opens, clicks and other
 * scored events up to `asOf` get `machine` (and `machineReason`); `sent`/`delivered` and rows after
 * `asOf` carry no `machine` field.
 *
 * @example
 * const events = classifyEventTable(table, { asOf: '2026-11-23T12:00:00Z' });
 * buildCampaignReport(events, { asOf: '2026-11-23T12:00:00Z', classified: true });
 */
export function classifyEventTable(table: EventTable, options: { asOf: TimeInput; model?: ScoreOptions['model'] }): EngagementEvent[] {
  const s = scorerInternals(createScorer({ asOf: options.asOf, ...(options.model === undefined ? {} : { model: options.model }) }));
  collectLinkEvidence(table, s);
  const out: EngagementEvent[] = [];
  for (let c = 0; c < table.contacts.length; c++) {
    const contact = table.contacts[c]!;
    const rows = table.contactRows(c);
    const st = stateOf(table, rows, s.asOf, true);
    const hits = st.hits.sort(compareHits);
    const reasons = classifyHits(hits, st.delivered, s.ctx);
    // Per row: undefined (not classified), null (human) or the machine reason.
    const verdict = new Array<string | null | undefined>(rows.length);
    for (let i = 0; i < hits.length; i++) verdict[hits[i]!.ref] = reasons[i] ?? null;
    for (let k = 0; k < rows.length; k++) {
      const e = table.eventOf(rows[k]!, contact);
      const v = verdict[k];
      if (v !== undefined) {
        e.machine = v !== null;
        if (v !== null) e.machineReason = v;
      }
      out.push(e);
    }
  }
  return out;
}

/** The reducer state `createScorer().add` would build from these rows (with `refs`, each hit's `ref` is its row's position in `rows`). */
function stateOf(table: EventTable, rows: Int32Array, asOf: number, refs = false): ContactState {
  const st = newContactState();
  const { types, strings } = table;
  const text = (id: number): string | undefined => (id < 0 ? undefined : strings[id]);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    const at = table.atOf(r);
    if (at > asOf) {
      st.future++;
      continue;
    }
    const type = types[table.typeOf(r)]!;
    const message = text(table.messageOf(r));
    const campaign = text(table.campaignOf(r));
    if (type === 'sent' || type === 'delivered') {
      st.counts.set(type, (st.counts.get(type) ?? 0) + 1);
      const key = message ?? campaign;
      if (key !== undefined) {
        const prev = st.delivered.get(key);
        if (prev === undefined || at < prev) st.delivered.set(key, at);
      }
      continue;
    }
    const bounce = table.bounceOf(r);
    const hit: Hit = {
      at,
      type,
      message,
      campaign,
      url: text(table.urlOf(r)),
      pre: undefined,
      bounce: type === 'bounce' ? (bounce === 2 ? 'soft' : 'hard') : undefined,
      ref: refs ? k : -1,
    };
    st.hits.push(hit);
  }
  return st;
}
