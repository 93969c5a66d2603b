import type { DetectSample, Detection, ProviderAdapter, RecordContext, RecordResult } from '../adapter.js';
import { emit, ignore, reject } from '../adapter.js';
import { essentials, mapEventType } from '../draft.js';
import type { Obj } from '../fields.js';
import { compact, isObj, own, pick, text } from '../fields.js';

/**
 * Brevo (Sendinblue) webhook `event` names, transactional and marketing → canonical types or ignore
 * rules. `unique_opened` (first view) and `opened` (later views) are both opens: an older first open that
 * sent both at the same time is one event after dedupe. Proxy opens (Apple MPP) are machine opens.
 */
const EVENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  request: 'sent',
  delivered: 'delivered',
  unique_opened: 'open',
  opened: 'open',
  proxy_open: 'open',
  unique_proxy_open: 'open',
  click: 'click',
  hard_bounce: 'bounce',
  soft_bounce: 'bounce',
  spam: 'complaint',
  complaint: 'complaint',
  unsubscribed: 'unsubscribe',
  unsubscribe: 'unsubscribe',
  deferred: 'ignored:deferred',
  blocked: 'ignored:not_sent',
  invalid_email: 'ignored:not_sent',
  error: 'ignored:not_sent',
  list_addition: 'ignored:contact_event',
  contact_updated: 'ignored:contact_event',
  contact_deleted: 'ignored:contact_event',
});
const PROXY = ['proxy_open', 'unique_proxy_open'];
const KEYS = ['message-id', 'ts_epoch', 'ts_event', 'sending_ip', 'camp_id', 'campaign name', 'date_event', 'ts_sent', 'X-Mailin-custom'];

/**
 * Brevo transactional and marketing webhooks: one object per POST, or an array per POST for batched
 * webhooks (a dump as JSON array or NDJSON works too). Time: `ts_epoch` (UTC ms) when present;
 * otherwise the local `date` / `date_event` (no zone: read in the `timezone` option, the account's zone,
 * with a run note; read as UTC with a note when no timezone is given). No event id: dedupe is by
 * content. Machine opens: `proxy_open` and `unique_proxy_open`. Bounces: `hard_bounce` / `soft_bounce`.
 *
 * @example
 * parseEvents(body, { format: 'brevo', timezone: 'Europe/Paris' })
 */
export const brevo: ProviderAdapter = {
  name: 'brevo',
  label: 'Brevo (Sendinblue) webhooks',
  eventTypes: EVENT_TYPES,
  detect,
  normalize,
};

function detect(sample: DetectSample): Detection {
  if (sample.kind === 'csv') return { score: 0, reasons: [] };
  const recs = sample.records.filter(isObj);
  if (recs.length === 0) return { score: 0, reasons: [] };
  const hits = recs.filter((r) => typeof r.event === 'string' && own(EVENT_TYPES, r.event) !== undefined && 'email' in r && KEYS.some((k) => Object.prototype.hasOwnProperty.call(r, k)));
  if (hits.length === 0) return { score: 0, reasons: [] };
  const seen = KEYS.filter((k) => hits.some((r) => Object.prototype.hasOwnProperty.call(r, k)));
  return { score: 0.6 + 0.35 * (hits.length / recs.length), reasons: [`${hits.length} of ${recs.length} records have email, a Brevo event name (${String(hits[0]?.event)}) and ${seen.slice(0, 3).join(', ')}`] };
}

function normalize(rec: unknown, ctx: RecordContext): RecordResult {
  if (!isObj(rec)) return reject('not_an_object', 'is not a Brevo webhook object');
  const name = text(pick(rec, 'event'));
  const mapped = mapEventType(EVENT_TYPES, name, 'event', 'Brevo');
  if ('kind' in mapped) return mapped;
  if ('ignored' in mapped) return ignore(mapped.ignored);
  const time = timeOf(rec, ctx);
  const base = essentials(pick(rec, 'email'), time.value, ctx, { contact: 'email', at: time.field });
  if ('kind' in base) return base;
  const type = mapped.type;
  const proxy = PROXY.includes(name ?? '');
  const engaged = type === 'open' || type === 'click' || type === 'unsubscribe';
  return emit(
    compact({
      contact: base.contact,
      type,
      at: base.at,
      campaign: campaignOf(rec),
      message: text(pick(rec, 'message-id', 'message_id'))?.replace(/^<|>$/g, ''),
      url: type === 'click' ? text(pick(rec, 'link', 'URL', 'url')) : undefined,
      userAgent: engaged ? text(pick(rec, 'user_agent')) : undefined,
      machine: proxy ? true : undefined,
      machineReason: proxy ? 'provider_flag' : undefined,
      bounce: name === 'hard_bounce' ? ('hard' as const) : name === 'soft_bounce' ? ('soft' as const) : undefined,
    }),
  );
}

/**
 * The record's time: `ts_epoch` (UTC); else the local `date_event` / `date` (needs `timezone`); else
 * `ts_event` / `ts` (documented as UTC seconds, but observed in the account's zone), with a note.
 */
function timeOf(rec: Obj, ctx: RecordContext): { field: string; value: unknown } {
  const epoch = pick(rec, 'ts_epoch');
  if (epoch !== undefined) return { field: 'ts_epoch', value: epoch };
  const local = pick(rec, 'date_event', 'date');
  if (local !== undefined) {
    if (ctx.timezone === undefined) ctx.note('Brevo records without ts_epoch carry only a local date (the account\'s time zone); pass the timezone option to read it correctly');
    return { field: pick(rec, 'date_event') !== undefined ? 'date_event' : 'date', value: local };
  }
  const seconds = pick(rec, 'ts_event', 'ts');
  if (seconds !== undefined) ctx.note('Brevo records without ts_epoch or date were timed by ts_event, which Brevo documents as UTC but some accounts send in local time');
  return { field: pick(rec, 'ts_event') !== undefined ? 'ts_event' : 'ts', value: seconds };
}

/** Marketing `campaign name` (or `camp_id`), else the transactional `tags` (array) or a plain `tag`. */
function campaignOf(rec: Obj): string | undefined {
  const named = text(pick(rec, 'campaign name', 'camp_id'));
  if (named !== undefined) return named;
  const tags = pick(rec, 'tags', 'tag');
  if (Array.isArray(tags)) return tags.map(text).filter((t): t is string => t !== undefined).join(', ') || undefined;
  const tag = text(tags);
  if (tag === undefined || !tag.startsWith('[')) return tag;
  try {
    const parsed: unknown = JSON.parse(tag);
    return Array.isArray(parsed) ? parsed.map(text).filter((t): t is string => t !== undefined).join(', ') || undefined : tag;
  } catch {
    return tag;
  }
}
