import type { Contact } from '../model/contact.js';
import type { ContactFlags, Grade, Interest, ScoredContact, Tier } from '../model/scored.js';
import { evaluateContact, eventCounts, type Evaluation } from './evaluate.js';
import { fitScore, gradeOf, labelOf, tierOf } from './fit.js';
import type { MachineContext } from './machine.js';
import { rankScoredContacts } from './rank.js';
import { entryReason, round, summarizeReasons } from './reasons.js';
import { newContactState, type ContactState } from './state.js';

/** Engagement from the summed ledger: floored at 0 and capped when the model says so. */
export function engagementOf(raw: number, ctx: MachineContext): number {
  let e = raw;
  if (ctx.model.floor && e < 0) e = 0;
  const cap = ctx.model.caps.total;
  if (cap !== null && e > cap) e = cap;
  return e;
}

function interestsOf(ev: Evaluation): Interest[] {
  const byTopic = new Map<string, number>();
  for (const e of ev.entries) {
    if (e.points <= 0) continue;
    for (const t of e.topics) byTopic.set(t, (byTopic.get(t) ?? 0) + e.points);
  }
  return [...byTopic]
    .map(([topic, weight]) => ({ topic, weight: round(weight) }))
    .filter((i) => i.weight > 0)
    .sort((a, b) => b.weight - a.weight || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
}

/** What ranking a contact needs: its score, tier and last engagement (no reasons, no interests). */
export interface RankKey {
  score: number;
  tier: Tier;
  lastEngagement: number | undefined;
}

interface Scored extends RankKey {
  ev: Evaluation;
  engagement: number;
  fit: number;
  matches: ReturnType<typeof fitScore>['matches'];
  grade: ReturnType<typeof gradeOf>;
}

function scoreParts(state: ContactState, contact: Contact | undefined, asOf: number, ctx: MachineContext): Scored {
  const ev = evaluateContact(state, asOf, ctx);
  const engagement = round(engagementOf(ev.raw, ctx));
  const { fit, matches } = fitScore(contact, ctx.model);
  const tier = tierOf(engagement, ctx.model);
  return { ev, engagement, fit, matches, grade: gradeOf(fit, ctx.model), tier, score: round(engagement + fit), lastEngagement: ev.lastEngagement };
}

/**
 * The part of {@link scoreOne} that ranking needs, computed the same way: a `ScoredContact` made
 * from the same state has exactly this score, tier and last engagement.
 */
export function rankKeyOf(state: ContactState, contact: Contact | undefined, asOf: number, ctx: MachineContext): RankKey {
  const { score, tier, lastEngagement } = scoreParts(state, contact, asOf, ctx);
  return { score, tier, lastEngagement };
}

/** Scores one contact (`rank` is set later by the ranking). */
export function scoreOne(email: string, state: ContactState, contact: Contact | undefined, asOf: number, ctx: MachineContext): ScoredContact {
  const model = ctx.model;
  const { ev, engagement, fit, matches, grade, tier, score } = scoreParts(state, contact, asOf, ctx);
  const machineEvents = ev.reasons.filter((r) => r !== undefined).length;
  const out: ScoredContact = {
    rank: 0,
    contact: email,
    score,
    engagement,
    fit: round(fit),
    grade,
    tier,
    label: labelOf(grade, tier),
    interests: interestsOf(ev),
    reasons: summarizeReasons(ev, matches, asOf, model.reasons.max),
    counts: eventCounts(state, ev),
    flags: { ...ev.flags, doNotCall: contact?.doNotCall === true },
    machineEvents,
    futureEvents: ev.future,
  };
  if (ev.firstEngagement !== undefined) out.firstEngagement = ev.firstEngagement;
  if (ev.lastEngagement !== undefined) out.lastEngagement = ev.lastEngagement;
  if (contact !== undefined) out.details = contact;
  if (model.reasons.ledger) out.ledger = ev.entries.map((e) => entryReason(e, asOf, 4));
  return out;
}

/**
 * What the allocation, the campaign report and the segments read of a scored contact: all but the
 * engagement and fit points, reasons, counts and ledger. A `ScoredContact` has these fields.
 */
export interface LeadFields {
  contact: string;
  score: number;
  grade: Grade;
  tier: Tier;
  label: string;
  interests: Interest[];
  flags: ContactFlags;
  lastEngagement?: number;
  details?: Contact;
}

/**
 * The {@link LeadFields} of one contact: the same values {@link scoreOne} gives it, without making
 * the reasons, counts and ledger (a call list shows reasons for the few leads it holds).
 */
export function leadFieldsOf(email: string, state: ContactState, contact: Contact | undefined, asOf: number, ctx: MachineContext): LeadFields {
  const { ev, grade, tier, score } = scoreParts(state, contact, asOf, ctx);
  const out: LeadFields = {
    contact: email,
    score,
    grade,
    tier,
    label: labelOf(grade, tier),
    interests: interestsOf(ev),
    flags: { ...ev.flags, doNotCall: contact?.doNotCall === true },
  };
  if (ev.lastEngagement !== undefined) out.lastEngagement = ev.lastEngagement;
  if (contact !== undefined) out.details = contact;
  return out;
}

/**
 * Scores every contact that has events or a CRM record, and ranks them: score (desc), last
 * engagement (desc, none last), contact (asc). A CRM contact without events is scored on fit alone.
 */
export function finalizeContacts(
  states: ReadonlyMap<string, ContactState>,
  contacts: ReadonlyMap<string, Contact>,
  asOf: number,
  ctx: MachineContext,
): ScoredContact[] {
  const emails = new Set([...states.keys(), ...contacts.keys()]);
  const scored = [...emails].map((email) => scoreOne(email, states.get(email) ?? newContactState(), contacts.get(email), asOf, ctx));
  return rankScoredContacts(scored);
}
