/**
 * Country and region names, so "Germany", "DE" and "Deutschland" (or "Iowa" and "IA") compare equal,
 * and the time zone of a country or region when it has exactly one. Lists are short on purpose: a
 * value that is not in them is still compared by its normalised text.
 */

/** Lower-case, without accents, dots or extra spaces: `"Baden-Württemberg "` → `"baden-wurttemberg"`. */
export function normalizePlace(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/\./g, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

// ISO code, names…, and the zone when the country has exactly one.
const COUNTRIES: readonly (readonly [string, string[], string?])[] = [
  ['US', ['united states', 'united states of america', 'usa', 'america']],
  ['CA', ['canada']],
  ['MX', ['mexico']],
  ['BR', ['brazil', 'brasil']],
  ['AR', ['argentina'], 'America/Argentina/Buenos_Aires'],
  ['DE', ['germany', 'deutschland', 'allemagne'], 'Europe/Berlin'],
  ['AT', ['austria', 'osterreich'], 'Europe/Vienna'],
  ['CH', ['switzerland', 'schweiz', 'suisse'], 'Europe/Zurich'],
  ['FR', ['france'], 'Europe/Paris'],
  ['NL', ['netherlands', 'the netherlands', 'holland', 'nederland'], 'Europe/Amsterdam'],
  ['BE', ['belgium', 'belgie', 'belgique'], 'Europe/Brussels'],
  ['LU', ['luxembourg'], 'Europe/Luxembourg'],
  ['DK', ['denmark', 'danmark'], 'Europe/Copenhagen'],
  ['SE', ['sweden', 'sverige'], 'Europe/Stockholm'],
  ['NO', ['norway', 'norge'], 'Europe/Oslo'],
  ['FI', ['finland', 'suomi'], 'Europe/Helsinki'],
  ['PL', ['poland', 'polska'], 'Europe/Warsaw'],
  ['CZ', ['czechia', 'czech republic'], 'Europe/Prague'],
  ['IT', ['italy', 'italia'], 'Europe/Rome'],
  ['ES', ['spain', 'espana']],
  ['PT', ['portugal']],
  ['GB', ['united kingdom', 'uk', 'great britain', 'britain', 'england'], 'Europe/London'],
  ['IE', ['ireland', 'eire'], 'Europe/Dublin'],
  ['UA', ['ukraine']],
  ['IN', ['india'], 'Asia/Kolkata'],
  ['CN', ['china'], 'Asia/Shanghai'],
  ['JP', ['japan'], 'Asia/Tokyo'],
  ['AU', ['australia']],
  ['NZ', ['new zealand']],
  ['ZA', ['south africa'], 'Africa/Johannesburg'],
];

// US states: code, name, zone when the whole state keeps one (split states have none).
const US_STATES: readonly (readonly [string, string, string?])[] = [
  ['AL', 'alabama', 'America/Chicago'], ['AK', 'alaska'], ['AZ', 'arizona', 'America/Phoenix'],
  ['AR', 'arkansas', 'America/Chicago'], ['CA', 'california', 'America/Los_Angeles'], ['CO', 'colorado', 'America/Denver'],
  ['CT', 'connecticut', 'America/New_York'], ['DE', 'delaware', 'America/New_York'], ['DC', 'district of columbia', 'America/New_York'],
  ['FL', 'florida'], ['GA', 'georgia', 'America/New_York'], ['HI', 'hawaii', 'Pacific/Honolulu'], ['ID', 'idaho'],
  ['IL', 'illinois', 'America/Chicago'], ['IN', 'indiana'], ['IA', 'iowa', 'America/Chicago'], ['KS', 'kansas'],
  ['KY', 'kentucky'], ['LA', 'louisiana', 'America/Chicago'], ['ME', 'maine', 'America/New_York'],
  ['MD', 'maryland', 'America/New_York'], ['MA', 'massachusetts', 'America/New_York'], ['MI', 'michigan'],
  ['MN', 'minnesota', 'America/Chicago'], ['MS', 'mississippi', 'America/Chicago'], ['MO', 'missouri', 'America/Chicago'],
  ['MT', 'montana', 'America/Denver'], ['NE', 'nebraska'], ['NV', 'nevada', 'America/Los_Angeles'],
  ['NH', 'new hampshire', 'America/New_York'], ['NJ', 'new jersey', 'America/New_York'], ['NM', 'new mexico', 'America/Denver'],
  ['NY', 'new york', 'America/New_York'], ['NC', 'north carolina', 'America/New_York'], ['ND', 'north dakota'],
  ['OH', 'ohio', 'America/New_York'], ['OK', 'oklahoma', 'America/Chicago'], ['OR', 'oregon'],
  ['PA', 'pennsylvania', 'America/New_York'], ['RI', 'rhode island', 'America/New_York'], ['SC', 'south carolina', 'America/New_York'],
  ['SD', 'south dakota'], ['TN', 'tennessee'], ['TX', 'texas'], ['UT', 'utah', 'America/Denver'],
  ['VT', 'vermont', 'America/New_York'], ['VA', 'virginia', 'America/New_York'], ['WA', 'washington', 'America/Los_Angeles'],
  ['WV', 'west virginia', 'America/New_York'], ['WI', 'wisconsin', 'America/Chicago'], ['WY', 'wyoming', 'America/Denver'],
];

// German states: code, names (German and English).
const DE_STATES: readonly (readonly [string, string[]])[] = [
  ['BW', ['baden-wurttemberg', 'baden-wuerttemberg']], ['BY', ['bayern', 'bavaria']], ['BE', ['berlin']],
  ['BB', ['brandenburg']], ['HB', ['bremen']], ['HH', ['hamburg']], ['HE', ['hessen', 'hesse']],
  ['MV', ['mecklenburg-vorpommern', 'mecklenburg-western pomerania']], ['NI', ['niedersachsen', 'lower saxony']],
  ['NW', ['nordrhein-westfalen', 'north rhine-westphalia']], ['RP', ['rheinland-pfalz', 'rhineland-palatinate']],
  ['SL', ['saarland']], ['SN', ['sachsen', 'saxony']], ['ST', ['sachsen-anhalt', 'saxony-anhalt']],
  ['SH', ['schleswig-holstein']], ['TH', ['thuringen', 'thueringen', 'thuringia']],
];

const countryByName = new Map<string, string>();
const countryZone = new Map<string, string>();
for (const [code, names, zone] of COUNTRIES) {
  countryByName.set(code.toLowerCase(), code);
  for (const n of names) countryByName.set(n, code);
  if (zone !== undefined) countryZone.set(code, zone);
}
const regionByName = new Map<string, string>();
const regionZone = new Map<string, string>();
for (const [code, name, zone] of US_STATES) {
  regionByName.set(`us:${code.toLowerCase()}`, `US-${code}`);
  regionByName.set(`us:${name}`, `US-${code}`);
  regionByName.set(`*:${name}`, `US-${code}`);
  if (zone !== undefined) regionZone.set(`US-${code}`, zone);
}
for (const [code, names] of DE_STATES) {
  regionByName.set(`de:${code.toLowerCase()}`, `DE-${code}`);
  for (const n of names) {
    regionByName.set(`de:${n}`, `DE-${code}`);
    if (!regionByName.has(`*:${n}`)) regionByName.set(`*:${n}`, `DE-${code}`);
  }
  regionZone.set(`DE-${code}`, 'Europe/Berlin');
}

/** The ISO 3166-1 code of a country name or code, or the normalised text when unknown. */
export function canonicalCountry(value: string): string {
  const n = normalizePlace(value);
  return countryByName.get(n) ?? n;
}

/**
 * A region's ISO 3166-2 code (`US-IA`, `DE-BY`) from its name or code, using the country when it is
 * known (a bare two-letter code needs it; full names do not); otherwise the normalised text.
 */
export function canonicalRegion(value: string, country?: string): string {
  const n = normalizePlace(value);
  const c = country === undefined ? undefined : canonicalCountry(country).toLowerCase();
  if (/^[a-z]{2}-[a-z0-9]{1,3}$/.test(n)) return n.toUpperCase();
  return (c !== undefined ? regionByName.get(`${c}:${n}`) : undefined) ?? regionByName.get(`*:${n}`) ?? n;
}

/** The one time zone of a region or, failing that, of a country; undefined when ambiguous or unknown. */
export function zoneOfPlace(country?: string, region?: string): { timeZone: string; source: 'country' | 'region' } | undefined {
  if (region !== undefined) {
    const zone = regionZone.get(canonicalRegion(region, country));
    if (zone !== undefined) return { timeZone: zone, source: 'region' };
  }
  if (country !== undefined) {
    const zone = countryZone.get(canonicalCountry(country));
    if (zone !== undefined) return { timeZone: zone, source: 'country' };
  }
  return undefined;
}
