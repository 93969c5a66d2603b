import type { DetectSample, Detection, ProviderAdapter, RecordContext, RecordResult } from '../adapter.js';
import { emit, ignore, reject } from '../adapter.js';
import { essentials, mapEventType } from '../draft.js';
import type { Obj } from '../fields.js';
import { at, compact, isObj, own, pick, text } from '../fields.js';

/**
 * Postmark `RecordType` values → canonical types or ignore rules. Bounce webhooks also carry records
 * that are not bounces; their `Type` decides (hard/soft inferred from Postmark's type descriptions).
 * A `SubscriptionChange` is an unsubscribe when the recipient suppressed sending; a suppression that
 * follows a bounce or complaint repeats that event, and a reactivation is a `resubscribe`.
 */
const EVENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  Delivery: 'delivered',
  Open: 'open',
  Click: 'click',
  'Bounce (Type HardBounce, BadEmailAddress, ManuallyDeactivated: hard)': 'bounce',
  'Bounce (Type SoftBounce, Transient, DnsError, SpamNotification, Blocked, DMARCPolicy: soft)': 'bounce',
  'Bounce (Type Unknown: no class)': 'bounce',
  'Bounce (Type Unsubscribe)': 'unsubscribe',
  'Bounce (Type AutoResponder, AddressChange, Subscribe, ChallengeVerification, OpenRelayTest, VirusNotification)': 'ignored:not_a_bounce',
  'Bounce (Type SMTPApiError, TemplateRenderingFailed, InboundError, Unconfirmed)': 'ignored:not_sent',
  SpamComplaint: 'complaint',
  'SubscriptionChange (SuppressSending true, by the recipient)': 'unsubscribe',
  'SubscriptionChange (SuppressSending true, after HardBounce / SpamComplaint, or by the sender)': 'ignored:suppressed',
  'SubscriptionChange (SuppressSending false)': 'resubscribe',
  Inbound: 'ignored:inbound',
});
const LOOKUP: Readonly<Record<string, string>> = Object.freeze({
  Delivery: 'delivered', Open: 'open', Click: 'click', Bounce: 'bounce', SpamComplaint: 'complaint', SubscriptionChange: 'unsubscribe', Inbound: 'ignored:inbound',
});
const HARD = ['HardBounce', 'BadEmailAddress', 'ManuallyDeactivated'];
const SOFT = ['SoftBounce', 'Transient', 'DnsError', 'SpamNotification', 'Blocked', 'DMARCPolicy'];
const NOT_A_BOUNCE = ['AutoResponder', 'AddressChange', 'Subscribe', 'ChallengeVerification', 'OpenRelayTest', 'VirusNotification'];
const NOT_SENT = ['SMTPApiError', 'TemplateRenderingFailed', 'InboundError', 'Unconfirmed'];
/** The time field of each record type. */
const TIME: Readonly<Record<string, string>> = Object.freeze({
  Delivery: 'DeliveredAt', Open: 'ReceivedAt', Click: 'ReceivedAt', Bounce: 'BouncedAt', SpamComplaint: 'BouncedAt', SubscriptionChange: 'ChangedAt',
});

/**
 * Postmark webhooks: one object per POST (a dump of them as a JSON array or NDJSON works too). Times are
 * ISO 8601 with `Z` or an offset and up to 7 fraction digits. Recipient: `Recipient`, or `Email` on
 * bounces and complaints. Dedupe id: the bounce `ID` on Bounce / SpamComplaint; otherwise identical
 * content. Records without `RecordType` (older payloads) are typed by shape. No bot flag.
 *
 * @example
 * parseEvents(body, { format: 'postmark' })
 */
export const postmark: ProviderAdapter = {
  name: 'postmark',
  label: 'Postmark webhooks',
  eventTypes: EVENT_TYPES,
  detect,
  normalize,
};

