import type { Contact } from '../model/contact.js';
import type { TerritoryRule } from '../model/rep.js';
import { canonicalCountry, canonicalRegion, normalizePlace } from './geo.js';

/** Named territory definitions: a name → one rule or several (any may match). */
export type TerritoryDefinitions = Readonly<Record<string, TerritoryRule | readonly TerritoryRule[]>>;

/** The contact fields territory rules look at. */
export type TerritoryContact = Pick<Contact, 'email' | 'territory' | 'country' | 'region' | 'postalCode' | 'company'>;

/** True when a territory field is filled (not missing, not blank). */
export function isFilled(v: string | undefined): boolean {
  return v !== undefined && v.trim() !== '';
}

/** True when the contact carries any territory data: a territory name, country, region or postal code. */
export function hasTerritoryData(c: Partial<TerritoryContact>): boolean {
  return [c.territory, c.country, c.region, c.postalCode].some(isFilled);
}

/**
 * Matches a contact against a rep's territories (names or inline rules) and returns the label of the
 * first one that matches, or undefined. A name matches the contact's own `territory` or a named
 * definition; a rule matches when every field it sets matches (any value within a field).
 *
 * @example
 * matchTerritories({ email: 'a@b.de', country: 'Deutschland' }, [{ countries: ['DE'] }], {}) //=> 'countries DE'
 */
export function matchTerritories(
  contact: Partial<TerritoryContact> & { email: string },
  territories: readonly (string | TerritoryRule)[],
  definitions: TerritoryDefinitions,
): string | undefined {
  for (const t of territories) {
    if (typeof t === 'string') {
      if (contact.territory !== undefined && normalizePlace(contact.territory) === normalizePlace(t)) return t;
      const def = definitions[t];
      if (def === undefined) continue;
      const rules: readonly TerritoryRule[] = Array.isArray(def) ? def : [def as TerritoryRule];
      if (rules.some((r) => matchRule(contact, r))) return t;
    } else if (matchRule(contact, t)) {
      return t.name ?? describeRule(t);
    }
  }
  return undefined;
}

/** True when every field the rule sets matches the contact. A rule that sets nothing matches nothing. */
export function matchRule(c: Partial<TerritoryContact> & { email: string }, rule: TerritoryRule): boolean {
  let tested = false;
  if (rule.countries !== undefined) {
    tested = true;
    if (c.country === undefined) return false;
    const mine = canonicalCountry(c.country);
    if (!rule.countries.some((x) => canonicalCountry(x) === mine)) return false;
  }
  if (rule.regions !== undefined) {
    tested = true;
    if (c.region === undefined) return false;
    const mine = canonicalRegion(c.region, c.country);
    if (!rule.regions.some((x) => canonicalRegion(x, c.country) === mine)) return false;
  }
  if (rule.postalCodes !== undefined) {
    tested = true;
    if (c.postalCode === undefined || !rule.postalCodes.some((p) => matchPostal(c.postalCode as string, p))) return false;
  }
  if (rule.domains !== undefined) {
    tested = true;
    const domain = c.email.slice(c.email.lastIndexOf('@') + 1).toLowerCase();
    if (!rule.domains.some((d) => domain === d.toLowerCase() || domain.endsWith(`.${d.toLowerCase()}`))) return false;
  }
  if (rule.companies !== undefined) {
    tested = true;
    if (c.company === undefined) return false;
    const mine = normalizePlace(c.company);
    if (!rule.companies.some((x) => normalizePlace(x) === mine)) return false;
  }
  return tested;
}

/** A postal code against a prefix (`"80"`) or an inclusive range (`"80000-80999"`), spaces ignored. */
export function matchPostal(code: string, pattern: string): boolean {
  const c = code.replace(/\s+/g, '').toUpperCase();
  const p = pattern.replace(/\s+/g, '').toUpperCase();
  const range = /^([0-9A-Z]+)-([0-9A-Z]+)$/.exec(p);
  if (range && range[1] !== undefined && range[2] !== undefined && range[1].length === range[2].length) {
    const head = c.slice(0, range[1].length);
    if (head.length < range[1].length) return false;
    return head >= range[1] && head <= range[2];
  }
  return c.startsWith(p);
}

function describeRule(rule: TerritoryRule): string {
  const parts: string[] = [];
  if (rule.countries) parts.push(`countries ${rule.countries.join(', ')}`);
  if (rule.regions) parts.push(`regions ${rule.regions.join(', ')}`);
  if (rule.postalCodes) parts.push(`postal codes ${rule.postalCodes.join(', ')}`);
  if (rule.domains) parts.push(`domains ${rule.domains.join(', ')}`);
  if (rule.companies) parts.push(`accounts ${rule.companies.join(', ')}`);
  return parts.join('; ');
}
