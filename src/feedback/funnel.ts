import { TIERS } from '../model/scored.js';
import type { ScoredContact, Tier } from '../model/scored.js';
import type { CallHistory, FunnelRules } from './callHistory.js';
import { reachedStages } from './callHistory.js';

/** From engaged contacts to won deals: how far the contacts a campaign (or link, or topic) touched got. */
export interface FunnelCounts {
  /** Contacts with a human engagement (open, click, reply, …). */
  engaged: number;
  /** Engaged contacts per tier of their current score (unscored contacts are not counted here). */
  leadsByTier: Record<Tier, number>;
  /** Engaged contacts in a lead tier (hot and warm by default). */
  leads: number;
  /** Leads called at or after their first engagement. */
  leadsCalled: number;
  /** Engaged contacts called at or after their first engagement (funnel stages count contacts, not calls). */
  called: number;
  connected: number;
  interested: number;
  meetings: number;
  won: number;
}

/** What a funnel needs to know beyond the contacts: their scores, their calls and the rules. */
export interface FunnelContext {
  scored: ReadonlyMap<string, Pick<ScoredContact, 'tier'>>;
  histories: ReadonlyMap<string, CallHistory>;
  leadTiers: readonly Tier[];
  rules: FunnelRules;
}

/**
 * Counts the funnel of contacts touched at known times: calls before a contact's first touch are not
 * follow-ups of it and are not counted.
 *
 * @example
 * countFunnel(new Map([['ann@farm.com', 0]]), ctx).engaged //=> 1
 */
export function countFunnel(touched: { readonly size: number } & Iterable<readonly [string, number]>, ctx: FunnelContext): FunnelCounts {
  const out: FunnelCounts = {
    engaged: touched.size,
    leadsByTier: Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>,
    leads: 0,
    leadsCalled: 0,
    called: 0,
    connected: 0,
    interested: 0,
    meetings: 0,
    won: 0,
  };
  for (const [contact, since] of touched) {
    const sc = ctx.scored.get(contact);
    const lead = sc !== undefined && ctx.leadTiers.includes(sc.tier);
    if (sc) out.leadsByTier[sc.tier] += 1;
    if (lead) out.leads += 1;
    const calls = ctx.histories.get(contact)?.calls;
    if (calls === undefined || calls.length === 0) continue; // no call, no stage past engaged (most contacts)
    const stages = reachedStages(calls, since, ctx.rules);
    if (stages.has('called')) {
      out.called += 1;
      if (lead) out.leadsCalled += 1;
    }
    if (stages.has('connected')) out.connected += 1;
    if (stages.has('interested')) out.interested += 1;
    if (stages.has('meetings')) out.meetings += 1;
    if (stages.has('won')) out.won += 1;
  }
  return out;
}
