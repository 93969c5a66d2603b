import type { DetectSample, Detection, ProviderAdapter, RecordContext, RecordResult } from '../adapter.js';
import { emit, reject } from '../adapter.js';
import { essentials } from '../draft.js';
import { compact, flag, isObj, pick, text } from '../fields.js';

const CORE = ['contact', 'type', 'at'];

/**
 * leadrank's own canonical `EngagementEvent` records (JSON array, NDJSON or CSV with the same column
 * names), so exported or normalised events read back unchanged. `source` is replaced by the new one.
 *
 * @example
 * parseEvents('{"contact":"a@x.com","type":"open","at":1700000000000}', { format: 'leadrank' })
 */
export const leadrank: ProviderAdapter = {
  name: 'leadrank',
  label: 'leadrank canonical events (EngagementEvent JSON / NDJSON / CSV)',
  eventTypes: Object.freeze({ sent: 'sent', delivered: 'delivered', open: 'open', click: 'click', bounce: 'bounce', unsubscribe: 'unsubscribe', complaint: 'complaint' }),
  detect,
  normalize,
};

function detect(sample: DetectSample): Detection {
  if (sample.kind === 'csv') {
    return CORE.every((h) => sample.headers.includes(h))
      ? { score: 0.7, reasons: ['CSV columns contact, type and at (leadrank canonical events)'] }
      : { score: 0, reasons: [] };
  }
  const recs = sample.records.filter(isObj);
  if (recs.length === 0 || !recs.every((r) => CORE.every((k) => Object.prototype.hasOwnProperty.call(r, k)))) return { score: 0, reasons: [] };
  const sourced = recs.filter((r) => isObj(r.source) && typeof r.source.format === 'string').length;
  return sourced === recs.length
    ? { score: 0.95, reasons: ['records have contact, type, at and source.format (leadrank canonical events)'] }
    : { score: 0.7, reasons: ['records have contact, type and at (leadrank canonical events)'] };
}

function normalize(rec: unknown, ctx: RecordContext): RecordResult {
  if (!isObj(rec)) return reject('not_an_object', 'is not an event object');
  const type = text(pick(rec, 'type'));
  if (type === undefined) return reject('missing_event_type', 'type is empty: no event type', 'type');
  if (type.length > 64) return reject('unknown_event_type', 'type is longer than 64 characters', 'type');
  const base = essentials(pick(rec, 'contact'), pick(rec, 'at'), ctx, { contact: 'contact', at: 'at' });
  if ('kind' in base) return base;
  const bounce = text(pick(rec, 'bounce'));
  return emit(
    compact({
      contact: base.contact,
      type,
      at: base.at,
      campaign: text(pick(rec, 'campaign')),
      message: text(pick(rec, 'message')),
      url: text(pick(rec, 'url')),
      id: text(pick(rec, 'id')),
      userAgent: text(pick(rec, 'userAgent')),
      ip: text(pick(rec, 'ip')),
      machine: flag(pick(rec, 'machine')),
      machineReason: text(pick(rec, 'machineReason')),
      bounce: bounce === 'hard' || bounce === 'soft' ? bounce : undefined,
    }),
  );
}
