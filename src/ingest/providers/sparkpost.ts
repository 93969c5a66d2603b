import type { DetectSample, Detection, ProviderAdapter, RecordContext, RecordResult } from '../adapter.js';
import { emit, ignore, reject } from '../adapter.js';
import { essentials, mapEventType } from '../draft.js';
import type { Obj } from '../fields.js';
import { compact, isObj, own, pick, text } from '../fields.js';

/**
 * SparkPost event `type` values → canonical types or ignore rules. `open` (pixel at the bottom) and
 * `initial_open` (pixel at the top) can both fire for one view; both are kept as opens. A `bounce` or
 * `out_of_band` bounce takes its class from `bounce_class`; class 25 (admin: suppressed by policy) and
 * 80 (subscribe request) are not bounces of the address.
 */
const EVENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  injection: 'sent',
  delivery: 'delivered',
  open: 'open',
  initial_open: 'open',
  amp_open: 'open',
  amp_initial_open: 'open',
  click: 'click',
  amp_click: 'click',
  bounce: 'bounce',
  out_of_band: 'bounce',
  'bounce (bounce_class 25, 80)': 'ignored:suppressed',
  spam_complaint: 'complaint',
  list_unsubscribe: 'unsubscribe',
  link_unsubscribe: 'unsubscribe',
  delay: 'ignored:deferred',
  policy_rejection: 'ignored:not_sent',
  generation_failure: 'ignored:not_sent',
  generation_rejection: 'ignored:not_sent',
  'relay_*': 'ignored:relay',
  sms_status: 'ignored:sms',
  '(empty msys: webhook test POST)': 'ignored:webhook_test',
});
const LOOKUP: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries(Object.entries(EVENT_TYPES).filter(([k]) => /^[a-z_]+$/.test(k))));
/** SparkPost bounce classes: hard (10 invalid recipient, 30 no RCPT, 90 unsubscribe); the rest but 1, 25, 80 are soft or block. */
const HARD = ['10', '30', '90'];
const SOFT = ['20', '21', '22', '23', '24', '40', '50', '51', '52', '53', '54', '60', '70', '100'];
const NOT_A_BOUNCE = ['25', '80'];

/**
 * SparkPost: webhook batches (a JSON array of `{msys: {<class>: {…}}}`, classes `message_event`,
 * `track_event`, `unsubscribe_event`, `gen_event`, …), the empty `{msys: {}}` test POST (ignored), and
 * the Events API (`{results: [flat events]}`, or flat events as NDJSON). Times: unix seconds as a
 * string (webhooks) or ISO 8601 with an offset (Events API). Dedupe id: `event_id`. Recipient: `rcpt_to`
 * (else `raw_rcpt_to`). No bot flag. The inner `type` decides, never the class key.
 *
 * @example
 * parseEvents(batchBody, { format: 'sparkpost' })
 */
export const sparkpost: ProviderAdapter = {
  name: 'sparkpost',
  label: 'SparkPost webhooks and Events API',
  eventTypes: EVENT_TYPES,
  detect,
  unwrap,
  normalize,
};

function unwrap(value: unknown): readonly unknown[] | undefined {
  if (!isObj(value)) return undefined;
  if (Array.isArray(value.results) && ('total_count' in value || 'links' in value || value.results.some((r) => isObj(r) && ('msys' in r || 'event_id' in r)))) return value.results;
  if (!isObj(value.msys)) return undefined;
  const inner = Object.values(value.msys).filter(isObj);
  return inner.length > 0 ? inner : undefined; // `{msys: {}}` stays a record: normalize ignores it as a test POST
}

function isFlat(r: Obj): boolean {
  return typeof r.type === 'string' && own(LOOKUP, r.type) !== undefined && 'event_id' in r && ('rcpt_to' in r || 'raw_rcpt_to' in r);
}

function detect(sample: DetectSample): Detection {
  if (sample.kind === 'csv') return { score: 0, reasons: [] };
  const recs = sample.records.filter(isObj);
  if (recs.length === 0) return { score: 0, reasons: [] };
  const msys = recs.filter((r) => isObj(r.msys));
  if (msys.length > 0) return { score: 0.6 + 0.35 * (msys.length / recs.length), reasons: [`${msys.length} of ${recs.length} records are {msys: {<event class>: …}} (SparkPost webhook batch)`] };
  const root = sample.root;
  if (isObj(root) && Array.isArray(root.results)) {
    const inner = root.results.slice(0, 20).filter(isObj);
    const hits = inner.filter((r) => isFlat(r) || isObj(r.msys)).length;
    if (hits > 0) return { score: 0.95, reasons: [`results[] of events with type, event_id and rcpt_to (SparkPost Events API)`] };
  }
  const flat = recs.filter(isFlat);
  return flat.length > 0
    ? { score: 0.6 + 0.3 * (flat.length / recs.length), reasons: [`${flat.length} of ${recs.length} records have a SparkPost type (${String(flat[0]?.type)}), event_id and rcpt_to`] }
    : { score: 0, reasons: [] };
}

function normalize(rec: unknown, ctx: RecordContext): RecordResult {
  if (!isObj(rec)) return reject('not_an_object', 'is not a SparkPost event object');
  if (Object.prototype.hasOwnProperty.call(rec, 'msys')) {
    return isObj(rec.msys) && Object.keys(rec.msys).length === 0
      ? ignore('webhook_test')
      : reject('invalid_envelope', 'has msys but no event object inside it', 'msys');
  }
  const name = text(pick(rec, 'type'));
  if (name?.startsWith('relay_') === true) return ignore('relay');
  const mapped = mapEventType(LOOKUP, name, 'type', 'SparkPost');
  if ('kind' in mapped) return mapped;
  if ('ignored' in mapped) return ignore(mapped.ignored);
  const type = mapped.type;
  const cls = text(pick(rec, 'bounce_class'));
  if (type === 'bounce' && cls !== undefined && NOT_A_BOUNCE.includes(cls)) return ignore('suppressed');
  const base = essentials(pick(rec, 'rcpt_to', 'raw_rcpt_to'), pick(rec, 'timestamp'), ctx, { contact: 'rcpt_to', at: 'timestamp' });
  if ('kind' in base) return base;
  const engaged = type === 'open' || type === 'click' || type === 'unsubscribe';
  return emit(
    compact({
      contact: base.contact,
      type,
      at: base.at,
      campaign: text(pick(rec, 'campaign_id')),
      message: text(pick(rec, 'message_id')),
      url: type === 'click' ? text(pick(rec, 'target_link_url')) : undefined,
      id: text(pick(rec, 'event_id')),
      userAgent: engaged ? text(pick(rec, 'user_agent')) : undefined,
      ip: engaged ? text(pick(rec, 'ip_address')) : undefined,
      bounce: type !== 'bounce' || cls === undefined ? undefined : HARD.includes(cls) ? ('hard' as const) : SOFT.includes(cls) ? ('soft' as const) : undefined,
    }),
  );
}
