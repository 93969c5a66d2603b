import type { ContainerKind } from './adapter.js';
import type { EngagementEvent } from '../model/event.js';

/** A record that could not become an event: which record, why (snake_case code and a sentence), and the raw input. */
export interface Rejection {
  /** 1-based record number (CSV data row, array element, NDJSON line, or record inside an envelope). */
  record: number;
  code: string;
  message: string;
  /** The field at fault, when one is. */
  field?: string;
  raw: unknown;
}

/** How the format was chosen: the winner and every candidate's score and reasons. */
export interface FormatDetection {
  format: string;
  score: number;
  reasons: string[];
  candidates: { format: string; score: number; reasons: string[] }[];
}

/**
 * Accounts for every input record: `records = recordsWithEvents + recordsAllDuplicates + rejected + Σ ignored`.
 * `events + duplicates` is the number of events the records yielded.
 */
export interface IngestMeta {
  /** The adapter used (`sendgrid`, `mailchimp`, `generic`, …). */
  format: string;
  container: ContainerKind;
  records: number;
  events: number;
  /** Events dropped as duplicates (same provider event id, or same contact, type, time, message and URL). */
  duplicates: number;
  rejected: number;
  /** Records ignored, by rule name (e.g. `not_sent: 4`). */
  ignored: Record<string, number>;
  recordsWithEvents: number;
  recordsAllDuplicates: number;
  /** Assumptions the reader made, each once, e.g. "times had no zone; read as UTC because no timezone was given". */
  notes: string[];
  /** Present when `format: 'auto'` chose the adapter. */
  detection?: FormatDetection;
}

/** The result of reading events: `{ events, rejected, meta }`. */
export interface IngestResult {
  events: EngagementEvent[];
  rejected: Rejection[];
  meta: IngestMeta;
}

/**
 * Orders events by time, contact, type, then every other field, then source record, so results do not
 * depend on input order.
 *
 * @example
 * events.sort(compareEvents)
 */
export function compareEvents(a: EngagementEvent, b: EngagementEvent): number {
  return compareContent(a, b) || a.source.record - b.source.record;
}

/**
 * {@link compareEvents} without the source: 0 when two events say the same thing.
 *
 * @example
 * compareContent(e, { ...e, source: other }) //=> 0
 */
export function compareContent(a: EngagementEvent, b: EngagementEvent): number {
  return (
    a.at - b.at ||
    cmp(a.contact, b.contact) ||
    cmp(a.type, b.type) ||
    cmp(a.id, b.id) ||
    cmp(a.url, b.url) ||
    cmp(a.message, b.message) ||
    cmp(a.campaign, b.campaign) ||
    cmp(a.userAgent, b.userAgent) ||
    cmp(a.ip, b.ip) ||
    cmp(a.bounce, b.bounce) ||
    cmp(a.machineReason, b.machineReason) ||
    cmp(a.machine === undefined ? undefined : String(a.machine), b.machine === undefined ? undefined : String(b.machine))
  );
}

function cmp(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}
