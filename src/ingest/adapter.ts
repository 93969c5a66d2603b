import type { EngagementEvent } from '../model/event.js';

/**
 * The contract every provider adapter implements. An adapter is a plain object: it scores how well a
 * sample matches its provider (`detect`), optionally opens the provider's envelopes (`unwrap`), and
 * turns ONE record into events, an ignore-by-rule, or a rejection (`normalize`). It never throws on a
 * bad record, never reads the clock, and never mutates its input. The core does the rest: reading the
 * container (CSV / JSON / NDJSON / objects), record numbering, `source`, dedupe, sorting and `meta`.
 *
 * @example
 * const result = sendgrid.normalize({ email: 'A@x.com', event: 'open', timestamp: 1513299569 }, ctx);
 * //=> { kind: 'events', events: [{ contact: 'a@x.com', type: 'open', at: 1513299569000 }] }
 */
export interface ProviderAdapter {
  /** The stable name users pass as `format` and see in `meta.format`, e.g. `sendgrid`. */
  readonly name: string;
  /** The product name for messages and the README, e.g. `SendGrid Event Webhook`. */
  readonly label: string;
  /**
   * The documented mapping of the provider's event names to canonical types (`open`, `click`, …) or to
   * `ignored:<rule>` when a record of that kind is ignored by a named rule. Used by the README table
   * and by the contract suite (every listed name must appear in the provider's fixture).
   */
  readonly eventTypes: Readonly<Record<string, string>>;
  /** How well `sample` looks like this provider's output: a score in 0..1 and the reasons a person reads. */
  detect(sample: DetectSample): Detection;
  /**
   * Opens one envelope: returns the records inside `value`, or `undefined` when `value` is not an
   * envelope of this provider (it is then a record). Called on the top-level value and again on each
   * element it returns (to a depth of 4), so SNS `{Message:"<json>"}` inside an array works.
   * Must not throw; a malformed envelope is returned as `undefined` and rejected by `normalize`.
   */
  unwrap?(value: unknown): readonly unknown[] | undefined;
  /** Turns one record into events (one record may yield several), an ignore, or a rejection. */
  normalize(record: unknown, ctx: RecordContext): RecordResult;
}

/** An event as an adapter yields it: the core adds `source` ({ format, record }). */
export type EventDraft = Omit<EngagementEvent, 'source'>;

/** The container an input came in. `objects` = already-parsed values given by the caller. */
export type ContainerKind = 'csv' | 'json' | 'ndjson' | 'objects';

/** What `detect` looks at: the start of the input, parsed. */
export interface DetectSample {
  readonly kind: ContainerKind;
  /** CSV header names exactly as written (empty for JSON inputs). */
  readonly headers: readonly string[];
  /** The top-level value: the parsed JSON document, the first NDJSON line, or the caller's value. */
  readonly root: unknown;
  /**
   * The first records (at most {@link DETECT_SAMPLE_SIZE}): elements of a top-level array, NDJSON lines,
   * CSV rows as null-prototype objects keyed by header, or `[root]` for a single object. No adapter's
   * `unwrap` has been applied: detect envelopes yourself (e.g. look inside `root.items`).
   */
  readonly records: readonly unknown[];
}

/** How many records a detection sample holds. */
export const DETECT_SAMPLE_SIZE = 20;

/** A detection verdict: `score` 0 (not this provider) .. 1 (certain), with human-readable reasons. */
export interface Detection {
  score: number;
  reasons: string[];
}

/** What `normalize` knows besides the record. */
export interface RecordContext {
  /** 1-based record number (CSV data row, array index + 1, NDJSON line number). */
  readonly record: number;
  /** The adapter name in use. */
  readonly format: string;
  /** The `timezone` option (IANA name) for local times without a zone, when given. */
  readonly timezone?: string | undefined;
  /** Adds a run-level note (the core keeps each distinct text once), e.g. an assumption that was made. */
  note(text: string): void;
}

/** The outcome of one record: events, ignored by a named rule, or rejected with a snake_case code. */
export type RecordResult =
  | { kind: 'events'; events: EventDraft[] }
  | { kind: 'ignored'; rule: string }
  | { kind: 'rejected'; code: string; message: string; field?: string };

/**
 * The outcome "these events" (one record may yield several; an empty list counts as ignored `no_events`).
 *
 * @example
 * emit({ contact: 'a@x.com', type: 'open', at: 0 }) //=> { kind: 'events', events: [...] }
 */
export function emit(...events: EventDraft[]): RecordResult {
  return events.length === 0 ? { kind: 'ignored', rule: 'no_events' } : { kind: 'events', events };
}

/**
 * The outcome "ignored by rule `rule`" (a snake_case name counted in `meta.ignored`).
 *
 * @example
 * ignore('not_sent') //=> { kind: 'ignored', rule: 'not_sent' }
 */
export function ignore(rule: string): RecordResult {
  return { kind: 'ignored', rule };
}

/**
 * The outcome "rejected": a snake_case `code`, a sentence a person understands, and the field at fault.
 *
 * @example
 * reject('missing_email', 'has no recipient address', 'email')
 */
export function reject(code: string, message: string, field?: string): RecordResult {
  return field === undefined ? { kind: 'rejected', code, message } : { kind: 'rejected', code, message, field };
}
