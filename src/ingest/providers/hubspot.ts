import type { DetectSample, Detection, ProviderAdapter, RecordContext, RecordResult } from '../adapter.js';
import { emit, ignore, reject } from '../adapter.js';
import { essentials, mapEventType } from '../draft.js';
import type { Obj } from '../fields.js';
import { at, compact, isObj, own, pick, text } from '../fields.js';

/**
 * HubSpot email event `type` values → canonical types or ignore rules. `PROCESSED` (queued) is ignored
 * so a message is not counted as sent twice; `STATUSCHANGE` is an unsubscribe when it reports an
 * `UNSUBSCRIBED` status and a `resubscribe` otherwise. `FORWARD` and `PRINT` are kept as custom types.
 */
const EVENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  SENT: 'sent',
  DELIVERED: 'delivered',
  OPEN: 'open',
  CLICK: 'click',
  BOUNCE: 'bounce',
  SPAMREPORT: 'complaint',
  STATUSCHANGE: 'unsubscribe',
  'STATUSCHANGE (subscribed)': 'resubscribe',
  FORWARD: 'forward',
  PRINT: 'print',
  PROCESSED: 'ignored:queued',
  DROPPED: 'ignored:not_sent',
  SUPPRESSED: 'ignored:not_sent',
  DEFERRED: 'ignored:deferred',
  UNBOUNCE: 'ignored:unbounce',
});
const LOOKUP: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries(Object.entries(EVENT_TYPES).filter(([k]) => !k.includes(' '))));
/** Bounce `category` values that mean the address does not exist; other known categories are soft. */
const HARD = ['UNKNOWN_USER', 'MAILBOX_MISCONFIGURATION'];
const SOFT = [
  'MAILBOX_FULL', 'CONTENT', 'SPAM', 'POLICY', 'GREYLISTING', 'ISP_MISCONFIGURATION', 'DOMAIN_REPUTATION', 'IP_REPUTATION', 'DMARC',
  'DNS_FAILURE', 'SENDING_DOMAIN_MISCONFIGURATION', 'TEMPORARY_PROBLEM', 'TIMEOUT', 'THROTTLED', 'FILTERED',
];

/**
 * HubSpot email events API (`GET /email/public/v1/events`: pages of `{events, hasMore, offset}`, as one
 * page, an array of pages, or NDJSON of pages or events). Times: `created`, unix ms. Dedupe id: `id` with
 * `created` (literal duplicate rows across pages collapse). Machine flag: `filteredEvent: true` (HubSpot
 * filtered the open or click as a bot). Message: the `sentBy.id` pointer that every event of one send
 * shares (a SENT event's own id). Bounce class from `category` (inferred; UNCATEGORIZED has none).
 *
 * @example
 * parseEvents(page, { format: 'hubspot' })
 */
export const hubspot: ProviderAdapter = {
  name: 'hubspot',
  label: 'HubSpot email events API',
  eventTypes: EVENT_TYPES,
  detect,
  unwrap,
  normalize,
};

function isPage(value: unknown): value is Obj & { events: unknown[] } {
  return isObj(value) && Array.isArray(value.events) && (typeof value.hasMore === 'boolean' || Object.prototype.hasOwnProperty.call(value, 'offset'));
}

function unwrap(value: unknown): readonly unknown[] | undefined {
  return isPage(value) ? value.events : undefined;
}

function looksLikeEvent(r: Obj): boolean {
  return typeof r.type === 'string' && own(LOOKUP, r.type) !== undefined && typeof r.created === 'number' && ('recipient' in r || 'portalId' in r || 'emailCampaignId' in r);
}

function detect(sample: DetectSample): Detection {
  if (sample.kind === 'csv') return { score: 0, reasons: [] };
  const recs = sample.records.filter(isObj);
  const pages = recs.filter(isPage);
  if (pages.length > 0) {
    const inner = pages.flatMap((p) => p.events.slice(0, 20)).filter(isObj);
    const hits = inner.filter(looksLikeEvent).length;
    return hits > 0 || inner.length === 0
      ? { score: 0.95, reasons: [`${pages.length} page(s) of {events, hasMore, offset}${hits > 0 ? ` whose events have an UPPERCASE type and created in ms (HubSpot email events API)` : ''}`] }
      : { score: 0.6, reasons: ['top-level {events, hasMore} (HubSpot email events API page shape)'] };
  }
  const flat = recs.filter(looksLikeEvent);
  return flat.length > 0
    ? { score: 0.6 + 0.3 * (flat.length / recs.length), reasons: [`${flat.length} of ${recs.length} records have a HubSpot type (${String(flat[0]?.type)}), created in ms and recipient / portalId`] }
    : { score: 0, reasons: [] };
}

function normalize(rec: unknown, ctx: RecordContext): RecordResult {
  if (!isObj(rec)) return reject('not_an_object', 'is not a HubSpot email event object');
  const mapped = mapEventType(LOOKUP, pick(rec, 'type'), 'type', 'HubSpot');
  if ('kind' in mapped) return mapped;
  if ('ignored' in mapped) return ignore(mapped.ignored);
  const name = text(pick(rec, 'type')) ?? '';
  const type = name === 'STATUSCHANGE' && !unsubscribed(rec) ? 'resubscribe' : mapped.type;
  const base = essentials(pick(rec, 'recipient', 'email'), pick(rec, 'created'), ctx, { contact: 'recipient', at: 'created' });
  if ('kind' in base) return base;
  const id = text(pick(rec, 'id'));
  const engaged = type === 'open' || type === 'click' || type === 'forward' || type === 'print';
  const filtered = pick(rec, 'filteredEvent') === true && engaged;
  const category = text(pick(rec, 'category'))?.toUpperCase();
  return emit(
    compact({
      contact: base.contact,
      type,
      at: base.at,
      campaign: text(pick(rec, 'emailCampaignId')),
      message: name === 'SENT' ? id : text(at(rec, 'sentBy', 'id')) ?? text(pick(rec, 'hmid', 'smtpId')),
      url: type === 'click' ? text(pick(rec, 'url')) : undefined,
      id: id === undefined ? undefined : `${id}@${text(pick(rec, 'created')) ?? ''}`,
      userAgent: engaged ? text(pick(rec, 'userAgent')) : undefined,
      ip: engaged ? text(pick(rec, 'ipAddress')) : undefined,
      machine: filtered ? true : undefined,
      machineReason: filtered ? 'provider_flag' : undefined,
      bounce: type !== 'bounce' || category === undefined ? undefined : HARD.includes(category) ? ('hard' as const) : SOFT.includes(category) ? ('soft' as const) : undefined,
    }),
  );
}

/** A STATUSCHANGE that unsubscribes: the portal-wide status or any subscription's status is UNSUBSCRIBED. */
function unsubscribed(rec: Obj): boolean {
  if (text(pick(rec, 'portalSubscriptionStatus'))?.toUpperCase() === 'UNSUBSCRIBED') return true;
  const subs = pick(rec, 'subscriptions');
  return Array.isArray(subs) && subs.some((s) => text(at(s, 'status'))?.toUpperCase() === 'UNSUBSCRIBED');
}
