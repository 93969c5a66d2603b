import type { DetectSample, Detection, ProviderAdapter, RecordContext, RecordResult } from '../adapter.js';
import { emit, ignore, reject } from '../adapter.js';
import { essentials, mapEventType } from '../draft.js';
import type { Obj } from '../fields.js';
import { compact, flag, isObj, pick, text } from '../fields.js';

/** Mailchimp activity names (API `action`, report wrappers, audience-export files) → canonical types. */
const EVENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  open: 'open',
  click: 'click',
  bounce: 'bounce',
  unsub: 'unsubscribe',
  unsubscribe: 'unsubscribe',
  abuse: 'complaint',
  'audience export: UNSUB_TIME': 'unsubscribe',
  'audience export: CLEAN_TIME': 'bounce',
  'audience export: subscribed member': 'ignored:member_without_activity',
  'email-activity member with no activity': 'ignored:no_activity',
});
const ACTIONS: Readonly<Record<string, string>> = Object.freeze({ open: 'open', click: 'click', bounce: 'bounce', unsub: 'unsubscribe', unsubscribe: 'unsubscribe', abuse: 'complaint' });
const CSV_MARKS = ['MEMBER_RATING', 'OPTIN_TIME', 'CONFIRM_TIME', 'LEID', 'EUID', 'UNSUB_TIME', 'CLEAN_TIME'];

/**
 * Mailchimp: the Marketing API reports (`/email-activity` `{emails:[{activity[]}]}`, `/open-details`
 * `{members:[{opens[]}]}` with `is_proxy_open`, `/unsubscribed`, `/abuse-reports`) and the audience
 * CSV exports (unsubscribed → `unsubscribe` at UNSUB_TIME, cleaned → hard `bounce` at CLEAN_TIME).
 * CSV times have no zone: pass `timezone`. Mailchimp has no event id; dedupe uses the event's content.
 *
 * @example
 * parseEvents(emailActivityJson, { format: 'mailchimp' })
 */
export const mailchimp: ProviderAdapter = {
  name: 'mailchimp',
  label: 'Mailchimp Marketing API reports and audience CSV exports',
  eventTypes: EVENT_TYPES,
  detect,
  unwrap,
  normalize,
};

/** Splits report wrappers and members into one record per activity, tagged with what they are. */
function unwrap(value: unknown): readonly unknown[] | undefined {
  if (!isObj(value)) return undefined;
  const campaign = text(value.campaign_id);
  const list = (key: string, action?: string): unknown[] | undefined => {
    const items = value[key];
    if (!Array.isArray(items)) return undefined;
    return items.map((i) => (isObj(i) ? { ...(action === undefined ? {} : { action }), campaign_id: campaign, ...i } : i));
  };
  if (Array.isArray(value.activity) && value.activity.length > 0 && value.email_address !== undefined) {
    return value.activity.map((a) => (isObj(a) ? { email_address: value.email_address, campaign_id: value.campaign_id, ...a } : a));
  }
  if (Array.isArray(value.opens) && value.opens.length > 0 && value.email_address !== undefined) {
    return value.opens.map((o) => (isObj(o) ? { action: 'open', email_address: value.email_address, campaign_id: value.campaign_id, ...o } : o));
  }
  if (value.total_items === undefined) return undefined;
  return list('emails') ?? list('members') ?? list('unsubscribes', 'unsub') ?? list('abuse_reports', 'abuse');
}

function detect(sample: DetectSample): Detection {
  if (sample.kind === 'csv') {
    const hits = CSV_MARKS.filter((h) => sample.headers.includes(h));
    return hits.length >= 2 ? { score: 0.9, reasons: [`CSV system columns ${hits.join(', ')} (Mailchimp audience export)`] } : { score: 0, reasons: [] };
  }
  const root = sample.root;
  if (isObj(root) && Array.isArray(root.emails) && root.emails.some((e) => isObj(e) && Array.isArray(e.activity))) {
    return { score: 0.95, reasons: ['top-level emails[] with activity[] (Mailchimp email-activity report)'] };
  }
  if (isObj(root) && root.total_items !== undefined && ['unsubscribes', 'abuse_reports', 'members'].some((k) => Array.isArray(root[k]))) {
    return { score: 0.85, reasons: ['a report wrapper with total_items and unsubscribes/abuse_reports/members (Mailchimp reports API)'] };
  }
  const members = sample.records.filter((r) => isObj(r) && typeof r.email_address === 'string' && (Array.isArray(r.activity) || Array.isArray(r.opens)));
  return members.length > 0 ? { score: 0.8, reasons: [`${members.length} records have email_address with activity[] or opens[] (Mailchimp)`] } : { score: 0, reasons: [] };
}

function normalize(rec: unknown, ctx: RecordContext): RecordResult {
  if (!isObj(rec)) return reject('not_an_object', 'is not a Mailchimp activity object');
  if (pick(rec, 'Email Address', 'EMAIL') !== undefined || 'UNSUB_TIME' in rec || 'CLEAN_TIME' in rec || 'MEMBER_RATING' in rec) return audienceRow(rec, ctx);
  if (Array.isArray(rec.activity) || Array.isArray(rec.opens)) return ignore('no_activity');
  const mapped = mapEventType(ACTIONS, pick(rec, 'action'), 'action', 'Mailchimp');
  if ('kind' in mapped) return mapped;
  if ('ignored' in mapped) return ignore(mapped.ignored);
  const base = essentials(pick(rec, 'email_address'), pick(rec, 'timestamp', 'date'), ctx, { contact: 'email_address', at: 'timestamp' });
  if ('kind' in base) return base;
  const type = mapped.type;
  const proxy = flag(pick(rec, 'is_proxy_open')) === true;
  const kind = text(pick(rec, 'type'))?.toLowerCase();
  return emit(
    compact({
      contact: base.contact,
      type,
      at: base.at,
      campaign: text(pick(rec, 'campaign_id')),
      url: type === 'click' ? text(pick(rec, 'url')) : undefined,
      ip: type === 'open' || type === 'click' ? text(pick(rec, 'ip')) : undefined,
      machine: proxy ? true : undefined,
      machineReason: proxy ? 'provider_flag' : undefined,
      bounce: type === 'bounce' ? (kind === 'soft' ? ('soft' as const) : kind === 'hard' ? ('hard' as const) : undefined) : undefined,
    }),
  );
}

function audienceRow(rec: Obj, ctx: RecordContext): RecordResult {
  const unsub = pick(rec, 'UNSUB_TIME');
  const clean = pick(rec, 'CLEAN_TIME');
  if (unsub === undefined && clean === undefined) return ignore('member_without_activity');
  const field = unsub !== undefined ? 'UNSUB_TIME' : 'CLEAN_TIME';
  const base = essentials(pick(rec, 'Email Address', 'EMAIL', 'Email'), unsub ?? clean, ctx, { contact: 'Email Address', at: field });
  if ('kind' in base) return base;
  return emit(
    compact({
      contact: base.contact,
      type: unsub !== undefined ? 'unsubscribe' : 'bounce',
      at: base.at,
      campaign: text(unsub !== undefined ? pick(rec, 'UNSUB_CAMPAIGN_TITLE', 'UNSUB_CAMPAIGN_ID') : pick(rec, 'CLEAN_CAMPAIGN_TITLE', 'CLEAN_CAMPAIGN_ID')),
      bounce: unsub === undefined ? ('hard' as const) : undefined,
    }),
  );
}
