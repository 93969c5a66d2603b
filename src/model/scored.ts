import type { Contact } from './contact.js';

/** Engagement tiers, hottest first (Act!/Swiftpage call lists). */
export const TIERS = ['hot', 'warm', 'mild', 'cold'] as const;
export type Tier = (typeof TIERS)[number];

/** Fit grades from contact attributes, best first. */
export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

/** One line of a contact's points ledger: why the score moved, and by how much. */
export interface ScoreReason {
  /** Points after decay, rounded for display (the ledger sums to `engagement` before the floor). */
  points: number;
  /** A sentence a rep reads before calling: "Clicked the pricing link in 'Spring tractor promo' 2 days ago (+2.6)". */
  text: string;
  /** Machine-readable kind, e.g. `click`, `open`, `unsubscribe`, `fit`, `cap`. */
  kind: string;
  /** When the event happened (epoch ms), for event reasons. */
  at?: number;
  campaign?: string;
  url?: string;
  topics?: string[];
}

/** A topic the contact showed interest in, weighted and decayed like the score. */
export interface Interest {
  topic: string;
  weight: number;
}

/** Flags later stages honour: a complaint or do-not-call means never call. */
export interface ContactFlags {
  optedOut: boolean;
  bounced: boolean;
  complained: boolean;
  doNotCall: boolean;
}

/** Human and machine event counts of one event type. */
export interface EventCounts {
  human: number;
  machine: number;
}

/** A scored contact: the output of `scoreContacts`, the input of `allocateCalls`. */
export interface ScoredContact {
  /** 1-based position in the ranking (score, then last engagement, then contact). */
  rank: number;
  /** Canonical e-mail. */
  contact: string;
  /** The ranking score: engagement plus fit points. */
  score: number;
  engagement: number;
  fit: number;
  grade: Grade;
  tier: Tier;
  /** Grade × tier label, e.g. `A1` (A fit, hot). */
  label: string;
  /** Topics, strongest first. */
  interests: Interest[];
  /** The few sentences a rep reads before calling, strongest first. */
  reasons: ScoreReason[];
  /** Events per type, human and machine. */
  counts: Record<string, EventCounts>;
  firstEngagement?: number;
  lastEngagement?: number;
  flags: ContactFlags;
  /** The CRM record, when contacts were given. */
  details?: Contact;
  /** Every counted event with its points, in time order (the ledger sums to `engagement` before floor and cap). */
  ledger?: ScoreReason[];
  /** Events classified as machine traffic (they score 0 by default). */
  machineEvents?: number;
  /** Events after `asOf`: not counted, reported. */
  futureEvents?: number;
}
