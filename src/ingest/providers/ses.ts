import type { DetectSample, Detection, EventDraft, ProviderAdapter, RecordContext, RecordResult } from '../adapter.js';
import { emit, ignore, reject } from '../adapter.js';
import { essentials, mapEventType } from '../draft.js';
import type { Obj } from '../fields.js';
import { at, compact, isObj, own, pick, text } from '../fields.js';

/**
 * Amazon SES event names (`eventType`, legacy `notificationType`) → canonical types or ignore rules.
 * A `Subscription` record is an unsubscribe only when it opts out (`unsubscribeAll` or a topic `OptOut`);
 * a `Complaint` with `complaintFeedbackType: not-spam` is a "not spam" report. SNS confirmations are no events.
 */
const EVENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  Send: 'sent',
  Delivery: 'delivered',
  Open: 'open',
  Click: 'click',
  Bounce: 'bounce',
  Complaint: 'complaint',
  'Complaint (not-spam)': 'ignored:not_spam',
  Subscription: 'unsubscribe',
  'Subscription (opt-in)': 'ignored:subscription_opt_in',
  Reject: 'ignored:not_sent',
  'Rendering Failure': 'ignored:not_sent',
  DeliveryDelay: 'ignored:deferred',
  'SubscriptionConfirmation / UnsubscribeConfirmation (SNS)': 'ignored:subscription_confirmation',
});
/** Lookup by squashed name, so `Rendering Failure`, `RenderingFailure` and `RENDERING_FAILURE` all match. */
const LOOKUP: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(Object.entries(EVENT_TYPES).filter(([k]) => !k.includes('(')).map(([k, v]) => [squash(k), v])),
);
/** The lower-camel key of the type-specific object in a record, by canonical type. */
const DETAIL: Readonly<Record<string, string>> = Object.freeze({
  sent: 'send', delivered: 'delivery', open: 'open', click: 'click', bounce: 'bounce', complaint: 'complaint', unsubscribe: 'subscription',
});
const SNS_CONTROL = ['SubscriptionConfirmation', 'UnsubscribeConfirmation'];

/**
 * Amazon SES event publishing and legacy notifications: SNS HTTP envelopes (`Message` is the SES record
 * as a JSON string), SNS → Lambda `{Records: [{Sns}]}`, EventBridge `{source: 'aws.ses', detail}`,
 * Firehose NDJSON (bare records), or bare records. Recipients: `delivery.recipients`,
 * `bounce.bouncedRecipients`, `complaint.complainedRecipients` (one event each); Send, Open, Click and
 * Subscription carry none of their own and are attributed to every address in `mail.destination`
 * (a run note says so when a record had several). Dedupe id: `feedbackId` per recipient on bounces and
 * complaints; otherwise identical content. Bounces: `Permanent` = hard, `Transient` = soft. No bot flag.
 *
 * @example
 * parseEvents(snsBody, { format: 'ses' })
 */
export const ses: ProviderAdapter = {
  name: 'ses',
  label: 'Amazon SES event publishing (SNS / Firehose)',
  eventTypes: EVENT_TYPES,
  detect,
  unwrap,
  normalize,
};

