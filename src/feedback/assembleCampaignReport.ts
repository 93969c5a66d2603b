import type { EngagementEvent } from '../model/event.js';
import type { ScoredContact, Tier } from '../model/scored.js';
import type { CallHistory, FunnelRules } from './callHistory.js';
import { accumulateCampaigns, emailStats, FirstTouch, sumEmailStats } from './campaignStats.js';
import type { CampaignAccumulator, EmailStats, HumanMachine } from './campaignStats.js';
import { countFunnel } from './funnel.js';
import type { FunnelContext, FunnelCounts } from './funnel.js';
import { campaignRates } from './rates.js';
import type { CampaignRates } from './rates.js';
import { repFollowUp } from './repFollowUp.js';
import type { RepFollowUp } from './repFollowUp.js';

/** One link of a campaign: its clicks and how far its human clickers got. */
export interface LinkReport {
  /** The link without `#fragment` and `utm_*` parameters. */
  url: string;
  /** Topics the scoring model gives the link (none for footer and careers links). */
  topics: string[];
  clicks: HumanMachine;
  uniqueHumanClickers: number;
  /** The funnel of the link's human clickers, from their first click on it. */
  funnel: FunnelCounts;
}

/** One topic within a campaign (or across all): the links that carry it, added up. */
export interface TopicReport {
  topic: string;
  clicks: HumanMachine;
  uniqueHumanClickers: number;
  funnel: FunnelCounts;
}

/** Everything marketing needs to know about one campaign. */
export interface CampaignReportRow {
  /** `null` groups events that named no campaign. */
  campaign: string | null;
  /** Message ids seen in the campaign's events, sorted. */
  messages: string[];
  /** Epoch ms of the campaign's first event. */
  firstEventAt: number;
  email: EmailStats;
  funnel: FunnelCounts;
  rates: CampaignRates;
  /** Most human clickers first, then URL. */
  links: LinkReport[];
  /** Most human clickers first, then topic. */
  topics: TopicReport[];
}

/** What the report left out or could not attribute, so nothing is silent. */
export interface CampaignReportNotes {
  eventsAfterAsOf: number;
  outcomesAfterAsOf: number;
  /** Events counted that were classified as machine traffic. */
  machineEvents: number;
  /** Engaged contacts without a scored record (not in `leadsByTier`). */
  unscoredEngaged: number;
}

/** The campaign report: per campaign, per link and topic, per rep, and in total. */
export interface CampaignReport {
  asOf: number;
  /** Tiers counted as leads. */
  leadTiers: Tier[];
  /** In order of their first event, then name; the no-campaign group last. */
  campaigns: CampaignReportRow[];
  /** E-mail figures add up over campaigns; the funnel counts each engaged contact once, from their first engagement. */
  totals: { email: EmailStats; funnel: FunnelCounts; rates: CampaignRates };
  /** Topics across all campaigns. */
  topics: TopicReport[];
  reps: RepFollowUp[];
  notes: CampaignReportNotes;
}

/** Inputs of {@link assembleCampaignReport}, already resolved by `buildCampaignReport`. */
export interface CampaignReportParts {
  asOf: number;
  /** Events at or before `asOf`, with `machine` classified; read once, so they may be produced one at a time. */
  events: Iterable<EngagementEvent>;
  eventsAfterAsOf: number;
  outcomesAfterAsOf: number;
  /** Per contact, its scored tier (a `ScoredContact` or any object with the tier). */
  scored: ReadonlyMap<string, Pick<ScoredContact, 'tier'>>;
  histories: ReadonlyMap<string, CallHistory>;
  topicsOf: (url: string) => string[];
  leadTiers: readonly Tier[];
  rules: FunnelRules;
  /** Contacts on each rep's call list, when an allocation was given. */
  assigned?: ReadonlyMap<string, ReadonlySet<string>>;
  /** When the allocation was made (epoch ms): calls before it are not follow-ups of the lists. */
  assignedSince?: number;
}

