import { own } from './fields.js';

/**
 * Common event-type spellings (compared lower-cased, with spaces and dashes as `_`) → canonical types,
 * used by the generic reader when no value map is given. Anything else is kept as a custom type.
 * @default open, opened, click, clicked, sent, delivered, bounce, bounced, unsubscribed, spam, …
 */
export const COMMON_EVENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  open: 'open', opened: 'open', opens: 'open', email_open: 'open', unique_opened: 'open',
  click: 'click', clicked: 'click', clicks: 'click', link_click: 'click', email_click: 'click',
  sent: 'sent', send: 'sent', processed: 'sent', accepted: 'sent',
  delivered: 'delivered', delivery: 'delivered',
  bounce: 'bounce', bounced: 'bounce', hard_bounce: 'bounce', soft_bounce: 'bounce', failed: 'bounce',
  unsubscribe: 'unsubscribe', unsubscribed: 'unsubscribe', unsub: 'unsubscribe', opt_out: 'unsubscribe', optout: 'unsubscribe', opted_out: 'unsubscribe',
  complaint: 'complaint', complained: 'complaint', spam: 'complaint', spamreport: 'complaint', spam_report: 'complaint', abuse: 'complaint', marked_as_spam: 'complaint',
  replied: 'reply', reply: 'reply', forwarded: 'forward', forward: 'forward',
});

/**
 * Folds an event name for lookup: trimmed, lower-cased, spaces and dashes as `_`.
 *
 * @example
 * foldEventName('Spam Report') //=> 'spam_report'
 */
export function foldEventName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * A common spelling's canonical type, or `undefined`.
 *
 * @example
 * commonEventType('Opened') //=> 'open'
 */
export function commonEventType(name: string): string | undefined {
  return own(COMMON_EVENT_TYPES, foldEventName(name));
}
