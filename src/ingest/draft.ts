import type { RecordContext, RecordResult } from './adapter.js';
import { reject } from './adapter.js';
import { canonicalEmail } from './emails.js';
import { own, text } from './fields.js';
import { readTime } from './timestamps.js';

/** The two things every event needs, read and checked. */
export interface Essentials {
  contact: string;
  at: number;
}

/**
 * Reads the recipient and the time of a record, or the rejection that names the field at fault.
 * `fields` names the provider's fields for messages (`{ contact: 'email', at: 'timestamp' }`).
 *
 * @example
 * const base = essentials(rec.email, rec.timestamp, ctx, { contact: 'email', at: 'timestamp' });
 * if ('kind' in base) return base; // a rejection
 */
export function essentials(
  recipient: unknown,
  time: unknown,
  ctx: RecordContext,
  fields: { contact: string; at: string },
): Essentials | RecordResult {
  const email = canonicalEmail(recipient);
  if (!email.ok) return reject(email.code, `${fields.contact} ${email.message}`, fields.contact);
  const t = readTime(time, ctx);
  if (!t.ok) return reject(t.code, `${fields.at} ${t.message}`, fields.at);
  return { contact: email.email, at: t.at };
}

/**
 * Maps a provider's event name through its table: a canonical type, `{ ignored: rule }`, or a
 * rejection (`missing_event_type` / `unknown_event_type`) naming `field`.
 *
 * @example
 * mapEventType({ open: 'open' }, 'open', 'event', 'SendGrid') //=> { type: 'open' }
 */
export function mapEventType(
  table: Readonly<Record<string, string>>,
  name: unknown,
  field: string,
  label: string,
): { type: string } | { ignored: string } | RecordResult {
  const key = text(name);
  if (key === undefined) return reject('missing_event_type', `${field} is empty: no event type`, field);
  const mapped = own(table, key);
  if (mapped === undefined) {
    const shown = key.length > 40 ? `${key.slice(0, 37)}…` : key;
    return reject('unknown_event_type', `${field} ${JSON.stringify(shown)} is not an event type ${label} documents`, field);
  }
  return mapped.startsWith('ignored:') ? { ignored: mapped.slice('ignored:'.length) } : { type: mapped };
}
