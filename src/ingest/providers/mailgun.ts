import type { DetectSample, Detection, ProviderAdapter, RecordContext, RecordResult } from '../adapter.js';
import { emit, ignore, reject } from '../adapter.js';
import { essentials, mapEventType } from '../draft.js';
import type { Obj } from '../fields.js';
import { at, compact, isObj, pick, text } from '../fields.js';

/**
 * Mailgun event names → canonical types. `failed` is a bounce only when `severity` is `permanent`; a
 * temporary failure is a deferral Mailgun retries, and `suppress-*` reasons mean "not sent".
 */
const EVENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  accepted: 'sent',
  delivered: 'delivered',
  opened: 'open',
  clicked: 'click',
  failed: 'bounce',
  'failed (severity temporary)': 'ignored:deferred',
  'failed (reason suppress-*)': 'ignored:suppressed',
  unsubscribed: 'unsubscribe',
  complained: 'complaint',
  rejected: 'ignored:not_sent',
  stored: 'ignored:stored',
});
const LOOKUP: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries(Object.entries(EVENT_TYPES).filter(([k]) => !k.includes(' '))));
const PAST_TENSE = ['opened', 'clicked', 'failed', 'complained', 'unsubscribed', 'delivered', 'accepted'];

/**
 * Mailgun: the Events API (`{items, paging}`), webhooks (`{signature, event-data}` per POST, or a dump of
 * them as a JSON array / NDJSON), and bare event objects. Dedupe id: `id` (unique per day) with the
 * timestamp. Machine opens and clicks: `client-info.bot` (`apple`, `gmail`, `generic`).
 *
 * @example
 * parseEvents(webhookBody, { format: 'mailgun' })
 */
export const mailgun: ProviderAdapter = {
  name: 'mailgun',
  label: 'Mailgun events API and webhooks',
  eventTypes: EVENT_TYPES,
  detect,
  unwrap,
  normalize,
};

function unwrap(value: unknown): readonly unknown[] | undefined {
  if (!isObj(value)) return undefined;
  if (Array.isArray(value.items) && (isObj(value.paging) || value.items.some((i) => isObj(i) && 'event' in i))) return value.items;
  if (isObj(value['event-data']) && isObj(value.signature)) return [value['event-data']];
  return undefined;
}

function detect(sample: DetectSample): Detection {
  if (sample.kind === 'csv') return { score: 0, reasons: [] };
  const root = sample.root;
  if (isObj(root) && Array.isArray(root.items) && isObj(root.paging)) return { score: 0.95, reasons: ['top-level items[] and paging (Mailgun events API)'] };
  const recs = sample.records.filter(isObj);
  const hooks = recs.filter((r) => isObj(r['event-data']) && isObj(r.signature));
  if (hooks.length > 0) return { score: 0.95, reasons: [`${hooks.length} records are {signature, event-data} (Mailgun webhook)`] };
  const kebab = recs.filter((r) => typeof r.event === 'string' && PAST_TENSE.includes(r.event) && ['log-level', 'client-info', 'delivery-status', 'user-variables', 'recipient-domain'].some((k) => k in r));
  return kebab.length > 0
    ? { score: 0.6 + 0.3 * (kebab.length / recs.length), reasons: [`${kebab.length} of ${recs.length} records have past-tense events and kebab-case keys (log-level, client-info…)`] }
    : { score: 0, reasons: [] };
}

function normalize(rec: unknown, ctx: RecordContext): RecordResult {
  if (!isObj(rec)) return reject('not_an_object', 'is not a Mailgun event object');
  const mapped = mapEventType(LOOKUP, pick(rec, 'event'), 'event', 'Mailgun');
  if ('kind' in mapped) return mapped;
  if ('ignored' in mapped) return ignore(mapped.ignored);
  if (mapped.type === 'bounce') {
    if (text(pick(rec, 'reason'))?.startsWith('suppress-')) return ignore('suppressed');
    if (text(pick(rec, 'severity')) === 'temporary') return ignore('deferred');
  }
  const base = essentials(pick(rec, 'recipient') ?? at(rec, 'message', 'headers', 'to'), pick(rec, 'timestamp'), ctx, { contact: 'recipient', at: 'timestamp' });
  if ('kind' in base) return base;
  const type = mapped.type;
  const bot = text(at(rec, 'client-info', 'bot'));
  const id = text(pick(rec, 'id'));
  const engaged = type === 'open' || type === 'click' || type === 'unsubscribe';
  return emit(
    compact({
      contact: base.contact,
      type,
      at: base.at,
      campaign: campaignOf(rec),
      message: text(at(rec, 'message', 'headers', 'message-id'))?.replace(/^<|>$/g, ''),
      url: type === 'click' ? text(pick(rec, 'url')) : undefined,
      id: id === undefined ? undefined : `${id}@${text(pick(rec, 'timestamp')) ?? ''}`,
      userAgent: engaged ? text(at(rec, 'client-info', 'user-agent')) : undefined,
      ip: engaged ? text(pick(rec, 'ip')) : undefined,
      machine: engaged && bot !== undefined ? true : undefined,
      machineReason: engaged && bot !== undefined ? `provider_flag` : undefined,
      bounce: type === 'bounce' ? ('hard' as const) : undefined,
    }),
  );
}

function campaignOf(rec: Obj): string | undefined {
  const campaigns = pick(rec, 'campaigns');
  if (Array.isArray(campaigns) && campaigns.length > 0) return text(at(campaigns[0], 'name')) ?? text(at(campaigns[0], 'id'));
  const tags = pick(rec, 'tags');
  if (Array.isArray(tags)) return tags.map(text).filter((t): t is string => t !== undefined && t !== '*').join(', ') || undefined;
  return undefined;
}
