import type { Contact, ContactInput } from '../model/contact.js';
import { LeadrankError } from '../model/errors.js';
import type { EngagementEvent } from '../model/event.js';
import type { CallOutcome, CallOutcomeInput } from '../model/outcome.js';
import { TIERS } from '../model/scored.js';
import type { ScoredContact, Tier } from '../model/scored.js';
import { toEpochMs } from '../model/time.js';
import type { TimeInput } from '../model/time.js';
import { classifyMachineEvents } from '../score/classifyMachineEvents.js';
import { compileLinkRules } from '../score/links.js';
import { resolveScoringModel } from '../score/resolve.js';
import type { ScoringModel, ScoringModelInput } from '../score/schema.js';
import { scoreContacts } from '../score/scoreContacts.js';
import { assembleCampaignReport } from './assembleCampaignReport.js';
import type { CampaignReport, CampaignReportParts } from './assembleCampaignReport.js';
import type { FunnelRules } from './callHistory.js';
import { callHistories } from './callHistory.js';
import { FEEDBACK_DEFAULTS } from './defaults.js';

export { assembleCampaignReport } from './assembleCampaignReport.js';
export type { CampaignReport, CampaignReportNotes, CampaignReportParts, CampaignReportRow, LinkReport, TopicReport } from './assembleCampaignReport.js';

/** What the report needs of an allocation: each rep's list of contacts (an `Allocation` fits). */
export interface AllocationLike {
  /** When the lists were made: calls before it do not count as following them up. */
  asOf?: TimeInput;
  lists: readonly { rep: { id: string }; entries: readonly { contact: string }[] }[];
}

/** Options of {@link buildCampaignReport}. */
export interface CampaignReportOptions extends FunnelRules {
  /** The moment the report is for: events and outcomes after it are left out (and counted). */
  asOf: TimeInput;
  /** The scoring model: its machine rules classify events, its link rules give topics. @default the default model */
  model?: ScoringModelInput | ScoringModel;
  /** Scored contacts for tiers; scored here from `events` (with `contacts`) when left out. */
  scored?: readonly ScoredContact[];
  /** CRM records, used when the report scores the events itself. */
  contacts?: readonly (ContactInput | Contact)[];
  /** Call outcomes so far. */
  outcomes?: readonly (CallOutcomeInput | CallOutcome)[];
  /** The allocation the calls followed, for assigned-versus-called per rep. */
  allocation?: AllocationLike;
  /** Tiers that count as leads. @default ["hot","warm"] */
  leadTiers?: readonly Tier[];
}

/**
 * The campaign report for marketing: per campaign and per link and topic, the e-mail figures (delivered,
 * unique human opens, machine opens filtered, clicks, bounces, unsubscribes, complaints), the leads
 * produced per tier, what sales made of them (called, connected, interested, meetings, won), the rates
 * between them, and per-rep follow-up. Machine traffic is classified by the scoring model's own rules.
 * Pure: the same inputs in any order give the same report.
 *
 * @param events - normalised engagement events (any order)
 * @param options - `asOf` (required), `model`, `scored` or `contacts`, `outcomes`, `allocation`
 * @returns the report; render it with `renderCampaignReportMarkdown`, `…Csv` or `…Json`
 * @example
 * const report = buildCampaignReport(events, { asOf: '2026-11-23T12:00:00Z', outcomes });
 * report.campaigns[0]?.rates //=> { openRate: 0.5455, clickRate: 0.4091, clickToOpen: 0.75, … }
 */
export function buildCampaignReport(events: readonly EngagementEvent[], options: CampaignReportOptions): CampaignReport {
  if (!Array.isArray(events)) {
    throw new LeadrankError([{ code: 'invalid_type', field: 'events', message: 'must be an array of engagement events' }]);
  }
  const { model, parts } = campaignReportContext(options);
  const inWindow = events.filter((e) => e.at <= parts.asOf);
  const scored = options.scored ?? scoreContacts(inWindow, { asOf: parts.asOf, model, ...(options.contacts === undefined ? {} : { contacts: options.contacts }) });
  return assembleCampaignReport({
    ...parts,
    events: classifyMachineEvents(inWindow, { model }),
    eventsAfterAsOf: events.length - inWindow.length,
    scored: new Map(scored.map((s) => [s.contact, s])),
  });
}

/**
 * @internal What a campaign report takes from its options (see {@link buildCampaignReport}): the
 * resolved model, and the parts of {@link assembleCampaignReport} other than the events and scores.
 * For callers that classify and score the events their own way (a columnar read does it per
 * contact, and streams the events).
 */
export function campaignReportContext(options: CampaignReportOptions): { model: ScoringModel; parts: Omit<CampaignReportParts, 'events' | 'eventsAfterAsOf' | 'scored'> } {
  const asOf = toEpochMs(options.asOf);
  const model = resolveScoringModel(options.model);
  const leadTiers = options.leadTiers ?? FEEDBACK_DEFAULTS.leadTiers;
  const badTier = leadTiers.find((t) => !TIERS.includes(t));
  if (badTier !== undefined) {
    throw new LeadrankError([{ code: 'invalid_value', field: 'leadTiers', message: `must be tiers out of ${TIERS.join(', ')} (got ${JSON.stringify(badTier)})` }]);
  }
  const rules: FunnelRules = {};
  for (const k of ['reachedDispositions', 'interestedDispositions', 'interestedMinInterest', 'meetingDispositions', 'unansweredDispositions'] as const) {
    if (options[k] !== undefined) Object.assign(rules, { [k]: options[k] });
  }
  const { byContact, afterAsOf } = callHistories(options.outcomes ?? [], asOf, rules);
  const links = compileLinkRules(model);
  let assigned: Map<string, Set<string>> | undefined;
  if (options.allocation) {
    assigned = new Map();
    for (const list of options.allocation.lists) {
      const set = assigned.get(list.rep.id) ?? new Set<string>();
      for (const e of list.entries) set.add(e.contact);
      assigned.set(list.rep.id, set);
    }
  }
  const parts = {
    asOf,
    outcomesAfterAsOf: afterAsOf,
    histories: byContact,
    topicsOf: (url: string) => [...links.link(url).topics],
    leadTiers,
    rules,
    ...(assigned === undefined ? {} : { assigned }),
    ...(options.allocation?.asOf === undefined ? {} : { assignedSince: toEpochMs(options.allocation.asOf, 'allocation.asOf') }),
  };
  return { model, parts };
}
