import type { CallOutcome, Disposition } from '../model/outcome.js';
import { CallOutcomeSchema } from '../model/outcome.js';
import type { IngestInput } from './container.js';
import { canonicalEmail } from './emails.js';
import { foldEventName } from './eventTypes.js';
import { isObj, own, text } from './fields.js';
import type { Rejection } from './result.js';
import type { RowResult, TableMeta } from './tables.js';
import { aliasMap, collectRows, resolveColumns, tableRows } from './tables.js';
import { parseTimestamp } from './timestamps.js';
import { isTimeZone } from './zones.js';
import { LeadrankError } from '../model/errors.js';

/** Call-outcome columns per field. @default see the source table */
export const OUTCOME_COLUMNS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  contact: ['Email', 'E-mail', 'Email Address', 'Lead', 'Contact Email'],
  rep: ['Rep ID', 'Caller', 'Called By', 'User', 'Owner', 'Agent'],
  at: ['Date', 'Time', 'Called At', 'Call Date', 'Timestamp', 'When', 'Date/Time'],
  disposition: ['Outcome', 'Result', 'Call Result', 'Status', 'Call Outcome'],
  interest: ['Interest Level', 'Rating', 'Score'],
  callbackAt: ['Callback', 'Callback Date', 'Call Back', 'Follow Up', 'Follow-up Date', 'Next Call'],
  note: ['Notes', 'Comment', 'Comments', 'Remarks'],
});
const ALIASES = aliasMap(OUTCOME_COLUMNS);

/** Common spellings of call dispositions (folded: lower case, `_` for spaces) → canonical. @default see the source table */
export const DISPOSITION_SPELLINGS: Readonly<Record<string, Disposition>> = Object.freeze({
  no_answer: 'no_answer', noanswer: 'no_answer', na: 'no_answer', not_reached: 'no_answer', no_reply: 'no_answer', busy: 'no_answer',
  voicemail: 'voicemail', vm: 'voicemail', left_voicemail: 'voicemail', left_message: 'voicemail', mailbox: 'voicemail',
  connected: 'connected', reached: 'connected', spoke: 'connected', talked: 'connected', contacted: 'connected',
  interested: 'interested', hot: 'interested',
  not_interested: 'not_interested', no_interest: 'not_interested', declined: 'not_interested',
  callback: 'callback', call_back: 'callback', call_later: 'callback', callback_requested: 'callback',
  meeting_booked: 'meeting_booked', meeting: 'meeting_booked', meeting_set: 'meeting_booked', appointment: 'meeting_booked', demo_booked: 'meeting_booked', booked: 'meeting_booked',
  won: 'won', closed_won: 'won', sale: 'won', sold: 'won',
  lost: 'lost', closed_lost: 'lost',
  do_not_call: 'do_not_call', dnc: 'do_not_call', remove: 'do_not_call', dont_call: 'do_not_call',
  wrong_number: 'wrong_number', bad_number: 'wrong_number', invalid_number: 'wrong_number',
});

/** Options of {@link parseOutcomes}. */
export interface ParseOutcomesOptions {
  /** IANA zone for dates written without a zone. @default UTC, with a note */
  timezone?: string;
}

/**
 * Reads call outcomes (contact, rep, at, disposition, interest 1–5, callback date, note) from CSV /
 * JSON / NDJSON. Dispositions in common spellings (`Left voicemail`, `NA`, `Meeting set`, `DNC`) are
 * normalised; interest accepts `4` or `4/5`. Bad rows are rejections naming row and field.
 *
 * @example
 * parseOutcomes('email,date,outcome\nann@x.com,2026-11-20 10:00,Left voicemail').outcomes[0].disposition //=> 'voicemail'
 */
export function parseOutcomes(input: IngestInput, options: ParseOutcomesOptions = {}): { outcomes: CallOutcome[]; rejected: Rejection[]; meta: TableMeta } {
  if (options.timezone !== undefined && !isTimeZone(options.timezone)) {
    throw new LeadrankError([{ code: 'invalid_timezone', field: 'timezone', message: `must be an IANA time zone (got ${JSON.stringify(options.timezone)})` }]);
  }
  const { kind, rows } = tableRows(input);
  const notes = new Set<string>();
  const { values, rejected, meta } = collectRows(kind, rows, (row) => buildOutcome(row, options.timezone, notes));
  meta.notes = [...notes].sort();
  return { outcomes: values, rejected, meta };
}

function buildOutcome(row: unknown, timezone: string | undefined, notes: Set<string>): RowResult<CallOutcome> {
  if (!isObj(row)) return { ok: false, code: 'not_an_object', message: 'is not a row of named columns' };
  const cols = resolveColumns(Object.keys(row), ALIASES);
  const col = (field: string): string => [...cols].find(([, f]) => f === field)?.[0] ?? field;
  const get = (field: string): unknown => (cols.size === 0 ? undefined : row[col(field)]);
  const email = canonicalEmail(get('contact'));
  if (!email.ok) return { ok: false, code: email.code, message: `${col('contact')} ${email.message}`, field: col('contact') };
  const time = (field: string): number | RowResult<never> | undefined => {
    const v = get(field);
    if (v === undefined || v === '') return undefined;
    const t = parseTimestamp(v, { timezone });
    if (!t.ok) return { ok: false, code: t.code, message: `${col(field)} ${t.message}`, field: col(field) };
    if (!t.zoned) notes.add(timezone === undefined ? 'times had no zone; read as UTC because no timezone was given' : `times had no zone; read as local time in ${timezone}`);
    return t.at;
  };
  const at = time('at');
  if (at === undefined) return { ok: false, code: 'missing_timestamp', message: `${col('at')} has no date`, field: col('at') };
  if (typeof at !== 'number') return at;
  const rawDisposition = text(get('disposition'));
  if (rawDisposition === undefined) return { ok: false, code: 'missing_disposition', message: `${col('disposition')} is empty`, field: col('disposition') };
  const disposition = own(DISPOSITION_SPELLINGS, foldEventName(rawDisposition).replace(/[^a-z_]/g, ''));
  if (disposition === undefined) return { ok: false, code: 'unknown_disposition', message: `${col('disposition')} ${JSON.stringify(rawDisposition.slice(0, 40))} is not a known call outcome`, field: col('disposition') };
  const out: Record<string, unknown> = { contact: email.email, at, disposition };
  const rep = text(get('rep'));
  if (rep !== undefined) out.rep = rep;
  const interest = text(get('interest'));
  if (interest !== undefined) {
    const m = /^([1-5])(?:\s*\/\s*5)?$/.exec(interest);
    if (!m) return { ok: false, code: 'invalid_value', message: `${col('interest')} must be a whole number 1–5 (got ${JSON.stringify(interest.slice(0, 20))})`, field: col('interest') };
    out.interest = Number(m[1]);
  }
  const callback = time('callbackAt');
  if (callback !== undefined && typeof callback !== 'number') return callback;
  if (callback !== undefined) out.callbackAt = callback;
  const note = text(get('note'));
  if (note !== undefined) out.note = note;
  const parsed = CallOutcomeSchema.safeParse(out);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, code: 'invalid_value', message: parsed.error.issues[0]?.message ?? 'is not a call outcome' };
}