function squash(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

function unwrap(value: unknown): readonly unknown[] | undefined {
  if (!isObj(value)) return undefined;
  if (Array.isArray(value.Records) && value.Records.some((r) => isObj(r) && isObj(r.Sns))) return value.Records;
  if (isObj(value.Sns) && typeof value.Sns.Message === 'string') return unwrap(value.Sns);
  if (value.source === 'aws.ses' && isObj(value.detail)) return [value.detail];
  if (typeof value.Message === 'string' && (value.Type === 'Notification' || (value.Type === undefined && typeof value.TopicArn === 'string'))) {
    try {
      const inner: unknown = JSON.parse(value.Message);
      return isObj(inner) ? [inner] : undefined;
    } catch {
      return undefined; // normalize rejects it as invalid_envelope
    }
  }
  return undefined;
}

function isSesRecord(r: unknown): boolean {
  return isObj(r) && isObj(r.mail) && (typeof r.eventType === 'string' || typeof r.notificationType === 'string') && ('messageId' in r.mail || 'destination' in r.mail);
}

function detect(sample: DetectSample): Detection {
  if (sample.kind === 'csv') return { score: 0, reasons: [] };
  const recs = sample.records.filter(isObj);
  if (recs.length === 0) return { score: 0, reasons: [] };
  const sns = recs.filter((r) => typeof r.TopicArn === 'string' && typeof r.Type === 'string' && typeof r.Message === 'string');
  if (sns.length > 0) {
    const inner = sns.flatMap((r) => unwrap(r) ?? []).filter(isSesRecord).length;
    return inner > 0
      ? { score: 0.95, reasons: [`${sns.length} of ${recs.length} records are SNS envelopes (Type, TopicArn, Message) and ${inner} hold an SES event (eventType, mail)`] }
      : { score: 0.8, reasons: [`${sns.length} of ${recs.length} records are SNS envelopes (Type, TopicArn, Message)`] };
  }
  const lambda = recs.filter((r) => Array.isArray(r.Records) && r.Records.some((x) => isObj(x) && x.EventSource === 'aws:sns'));
  if (lambda.length > 0) return { score: 0.9, reasons: ['Records[] with EventSource aws:sns (SNS → Lambda event)'] };
  const bridge = recs.filter((r) => r.source === 'aws.ses' && isObj(r.detail));
  if (bridge.length > 0) return { score: 0.9, reasons: [`${bridge.length} records are EventBridge events with source aws.ses`] };
  const bare = recs.filter(isSesRecord);
  return bare.length > 0
    ? { score: 0.6 + 0.35 * (bare.length / recs.length), reasons: [`${bare.length} of ${recs.length} records have eventType (or notificationType) and mail.messageId (SES event publishing)`] }
    : { score: 0, reasons: [] };
}

function normalize(rec: unknown, ctx: RecordContext): RecordResult {
  if (!isObj(rec)) return reject('not_an_object', 'is not an SES event object');
  const snsType = text(pick(rec, 'Type'));
  if (snsType !== undefined && SNS_CONTROL.includes(snsType) && 'TopicArn' in rec) return ignore('subscription_confirmation');
  if (typeof rec.Message === 'string' && 'TopicArn' in rec) {
    return reject('invalid_envelope', 'is an SNS envelope whose Message is not an SES event in JSON', 'Message');
  }
  const field = pick(rec, 'notificationType') !== undefined && pick(rec, 'eventType') === undefined ? 'notificationType' : 'eventType';
  const name = text(pick(rec, 'eventType', 'notificationType'));
  const mapped = mapEventType(LOOKUP, name === undefined ? undefined : squash(name), field, 'Amazon SES');
  if ('kind' in mapped) return mapped.kind === 'rejected' && name !== undefined ? unknownType(field, name) : mapped;
  if ('ignored' in mapped) return ignore(mapped.ignored);
  const type = mapped.type;
  const detailKey = own(DETAIL, type) ?? '';
  const detail = pick(rec, detailKey) ?? (type === 'delivered' || type === 'bounce' || type === 'complaint' ? undefined : {});
  if (!isObj(detail)) return reject('missing_field', `has no ${detailKey} object for a ${name ?? ''} event`, detailKey);
  if (type === 'complaint' && text(pick(detail, 'complaintFeedbackType')) === 'not-spam') return ignore('not_spam');
  if (type === 'unsubscribe' && !optsOut(detail)) return ignore('subscription_opt_in');

  const listed = recipientsOf(rec, detail, type);
  if (!Array.isArray(listed.value) || listed.value.length === 0) return reject('missing_email', `${listed.field} lists no recipient`, listed.field);
  const time = pick(detail, 'timestamp') ?? at(rec, 'mail', 'timestamp');
  const events: EventDraft[] = [];
  let firstProblem: RecordResult | undefined;
  const seen = new Set<string>();
  for (const entry of listed.value.slice(0, 1000)) {
    const address = isObj(entry) ? pick(entry, 'emailAddress') : entry;
    const base = essentials(address, time, ctx, { contact: listed.field, at: `${detailKey}.timestamp` });
    if ('kind' in base) {
      firstProblem ??= base;
      continue;
    }
    if (seen.has(base.contact)) continue;
    seen.add(base.contact);
    events.push(draft(rec, detail, type, base.contact, base.at));
  }
  if (events.length === 0) return firstProblem ?? reject('missing_email', `${listed.field} lists no recipient`, listed.field);
  if (firstProblem !== undefined) ctx.note(`record ${ctx.record}: an address in ${listed.field} was unreadable and skipped; the other recipients were kept`);
  if (events.length > 1 && listed.field === 'mail.destination' && type !== 'sent') {
    ctx.note('SES open, click and subscription records name no recipient of their own; records sent to several addresses (mail.destination) were attributed to each of them');
  }
  return emit(...events);
}

/** The rejection for an unknown name, showing it as written (not squashed). */
function unknownType(field: string, name: string): RecordResult {
  const shown = name.length > 40 ? `${name.slice(0, 37)}…` : name;
  return reject('unknown_event_type', `${field} ${JSON.stringify(shown)} is not an event type Amazon SES documents`, field);
}

function recipientsOf(rec: Obj, detail: Obj, type: string): { field: string; value: unknown } {
  if (type === 'delivered') return { field: 'delivery.recipients', value: pick(detail, 'recipients') };
  if (type === 'bounce') return { field: 'bounce.bouncedRecipients', value: pick(detail, 'bouncedRecipients') };
  if (type === 'complaint') return { field: 'complaint.complainedRecipients', value: pick(detail, 'complainedRecipients') };
  return { field: 'mail.destination', value: at(rec, 'mail', 'destination') };
}

function optsOut(detail: Obj): boolean {
  const prefs = pick(detail, 'newTopicPreferences');
  if (at(prefs, 'unsubscribeAll') === true) return true;
  const topics = at(prefs, 'topicSubscriptionStatus');
  return Array.isArray(topics) && topics.some((t) => text(at(t, 'subscriptionStatus'))?.toLowerCase() === 'optout');
}

function draft(rec: Obj, detail: Obj, type: string, contact: string, time: number): EventDraft {
  const feedback = text(pick(detail, 'feedbackId'));
  const engaged = type === 'open' || type === 'click';
  const bounceType = text(pick(detail, 'bounceType'));
  return compact({
    contact,
    type,
    at: time,
    campaign: campaignOf(rec),
    message: text(at(rec, 'mail', 'messageId')),
    url: type === 'click' ? text(pick(detail, 'link')) : undefined,
    id: feedback === undefined ? undefined : `${feedback}:${contact}`,
    userAgent: engaged ? text(pick(detail, 'userAgent')) : undefined,
    ip: engaged ? text(pick(detail, 'ipAddress')) : undefined,
    bounce: type !== 'bounce' ? undefined : bounceType === 'Permanent' ? ('hard' as const) : bounceType === 'Transient' ? ('soft' as const) : undefined,
  });
}

/** A message tag named `campaign` (or `campaign_id`, `campaignId`, `Campaign`): SES has no campaign field. */
function campaignOf(rec: Obj): string | undefined {
  const tags = at(rec, 'mail', 'tags');
  for (const key of ['campaign', 'campaign_id', 'campaignId', 'Campaign']) {
    const v = pick(tags, key);
    const first = Array.isArray(v) ? text(v[0]) : text(v);
    if (first !== undefined) return first;
  }
  return undefined;
}