/**
 * Assembles the report from classified events, scores and call histories. Pure and order-independent.
 *
 * @example
 * assembleCampaignReport(parts).campaigns[0]?.rates.openRate //=> 0.5455
 */
export function assembleCampaignReport(parts: CampaignReportParts): CampaignReport {
  const ctx: FunnelContext = { scored: parts.scored, histories: parts.histories, leadTiers: parts.leadTiers, rules: parts.rules };
  const accs = [...accumulateCampaigns(parts.events).values()].sort(compareCampaigns);
  const campaigns = accs.map((acc) => campaignRow(acc, ctx, parts.topicsOf));
  const allEngaged = accs[0]?.engaged.empty() ?? new FirstTouch([]);
  for (const acc of accs) allEngaged.addAll(acc.engaged);
  const email = sumEmailStats(campaigns.map((c) => c.email));
  const funnel = countFunnel(allEngaged, ctx);
  return {
    asOf: parts.asOf,
    leadTiers: [...parts.leadTiers],
    campaigns,
    totals: { email, funnel, rates: campaignRates(email, funnel) },
    topics: topicReports(accs.flatMap((a) => [...a.links.values()]), ctx, parts.topicsOf),
    reps: repFollowUp(parts.histories, parts.rules, parts.assigned, parts.assignedSince),
    notes: {
      eventsAfterAsOf: parts.eventsAfterAsOf,
      outcomesAfterAsOf: parts.outcomesAfterAsOf,
      // Every machine event is counted under its reason in its campaign.
      machineEvents: accs.reduce((n, acc) => n + [...acc.machineReasons.values()].reduce((a, b) => a + b, 0), 0),
      unscoredEngaged: [...allEngaged].filter(([c]) => !parts.scored.has(c)).length,
    },
  };
}

function campaignRow(acc: CampaignAccumulator, ctx: FunnelContext, topicsOf: (url: string) => string[]): CampaignReportRow {
  const email = emailStats(acc);
  const funnel = countFunnel(acc.engaged, ctx);
  const links = [...acc.links.values()]
    .map((l): LinkReport => ({
      url: l.url,
      topics: topicsOf(l.url),
      clicks: { ...l.clicks },
      uniqueHumanClickers: l.clickers.size,
      funnel: countFunnel(l.clickers, ctx),
    }))
    .sort((a, b) => b.uniqueHumanClickers - a.uniqueHumanClickers || cmp(a.url, b.url));
  return {
    campaign: acc.campaign,
    messages: [...acc.messages].sort(),
    firstEventAt: acc.firstAt,
    email,
    funnel,
    rates: campaignRates(email, funnel),
    links,
    topics: topicReports([...acc.links.values()], ctx, topicsOf),
  };
}

function topicReports(
  links: readonly { url: string; clicks: HumanMachine; clickers: FirstTouch }[],
  ctx: FunnelContext,
  topicsOf: (url: string) => string[],
): TopicReport[] {
  const byTopic = new Map<string, { clicks: HumanMachine; clickers: FirstTouch }>();
  for (const l of links) {
    for (const topic of topicsOf(l.url)) {
      const t = byTopic.get(topic) ?? { clicks: { human: 0, machine: 0 }, clickers: l.clickers.empty() };
      t.clicks.human += l.clicks.human;
      t.clicks.machine += l.clicks.machine;
      t.clickers.addAll(l.clickers);
      byTopic.set(topic, t);
    }
  }
  return [...byTopic.entries()]
    .map(([topic, t]): TopicReport => ({
      topic,
      clicks: t.clicks,
      uniqueHumanClickers: t.clickers.size,
      funnel: countFunnel(t.clickers, ctx),
    }))
    .sort((a, b) => b.uniqueHumanClickers - a.uniqueHumanClickers || cmp(a.topic, b.topic));
}

function compareCampaigns(a: CampaignAccumulator, b: CampaignAccumulator): number {
  if ((a.campaign === null) !== (b.campaign === null)) return a.campaign === null ? 1 : -1;
  return a.firstAt - b.firstAt || cmp(a.campaign ?? '', b.campaign ?? '');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
