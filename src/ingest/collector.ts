import type { ContainerKind, EventDraft, ProviderAdapter, RecordContext, RecordResult } from './adapter.js';
import { Unparsable } from './container.js';
import type { EngagementEvent } from '../model/event.js';
import type { FormatDetection, IngestResult, Rejection } from './result.js';
import { compareContent, compareEvents } from './result.js';

/** Options of {@link createCollector}. */
export interface CollectorOptions {
  container: ContainerKind;
  timezone?: string | undefined;
  detection?: FormatDetection | undefined;
  /**
   * Receives each event as soon as it is read, instead of keeping it in `events` (bounded memory for
   * streams). Dedupe then keeps the first of duplicates, and events come in input order.
   */
  onEvent?: ((event: EngagementEvent) => void) | undefined;
  /**
   * Drop duplicates (by provider event id, else identical contact, type, time, message and URL).
   * Turning it off with `onEvent` makes memory constant: no key is kept per event. @default true
   */
  dedupe?: boolean | undefined;
}

/** An ingest run fed one top-level item at a time; `finish` returns the result. */
export interface Collector {
  add(item: unknown): void;
  /** Records read so far. */
  readonly records: number;
  finish(): IngestResult;
}

const MAX_DEPTH = 4;

/**
 * Starts an ingest run with `adapter`: every item added is split (arrays, the adapter's envelopes),
 * each record normalised, its events deduped; rejections and ignores are counted. Never throws on data.
 *
 * @example
 * const c = createCollector(sendgrid, { container: 'json' });
 * c.add(JSON.parse(body));
 * const { events, rejected, meta } = c.finish();
 */
export function createCollector(adapter: ProviderAdapter, options: CollectorOptions): Collector {
  const events: EngagementEvent[] = [];
  const rejected: Rejection[] = [];
  const ignored = new Map<string, number>();
  const notes = new Set<string>();
  const seen = new Map<string, number>();
  let records = 0;
  let duplicates = 0;
  let withEvents = 0;
  let allDuplicates = 0;
  let emitted = 0;
  const note = (t: string): void => void notes.add(t);

  function record(value: unknown): void {
    records += 1;
    const n = records;
    if (value instanceof Unparsable) {
      rejected.push({ record: n, code: value.code, message: value.message, raw: value.raw });
      return;
    }
    const ctx: RecordContext = { record: n, format: adapter.name, timezone: options.timezone, note };
    const result = safeNormalize(adapter, value, ctx);
    if (result.kind === 'rejected') {
      const field = result.field === undefined ? {} : { field: result.field };
      rejected.push({ record: n, code: result.code, message: result.message, ...field, raw: value });
    } else if (result.kind === 'ignored') {
      ignored.set(result.rule, (ignored.get(result.rule) ?? 0) + 1);
    } else {
      let kept = 0;
      for (const draft of result.events) if (keep(draft, n)) kept += 1;
      if (kept > 0) withEvents += 1;
      else allDuplicates += 1;
    }
  }

  function keep(draft: EventDraft, n: number): boolean {
    const event: EngagementEvent = { ...draft, source: { format: adapter.name, record: n } };
    if (options.dedupe === false) {
      emitted += 1;
      if (options.onEvent !== undefined) options.onEvent(event);
      else events.push(event);
      return true;
    }
    const key = dedupeKey(event);
    const prior = seen.get(key);
    if (prior !== undefined) {
      duplicates += 1;
      // Keep the lesser of the two so the result does not depend on input order.
      const kept = events[prior];
      if (options.onEvent === undefined && kept !== undefined && compareContent(event, kept) < 0) events[prior] = event;
      return false;
    }
    if (options.onEvent !== undefined) {
      seen.set(key, -1);
      options.onEvent(event);
    } else {
      seen.set(key, events.length);
      events.push(event);
    }
    return true;
  }

  function expand(value: unknown, depth: number): void {
    if (depth < MAX_DEPTH) {
      if (Array.isArray(value)) {
        for (const v of value) expand(v, depth + 1);
        return;
      }
      const inner = safeUnwrap(adapter, value);
      if (inner !== undefined) {
        for (const v of inner) expand(v, depth + 1);
        return;
      }
    }
    record(value);
  }

  return {
    add: (item) => expand(item, 0),
    get records() {
      return records;
    },
    finish(): IngestResult {
      events.sort(compareEvents);
      const ignoredOut: Record<string, number> = {};
      for (const [rule, count] of [...ignored].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) ignoredOut[rule] = count;
      const meta: IngestResult['meta'] = {
        format: adapter.name,
        container: options.container,
        records,
        events: options.onEvent === undefined ? events.length : seen.size + emitted,
        duplicates,
        rejected: rejected.length,
        ignored: ignoredOut,
        recordsWithEvents: withEvents,
        recordsAllDuplicates: allDuplicates,
        notes: [...notes].sort(),
      };
      if (options.detection !== undefined) meta.detection = options.detection;
      return { events, rejected, meta };
    },
  };
}

/**
 * The dedupe key: the provider event id when there is one, else (contact, type, at, message, url),
 * hashed to a short fresh string (two 53-bit cyrb53 hashes, so a collision is practically impossible)
 * so a long run keeps ~25 bytes per event and no slice of the input alive.
 *
 * @example
 * dedupeKey({ id: 'abc', … }) === dedupeKey({ id: 'abc', … }) //=> true
 */
export function dedupeKey(e: EventDraft): string {
  const full = e.id !== undefined ? `id\u0000${e.id}` : `ev\u0000${e.contact}\u0000${e.type}\u0000${e.at}\u0000${e.message ?? ''}\u0000${e.url ?? ''}`;
  return `${cyrb53(full, 0).toString(36)}:${cyrb53(full, 0x9e3779b9).toString(36)}`;
}

/** cyrb53 (public domain, bryc): a fast 53-bit string hash. */
function cyrb53(str: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** `adapter.normalize`, with a throw turned into an `unreadable_record` rejection. */
export function safeNormalize(adapter: ProviderAdapter, value: unknown, ctx: RecordContext): RecordResult {
  try {
    return adapter.normalize(value, ctx);
  } catch (error) {
    const why = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
    return { kind: 'rejected', code: 'unreadable_record', message: `could not be read by the ${adapter.name} adapter (${why})` };
  }
}

function safeUnwrap(adapter: ProviderAdapter, value: unknown): readonly unknown[] | undefined {
  if (adapter.unwrap === undefined) return undefined;
  try {
    const inner = adapter.unwrap(value);
    return Array.isArray(inner) ? inner : undefined;
  } catch {
    return undefined;
  }
}
