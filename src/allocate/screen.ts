import type { Contact } from '../model/contact.js';
import { TIERS } from '../model/scored.js';
import type { OutcomeSummary } from '../feedback/outcomes.js';
import type { LeadLike, UnassignedReason } from './types.js';

/** Why a lead does not enter the lists, before any rep is considered. */
export interface ScreenResult {
  reason: UnassignedReason;
  detail?: string;
  message: string;
}

const DAY_MS = 86_400_000;

/**
 * Screens one lead: do-not-call, complaints and wrong numbers are suppressed; a lead below `minTier`
 * or `minScore` is `below_threshold`; a lead called within the cooldown is skipped unless it engaged
 * again since. A callback that is due passes the threshold and the cooldown (it was promised).
 * Returns undefined when the lead qualifies.
 *
 * @example
 * screenLead({ contact: 'a@b.com', score: 0 }, undefined, undefined, false, { asOf: 0, minScore: 0, cooldownDays: 7 })
 * //=> { reason: 'below_threshold', message: 'Score 0 is not above the minimum 0.' }
 */
export function screenLead(
  lead: LeadLike,
  details: Contact | undefined,
  summary: OutcomeSummary | undefined,
  callbackDue: boolean,
  o: { asOf: number; minScore: number; minTier?: LeadLike['tier']; cooldownDays: number },
): ScreenResult | undefined {
  if (lead.flags?.complained) return { reason: 'suppressed', detail: 'complained', message: 'Marked our e-mail as spam: never call.' };
  if (lead.flags?.doNotCall || details?.doNotCall || summary?.doNotCall) {
    return { reason: 'suppressed', detail: 'do_not_call', message: 'Do not call (CRM record or a past call).' };
  }
  if (summary?.wrongNumber) return { reason: 'suppressed', detail: 'wrong_number', message: 'The last call reached a wrong number: fix the phone number first.' };
  if (!callbackDue) {
    if (lead.tier === undefined) {
      if (!(lead.score > o.minScore)) return { reason: 'below_threshold', message: `Score ${lead.score} is not above the minimum ${o.minScore}.` };
    } else {
      if (o.minTier !== undefined && TIERS.indexOf(lead.tier) > TIERS.indexOf(o.minTier)) {
        return { reason: 'below_threshold', detail: 'tier', message: `Tier ${lead.tier} is below the minimum tier ${o.minTier}.` };
      }
      if (lead.score < o.minScore) return { reason: 'below_threshold', message: `Score ${lead.score} is below the minimum ${o.minScore}.` };
      if (lead.score <= 0) return { reason: 'below_threshold', message: `Score ${lead.score} is not above 0: nothing to call about.` };
    }
    if (summary !== undefined && summary.lastCalledAt > o.asOf - o.cooldownDays * DAY_MS && summary.lastCalledAt <= o.asOf) {
      const engagedSince = lead.lastEngagement !== undefined && lead.lastEngagement > summary.lastCalledAt;
      if (!engagedSince) {
        const days = Math.max(0, Math.floor((o.asOf - summary.lastCalledAt) / DAY_MS));
        return { reason: 'cooldown', message: `Called ${days === 0 ? 'today' : `${days} day${days === 1 ? '' : 's'} ago`} (${summary.last.disposition}) and not engaged since; cooldown is ${o.cooldownDays} days.` };
      }
    }
  }
  return undefined;
}
