import type { Contact } from '../model/contact.js';
import type { Disposition } from '../model/outcome.js';
import type { ContactFlags, Interest, ScoreReason, Tier } from '../model/scored.js';

/** What `allocateCalls` needs of a lead: at least `contact` and `score` (a `ScoredContact` fits). */
export interface LeadLike {
  contact: string;
  score: number;
  tier?: Tier;
  label?: string;
  interests?: readonly Interest[];
  reasons?: readonly ScoreReason[];
  lastEngagement?: number;
  flags?: Partial<ContactFlags>;
  details?: Contact;
}

/** What `allocateCalls` needs of a rep: at least `id` and `capacity` (a `Rep` fits). */
export interface RepLike {
  id: string;
  capacity: number;
  name?: string | undefined;
  email?: string | undefined;
  territories?: readonly (string | import('../model/rep.js').TerritoryRule)[] | undefined;
  expertise?: readonly string[] | undefined;
  weight?: number | undefined;
  timezone?: string | undefined;
  workingDays?: readonly number[] | undefined;
  workingHours?: { start: string; end: string } | undefined;
  outOfOffice?: readonly (string | { from: string; to: string })[] | undefined;
}

/** How well a rep matches a lead's interests. */
export type ExpertiseMatch = 'exact' | 'partial' | 'none';

/** Why this rep got this lead. */
export interface AssignmentWhy {
  /** The territory that matched (its name or a description of the rule), if the rep has territories. */
  territory?: string;
  expertise: ExpertiseMatch;
  /** The topic that matched the rep's expertise. */
  topic?: string;
  /** The rep owns the contact (CRM owner, or the rep of the last connected call). */
  owner: boolean;
  /** A callback to this rep is due today. */
  callback: boolean;
  /** One sentence. */
  text: string;
}

/** A suggested time to call, in the contact's local business hours on the list's day. */
export interface CallWindow {
  timeZone: string;
  /** Where the zone came from. */
  source: 'timezone' | 'country' | 'region';
  /** Local date and hours, e.g. `2026-11-23`, `09:00`, `17:00`. */
  date: string;
  localStart: string;
  localEnd: string;
  /** The same window as UTC ISO instants. */
  start: string;
  end: string;
}

/** The contact details a rep needs on the line. */
export interface EntryDetails {
  name?: string;
  company?: string;
  title?: string;
  phone?: string;
  timezone?: string;
  country?: string;
  region?: string;
}

/** One line of a call list. */
export interface CallEntry {
  /** 1-based position in calling order. */
  position: number;
  contact: string;
  details: EntryDetails;
  score: number;
  tier?: Tier;
  label?: string;
  /** score × fit: what the assignment maximised. */
  value: number;
  fit: number;
  why: AssignmentWhy;
  /** The scoring reasons as short sentences, strongest first. */
  reasons: string[];
  interests: string[];
  lastEngagement?: number;
  /** `callback_due`, `unsubscribed`, `bounced`, `wrong_number_before`, … */
  flags: string[];
  previousOutcome?: { disposition: Disposition; at: number; rep?: string; note?: string };
  callWindow?: CallWindow;
}

/** One rep's list. */
export interface CallList {
  rep: { id: string; name?: string; capacity: number; available: boolean };
  entries: CallEntry[];
}

/** Reason codes for a lead on no list. */
export type UnassignedReason =
  | 'suppressed'
  | 'cooldown'
  | 'below_threshold'
  | 'no_territory'
  | 'no_eligible_rep'
  | 'no_available_rep'
  | 'no_capacity';

/** A lead on no list, with why. */
export interface UnassignedLead {
  contact: string;
  score: number;
  tier?: Tier;
  reason: UnassignedReason;
  /** A finer code, e.g. `complained`, `do_not_call`, `wrong_number` for `suppressed`. */
  detail?: string;
  /** A sentence a manager can act on. */
  message: string;
}

/** Figures per rep. */
export interface RepStats {
  rep: string;
  capacity: number;
  count: number;
  value: number;
  hot: number;
  /** This rep's share of all listed hot leads (0 when none were listed). */
  hotShare: number;
  /** count / capacity (0 when capacity is 0). */
  capacityUsed: number;
}

/** Figures for the whole allocation. */
export interface AllocationStats {
  strategy: string;
  leads: number;
  assigned: number;
  unassigned: number;
  unassignedByReason: Partial<Record<UnassignedReason, number>>;
  totalValue: number;
  capacity: number;
  capacityUsed: number;
  perRep: RepStats[];
  /** Call outcomes dated after `asOf`: not yet happened for this run, so left out. */
  outcomesAfterAsOf?: number;
  /** With `fairness`: the value the unconstrained strategy would reach and what fairness cost. */
  fairness?: { unconstrainedValue: number; cost: number; hotQuota: Record<string, number> };
}

/** The output of `allocateCalls`. */
export interface Allocation {
  /** ISO instant the allocation is for. */
  asOf: string;
  lists: CallList[];
  unassigned: UnassignedLead[];
  stats: AllocationStats;
}
