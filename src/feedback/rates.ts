import type { EmailStats } from './campaignStats.js';
import type { FunnelCounts } from './funnel.js';

/** The rates between the report's figures; `null` where the denominator is 0. Rounded to 4 decimals. */
export interface CampaignRates {
  /** Unique human openers ÷ delivered. */
  openRate: number | null;
  /** Unique human clickers ÷ delivered. */
  clickRate: number | null;
  /** Unique human clickers ÷ unique human openers. */
  clickToOpen: number | null;
  /** Leads ÷ delivered. */
  leadRate: number | null;
  /** Leads called ÷ leads. */
  followUpRate: number | null;
  /** Connected ÷ called. */
  connectRate: number | null;
  /** Interested ÷ connected. */
  interestRate: number | null;
  /** Meetings ÷ connected. */
  meetingRate: number | null;
  /** Won ÷ connected. */
  winRate: number | null;
}

/**
 * A ratio rounded to 4 decimals, or `null` when the denominator is 0.
 *
 * @example
 * ratio(1, 3) //=> 0.3333
 * ratio(1, 0) //=> null
 */
export function ratio(num: number, den: number): number | null {
  return den > 0 ? Math.round((num / den) * 10_000) / 10_000 : null;
}

/**
 * The rates of a campaign from its e-mail figures and its funnel.
 *
 * @example
 * campaignRates(email, funnel).openRate //=> 0.5455
 */
export function campaignRates(email: EmailStats, funnel: FunnelCounts): CampaignRates {
  return {
    openRate: ratio(email.uniqueHumanOpeners, email.delivered),
    clickRate: ratio(email.uniqueHumanClickers, email.delivered),
    clickToOpen: ratio(email.uniqueHumanClickers, email.uniqueHumanOpeners),
    leadRate: ratio(funnel.leads, email.delivered),
    followUpRate: ratio(funnel.leadsCalled, funnel.leads),
    connectRate: ratio(funnel.connected, funnel.called),
    interestRate: ratio(funnel.interested, funnel.connected),
    meetingRate: ratio(funnel.meetings, funnel.connected),
    winRate: ratio(funnel.won, funnel.connected),
  };
}
