import type { DetectSample, Detection, ProviderAdapter, RecordContext, RecordResult } from '../adapter.js';
import { emit, ignore, reject } from '../adapter.js';
import { essentials, mapEventType } from '../draft.js';
import { compact, flag, isObj, own, pick, text } from '../fields.js';

/**
 * SendGrid event names (webhook and Email Activity CSV, whose spellings `spam report` and
 * `group unsubscribe` are folded onto the webhook's) → canonical types or ignore rules.
 */
const EVENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  processed: 'sent',
  delivered: 'delivered',
  open: 'open',
  click: 'click',
  bounce: 'bounce',
  spamreport: 'complaint',
  unsubscribe: 'unsubscribe',
  group_unsubscribe: 'unsubscribe',
  group_resubscribe: 'resubscribe',
  dropped: 'ignored:not_sent',
  deferred: 'ignored:deferred',
  account_status_change: 'ignored:account_event',
});

const CSV_HEADERS = ['processed', 'message_id', 'recv_message_id', 'api_key_id', 'outbound_ip_type', 'marketing_campaign_id'];
const WEBHOOK_KEYS = ['sg_event_id', 'sg_message_id', 'smtp-id', 'sg_machine_open'];

/**
 * SendGrid: the Event Webhook (a JSON array per POST, or NDJSON of events / of POST bodies) and the
 * Email Activity CSV export. Dedupe id: `sg_event_id`. Machine opens: `sg_machine_open` (Apple MPP).
 * Bounces: `type` `bounce` = hard, `blocked` = soft.
 *
 * @example
 * parseEvents(body, { format: 'sendgrid' })
 */
export const sendgrid: ProviderAdapter = {
  name: 'sendgrid',
  label: 'SendGrid Event Webhook / Email Activity CSV',
  eventTypes: EVENT_TYPES,
  detect,
  normalize,
};

function detect(sample: DetectSample): Detection {
  if (sample.kind === 'csv') {
    const hits = CSV_HEADERS.filter((h) => sample.headers.includes(h));
    const base = sample.headers.includes('event') && sample.headers.includes('email');
    return base && hits.length >= 2
      ? { score: Math.min(1, 0.6 + 0.1 * hits.length), reasons: [`CSV columns event, email and ${hits.join(', ')} (SendGrid Email Activity export)`] }
      : { score: 0, reasons: [] };
  }
  const records = sample.records.filter(isObj);
  if (records.length === 0) return { score: 0, reasons: [] };
  const sg = records.filter((r) => WEBHOOK_KEYS.some((k) => Object.prototype.hasOwnProperty.call(r, k)));
  if (sg.length > 0) {
    return { score: 0.5 + 0.5 * (sg.length / records.length), reasons: [`${sg.length} of ${records.length} records have SendGrid keys (sg_event_id, sg_message_id, smtp-id)`] };
  }
  const flat = records.filter((r) => typeof r.email === 'string' && typeof r.event === 'string' && own(EVENT_TYPES, eventName(r.event)) !== undefined && r.timestamp !== undefined);
  return flat.length === records.length
    ? { score: 0.55, reasons: [`records have email, timestamp and a SendGrid event name (${String(records[0]?.event)})`] }
    : { score: 0, reasons: [] };
}

function normalize(rec: unknown, ctx: RecordContext): RecordResult {
  if (!isObj(rec)) return reject('not_an_object', 'is not an object with SendGrid event fields');
  const mapped = mapEventType(EVENT_TYPES, eventName(pick(rec, 'event')), 'event', 'SendGrid');
  if ('kind' in mapped) return mapped;
  if ('ignored' in mapped) return ignore(mapped.ignored);
  const base = essentials(pick(rec, 'email'), pick(rec, 'timestamp', 'processed'), ctx, { contact: 'email', at: 'timestamp' });
  if ('kind' in base) return base;
  const type = mapped.type;
  const engaged = type === 'open' || type === 'click' || type === 'unsubscribe';
  const bounceType = text(pick(rec, 'type'))?.toLowerCase();
  return emit(
    compact({
      contact: base.contact,
      type,
      at: base.at,
      campaign: campaignOf(rec),
      message: text(pick(rec, 'sg_message_id', 'message_id')) ?? text(pick(rec, 'smtp-id'))?.replace(/^<|>$/g, ''),
      url: type === 'click' ? text(pick(rec, 'url')) : undefined,
      id: text(pick(rec, 'sg_event_id')),
      userAgent: engaged ? text(pick(rec, 'useragent', 'user_agent')) : undefined,
      ip: engaged ? text(pick(rec, 'ip')) : undefined,
      machine: type === 'open' && flag(pick(rec, 'sg_machine_open')) === true ? true : undefined,
      machineReason: type === 'open' && flag(pick(rec, 'sg_machine_open')) === true ? 'provider_flag' : undefined,
      bounce: type !== 'bounce' ? undefined : bounceType === 'bounce' ? 'hard' : bounceType === 'blocked' ? 'soft' : undefined,
    } as const),
  );
}

/** `Spam Report` → `spamreport`, `group unsubscribe` → `group_unsubscribe`. */
function eventName(value: unknown): string {
  const t = text(value)?.toLowerCase().replace(/\s+/g, '_') ?? '';
  return t === 'spam_report' ? 'spamreport' : t;
}

function campaignOf(rec: Readonly<Record<string, unknown>>): string | undefined {
  const named = text(pick(rec, 'marketing_campaign_name', 'marketing_campaign_id'));
  if (named !== undefined) return named;
  const cat = pick(rec, 'category', 'categories');
  if (Array.isArray(cat)) return cat.map(text).filter((c): c is string => c !== undefined).join(', ') || undefined;
  return text(cat);
}