function detect(sample: DetectSample): Detection {
  if (sample.kind === 'csv') return { score: 0, reasons: [] };
  const recs = sample.records.filter(isObj);
  if (recs.length === 0) return { score: 0, reasons: [] };
  const typed = recs.filter((r) => typeof r.RecordType === 'string' && own(LOOKUP, r.RecordType) !== undefined);
  if (typed.length > 0) {
    const ids = typed.filter((r) => 'MessageID' in r || 'MessageId' in r || 'MessageStream' in r).length;
    return { score: ids > 0 ? 0.95 : 0.8, reasons: [`${typed.length} of ${recs.length} records have a Postmark RecordType (${String(typed[0]?.RecordType)})${ids > 0 ? ' and MessageID / MessageStream' : ''}`] };
  }
  const shaped = recs.filter((r) => shapeType(r) !== undefined);
  return shaped.length > 0
    ? { score: 0.6, reasons: [`${shaped.length} of ${recs.length} records have Postmark keys (DeliveredAt, BouncedAt + TypeCode, FirstOpen, OriginalLink, SuppressSending)`] }
    : { score: 0, reasons: [] };
}

/** The record type of an older payload without `RecordType`, from its keys. */
function shapeType(r: Obj): string | undefined {
  if ('TypeCode' in r && 'BouncedAt' in r) return text(r.Type) === 'SpamComplaint' ? 'SpamComplaint' : 'Bounce';
  if ('DeliveredAt' in r) return 'Delivery';
  if ('OriginalLink' in r || 'ClickLocation' in r) return 'Click';
  if ('FirstOpen' in r || 'ReadSeconds' in r) return 'Open';
  if ('SuppressSending' in r && 'ChangedAt' in r) return 'SubscriptionChange';
  return undefined;
}

function normalize(rec: unknown, ctx: RecordContext): RecordResult {
  if (!isObj(rec)) return reject('not_an_object', 'is not a Postmark webhook object');
  const recordType = text(pick(rec, 'RecordType')) ?? shapeType(rec);
  const mapped = mapEventType(LOOKUP, recordType, 'RecordType', 'Postmark');
  if ('kind' in mapped) return mapped;
  if ('ignored' in mapped) return ignore(mapped.ignored);
  const name = recordType ?? '';
  let type = mapped.type;
  let bounce: 'hard' | 'soft' | undefined;
  if (name === 'Bounce') {
    const kind = text(pick(rec, 'Type')) ?? 'Unknown';
    if (NOT_A_BOUNCE.includes(kind)) return ignore('not_a_bounce');
    if (NOT_SENT.includes(kind)) return ignore('not_sent');
    if (kind === 'Unsubscribe') type = 'unsubscribe';
    bounce = HARD.includes(kind) ? 'hard' : SOFT.includes(kind) ? 'soft' : undefined;
  }
  if (name === 'SubscriptionChange') {
    const suppress = pick(rec, 'SuppressSending');
    if (suppress === false) type = 'resubscribe';
    else if (suppress !== true) return reject('invalid_value', 'SuppressSending is neither true nor false', 'SuppressSending');
    else if (!byRecipient(rec)) return ignore('suppressed');
  }
  const timeField = own(TIME, name) ?? 'ReceivedAt';
  const base = essentials(pick(rec, 'Recipient', 'Email'), pick(rec, timeField), ctx, { contact: 'Recipient', at: timeField });
  if ('kind' in base) return base;
  const engaged = type === 'open' || type === 'click';
  const id = text(pick(rec, 'ID'));
  return emit(
    compact({
      contact: base.contact,
      type,
      at: base.at,
      campaign: text(pick(rec, 'Tag')),
      message: text(pick(rec, 'MessageID', 'MessageId')),
      url: type === 'click' ? text(pick(rec, 'OriginalLink')) : undefined,
      id: (name === 'Bounce' || name === 'SpamComplaint') && id !== undefined ? `${name}:${id}` : undefined,
      userAgent: engaged ? text(pick(rec, 'UserAgent')) : undefined,
      ip: engaged ? text(at(rec, 'Geo', 'IP')) : undefined,
      bounce: type === 'bounce' ? bounce : undefined,
    }),
  );
}

/** A suppression the recipient asked for (not one that follows a bounce or complaint, nor one by the sender). */
function byRecipient(rec: Obj): boolean {
  const reason = text(pick(rec, 'SuppressionReason'));
  if (reason === 'HardBounce' || reason === 'SpamComplaint') return false;
  const origin = text(pick(rec, 'Origin'));
  return origin === undefined || origin === 'Recipient';
}
