import type { Contact } from '../model/contact.js';
import { ContactSchema } from '../model/contact.js';
import type { IngestInput } from './container.js';
import { canonicalEmail } from './emails.js';
import { flag, isObj } from './fields.js';
import type { Rejection } from './result.js';
import type { RowResult, TableMeta } from './tables.js';
import { aliasMap, collectRows, resolveColumns, splitList, tableRows, zodRejection } from './tables.js';

/**
 * CRM export headers (HubSpot, Salesforce labels and API names, Act!, Mailchimp) per contact field,
 * matched whatever their case, spacing and punctuation. @default see the source table
 */
export const CONTACT_COLUMNS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  email: ['E-mail', 'Email Address', 'E-mail Address', 'PersonEmail', 'Primary Email', 'EmailAddress', 'Work Email'],
  firstName: ['First Name', 'FirstName', 'Given Name', 'First'],
  lastName: ['Last Name', 'LastName', 'Surname', 'Family Name', 'Last'],
  name: ['Full Name', 'Contact', 'Contact Name', 'FullName'],
  company: ['Company Name', 'Company', 'Account Name', 'Account', 'Organization', 'Organisation', 'Company / Account', 'Associated Company'],
  title: ['Job Title', 'Title', 'Position'],
  phone: ['Phone Number', 'Phone', 'Business Phone', 'BusinessPhone', 'Work Phone', 'Mobile Phone', 'Mobile Phone Number', 'MobilePhone', 'Mobile', 'Cell Phone'],
  country: ['Country/Region', 'Country', 'CC', 'Country Code', 'MailingCountry', 'BusinessAddressCountry'],
  region: ['State/Region', 'State', 'Region', 'Province', 'State/Province', 'MailingState', 'BusinessAddressState', 'REGION'],
  postalCode: ['Postal Code', 'PostalCode', 'Zip', 'ZIP Code', 'Zipcode', 'Postcode', 'MailingPostalCode', 'BusinessAddressPostalCode'],
  timezone: ['Time Zone', 'Timezone', 'TZ', 'TIMEZONE'],
  owner: ['Contact owner', 'Owner', 'Lead Owner', 'OwnerId', 'Record Manager', 'Account Owner', 'Contact Owner Email'],
  territory: ['Territory', 'Sales Territory', 'Territory Name'],
  doNotCall: ['Do Not Call', 'DoNotCall', 'DNC', 'PersonDoNotCall'],
  tags: ['Tags', 'TAGS', 'Labels'],
});
const ALIASES = aliasMap(CONTACT_COLUMNS);

/** Options of {@link parseContacts}. */
export interface ParseContactsOptions {
  /** Extra or overriding columns: `{ 'Kundennummer': 'attributes', 'Region (Vertrieb)': 'territory' }` (header → field). */
  columns?: Record<string, string>;
}

/**
 * Reads contacts from a CRM export (CSV with a header row, a JSON array, NDJSON, or objects). Known
 * headers become fields whatever their case or spacing (`E-mail`, `First Name`, `Company Name`,
 * `State/Region`, `Contact owner`, `Do Not Call` with yes/no/true/false/1/0…); unknown columns are kept
 * in `attributes`. A row without a valid e-mail, or with an unreadable yes/no, is a rejection naming
 * row and field. Never throws on data.
 *
 * @example
 * parseContacts('Email,First Name,Do Not Call,Herd size\nann@x.com,Ann,no,120').contacts[0]
 * //=> { email: 'ann@x.com', firstName: 'Ann', doNotCall: false, attributes: { 'Herd size': '120' }, tags: [] }
 */
export function parseContacts(input: IngestInput, options: ParseContactsOptions = {}): { contacts: Contact[]; rejected: Rejection[]; meta: TableMeta } {
  const { kind, rows } = tableRows(input);
  const extra = new Map(Object.entries(options.columns ?? {}));
  const columnsOf = new Map<string, Map<string, string>>();
  const seen: Record<string, string> = {};
  const { values, rejected, meta } = collectRows(kind, rows, (row) => {
    if (!isObj(row)) return { ok: false, code: 'not_an_object', message: 'is not a row of named columns' };
    const names = Object.keys(row);
    const sig = names.join('\u0000');
    let cols = columnsOf.get(sig);
    if (cols === undefined) {
      cols = resolveColumns(names, ALIASES);
      for (const [h, f] of extra) if (names.includes(h)) cols.set(h, f);
      if (columnsOf.size < 100) columnsOf.set(sig, cols);
      for (const [h, f] of cols) if (f !== 'attributes') seen[h] = f;
    }
    return buildContact(row, cols);
  });
  meta.columns = seen;
  return { contacts: values, rejected, meta };
}

function buildContact(row: Readonly<Record<string, unknown>>, cols: Map<string, string>): RowResult<Contact> {
  const out: Record<string, unknown> = { attributes: {} as Record<string, unknown> };
  const attributes = out.attributes as Record<string, unknown>;
  const columnOf = (field: string): string => [...cols].find(([, f]) => f === field)?.[0] ?? field;
  for (const name of Object.keys(row)) {
    const value = row[name];
    if (value === undefined || value === null || value === '') continue;
    const field = cols.get(name);
    if (field === undefined || field === 'attributes') {
      if (['string', 'number', 'boolean'].includes(typeof value)) Object.defineProperty(attributes, name, { value, enumerable: true, writable: true, configurable: true });
      continue;
    }
    if (field === 'doNotCall') {
      const b = flag(value);
      if (b === undefined) return { ok: false, code: 'invalid_value', message: `${name} must be yes/no, true/false or 1/0 (got ${JSON.stringify(String(value))})`, field: name };
      out.doNotCall = b;
    } else if (field === 'tags') out.tags = splitList(value);
    else if (field === 'email') {
      const e = canonicalEmail(value);
      if (!e.ok) return { ok: false, code: e.code, message: `${name} ${e.message}`, field: name };
      out.email = e.email;
    } else out[field] = typeof value === 'string' ? value.trim() : String(value);
  }
  if (out.email === undefined) return { ok: false, code: 'missing_email', message: `${columnOf('email') === 'email' ? 'the row' : columnOf('email')} has no e-mail address`, field: columnOf('email') };
  const parsed = ContactSchema.safeParse(out);
  return parsed.success ? { ok: true, value: parsed.data } : zodRejection(parsed.error, out, columnOf);
}
