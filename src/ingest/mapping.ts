import { LeadrankError } from '../model/errors.js';
import type { LeadrankIssue } from '../model/errors.js';
import { looseKey } from './fields.js';

/**
 * Which column (CSV header, JSON key or dotted path) holds what, for the generic reader.
 *
 * @example
 * const mapping: EventMapping = { contact: 'E-mail Address', type: 'Activity', at: 'When',
 *   types: { Opened: 'open', 'Clicked link': 'click', 'Opted out': 'unsubscribe' } };
 */
export interface EventMapping {
  contact: string;
  at: string;
  /** The event-type column; leave out and set `defaultType` for a file of one kind (e.g. a "clicked" export). */
  type?: string;
  url?: string;
  campaign?: string;
  message?: string;
  id?: string;
  userAgent?: string;
  ip?: string;
  /** A yes/no column: the provider flagged the event as machine or bot traffic. */
  machine?: string;
  /** A column saying `hard`/`soft` (or `permanent`/`temporary`) for bounces. */
  bounce?: string;
  /** The file's event values → canonical types (`open`, `click`, …) or `ignored:<rule>`. Unlisted values use common spellings. */
  types?: Record<string, string>;
  /** The type of every record when there is no type column. */
  defaultType?: string;
}

/** The roles a mapping can name, in the order they are guessed. */
export const MAPPING_ROLES = ['contact', 'type', 'at', 'url', 'campaign', 'message', 'id', 'userAgent', 'ip', 'machine', 'bounce'] as const;
type Role = (typeof MAPPING_ROLES)[number];

/**
 * Header names guessed for each role (compared case- and punctuation-insensitively), best first.
 * @default contact: email, e-mail, email address, recipient, …; type: event, type, activity, action; at: timestamp, date, time, …
 */
export const GUESSED_HEADERS: Readonly<Record<Role, readonly string[]>> = Object.freeze({
  contact: ['contact', 'email', 'emailaddress', 'recipient', 'recipientemail', 'subscriberemail', 'rcptto', 'mail', 'to', 'address'],
  type: ['type', 'event', 'eventtype', 'eventname', 'activity', 'action', 'status'],
  at: ['at', 'timestamp', 'time', 'date', 'datetime', 'eventtime', 'occurredat', 'createdat', 'created', 'when', 'ts'],
  url: ['url', 'link', 'clickedurl', 'clickurl', 'targetlinkurl', 'href'],
  campaign: ['campaign', 'campaignname', 'campaignid', 'campaigntitle', 'category'],
  message: ['message', 'messageid', 'msgid'],
  id: ['id', 'eventid', 'uuid'],
  userAgent: ['useragent', 'ua', 'browser'],
  ip: ['ip', 'ipaddress', 'clientip'],
  machine: ['machine', 'bot', 'isbot', 'machineopen'],
  bounce: ['bounce', 'bouncetype', 'bounceclass'],
});

/**
 * Guesses a mapping from the column names seen: each role takes the first name in
 * {@link GUESSED_HEADERS} that a column matches. Returns the partial mapping and what was matched.
 *
 * @example
 * guessMapping(['Email', 'Event', 'Timestamp']).mapping //=> { contact: 'Email', type: 'Event', at: 'Timestamp' }
 */
export function guessMapping(keys: readonly string[]): { mapping: Partial<EventMapping>; reasons: string[] } {
  const byLoose = new Map<string, string>();
  for (const k of keys) if (!byLoose.has(looseKey(k))) byLoose.set(looseKey(k), k);
  const mapping: Partial<Record<Role, string>> = {};
  const used = new Set<string>();
  const reasons: string[] = [];
  for (const role of MAPPING_ROLES) {
    for (const name of GUESSED_HEADERS[role]) {
      const key = byLoose.get(name);
      if (key !== undefined && !used.has(key)) {
        mapping[role] = key;
        used.add(key);
        reasons.push(`${JSON.stringify(key)} → ${role}`);
        break;
      }
    }
  }
  return { mapping, reasons };
}

/**
 * The mapping to use: the caller's (its columns checked against those seen) or a guess. Throws a
 * {@link LeadrankError} naming the roles it could not fill, the columns seen, and an example mapping.
 *
 * @example
 * resolveMapping(undefined, ['email', 'event', 'timestamp']) //=> { contact: 'email', type: 'event', at: 'timestamp' }
 */
export function resolveMapping(given: EventMapping | undefined, keys: readonly string[], file?: string): EventMapping {
  if (given !== undefined) {
    const missing = MAPPING_ROLES.filter((r) => given[r] !== undefined && keys.length > 0 && !hasColumn(keys, given[r]!));
    if (missing.length > 0) {
      throw new LeadrankError(
        missing.map((r) => ({
          code: 'missing_column',
          ...(file === undefined ? {} : { file }),
          field: given[r]!,
          message: `is mapped to ${r} but no column is named so; columns seen: ${listKeys(keys)}`,
        })) as [LeadrankIssue, ...LeadrankIssue[]],
      );
    }
    if (given.type === undefined && given.defaultType === undefined) {
      throw new LeadrankError('mapping needs `type` (the event-type column) or `defaultType` (one type for every record)', 'invalid_mapping');
    }
    return given;
  }
  const { mapping } = guessMapping(keys);
  if (mapping.contact === undefined || mapping.at === undefined || mapping.type === undefined) {
    throw unknownShape(keys, file);
  }
  return mapping as EventMapping;
}

/**
 * The error for a shape nobody recognises: lists the columns seen and shows how to pass a mapping.
 *
 * @example
 * throw unknownShape(['Who', 'What', 'When'])
 */
export function unknownShape(keys: readonly string[], file?: string): LeadrankError {
  const [c, t, a] = [keys[0] ?? 'E-mail Address', keys[1] ?? 'Activity', keys[2] ?? 'When'];
  return new LeadrankError([
    {
      code: 'unknown_format',
      ...(file === undefined ? {} : { file }),
      message:
        `is not a format leadrank recognises (columns seen: ${listKeys(keys)}). ` +
        `Name the provider with { format: 'sendgrid' | 'mailchimp' | … }, or pass a mapping, e.g. ` +
        `parseEvents(input, { format: 'csv', mapping: { contact: ${JSON.stringify(c)}, type: ${JSON.stringify(t)}, at: ${JSON.stringify(a)}, types: { Opened: 'open' } } })`,
    },
  ]);
}

function hasColumn(keys: readonly string[], name: string): boolean {
  return keys.includes(name) || keys.some((k) => looseKey(k) === looseKey(name)) || name.includes('.');
}

function listKeys(keys: readonly string[]): string {
  if (keys.length === 0) return 'none';
  const shown = keys.slice(0, 30).map((k) => JSON.stringify(k.length > 40 ? `${k.slice(0, 37)}…` : k));
  return shown.join(', ') + (keys.length > 30 ? `, … (${keys.length} in all)` : '');
}
