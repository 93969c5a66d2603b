import type { EventTable } from '../ingest/eventTable.js';
import type { ScoredContact, Tier } from '../model/scored.js';
import { TIERS } from '../model/scored.js';
import { scoreOne } from './finalize.js';
import { compareScoredContacts } from './rank.js';
import { createScorer, scorerInternals, type ScoreOptions } from './scorer.js';
import { newContactState, type ContactState, type Hit } from './state.js';

/** Options of {@link scoreEventTable}: those of `scoreContacts`, and how many to return. */
export interface ScoreTableOptions extends ScoreOptions {
  /** Return only the `top` best contacts (all are still scored and counted). @default all */
  top?: number;
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
 * ~21 bytes, and `top` keeps only the best contacts' objects.
 *
 * @example
 * table.dedupe();
 * const { scored, contacts, tiers } = scoreEventTable(table, { asOf: '2026-11-23T12:00:00Z', top: 1000 });
 */
export function scoreEventTable(table: EventTable, options: ScoreTableOptions): TableScores {
  const scorer = createScorer(options);
  const s = scorerInternals(scorer);
  const { asOf, ctx } = s;
  const top = options.top ?? Number.POSITIVE_INFINITY;

  // Pass 1: the links each campaign's people clicked (the evidence of the all-links-clicked rule).
  const linkKeys = new Map<number, string>();
  for (let c = 0; c < table.contacts.length; c++) {
    for (const r of table.contactRows(c)) {
      const e = table.event(r);
      if (e.at > asOf || e.type !== 'click' || e.url === undefined) continue;
      const ck = e.campaign ?? e.message;
      if (ck === undefined) continue;
      let set = s.campaignLinks.get(ck);
      if (set === undefined) s.campaignLinks.set(ck, (set = new Set()));
      const urlId = table.stringId(e.url);
      let key = linkKeys.get(urlId);
      if (key === undefined) linkKeys.set(urlId, (key = ctx.rules.link(e.url).key));
      set.add(key);
    }
  }

  // Pass 2: one contact's state at a time, scored as the reducer's finalize scores it.
  const tiers = Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>;
  let best: ScoredContact[] = [];
  let count = 0;
  const keep = (scored: ScoredContact): void => {
    count += 1;
    tiers[scored.tier] += 1;
    if (top === 0) return;
    best.push(scored);
    if (best.length >= 2 * top + 1024) best = best.sort(compareScoredContacts).slice(0, top);
  };
  for (let c = 0; c < table.contacts.length; c++) {
    const email = table.contacts[c]!;
    keep(scoreOne(email, stateOf(table, table.contactRows(c), asOf), s.contacts.get(email), asOf, ctx));
  }
  for (const [email, contact] of s.contacts) {
    if (table.hasContact(email)) continue;
    keep(scoreOne(email, newContactState(), contact, asOf, ctx));
  }
  best.sort(compareScoredContacts);
  if (best.length > top) best = best.slice(0, top);
  best.forEach((x, i) => {
    x.rank = i + 1;
  });
  return { scored: best, contacts: count, tiers };
}

/** The reducer state `createScorer().add` would build from these rows. */
function stateOf(table: EventTable, rows: Int32Array, asOf: number): ContactState {
  const st = newContactState();
  for (const r of rows) {
    const e = table.event(r);
    if (e.at > asOf) {
      st.future++;
      continue;
    }
    if (e.type === 'sent' || e.type === 'delivered') {
      st.counts.set(e.type, (st.counts.get(e.type) ?? 0) + 1);
      const key = e.message ?? e.campaign;
      if (key !== undefined) {
        const prev = st.delivered.get(key);
        if (prev === undefined || e.at < prev) st.delivered.set(key, e.at);
      }
      continue;
    }
    const hit: Hit = {
      at: e.at,
      type: e.type,
      message: e.message,
      campaign: e.campaign,
      url: e.url,
      pre: undefined,
      bounce: e.type === 'bounce' ? (e.bounce ?? 'hard') : undefined,
      ref: -1,
    };
    st.hits.push(hit);
  }
  return st;
}
