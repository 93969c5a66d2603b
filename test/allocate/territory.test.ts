import { describe, expect, it } from 'vitest';
import { canonicalCountry, canonicalRegion, zoneOfPlace } from '../../src/allocate/geo.js';
import { matchPostal, matchRule, matchTerritories } from '../../src/allocate/territory.js';

describe('territory rules', () => {
  it('treats Germany, DE and Deutschland as one country', () => {
    expect(canonicalCountry('Germany')).toBe('DE');
    expect(canonicalCountry(' deutschland ')).toBe('DE');
    expect(matchRule({ email: 'a@b.de', country: 'DE' }, { countries: ['Deutschland'] })).toBe(true);
    expect(matchRule({ email: 'a@b.com', country: 'US' }, { countries: ['Germany'] })).toBe(false);
  });

  it('treats a state name and its code as one region within the contact country', () => {
    expect(canonicalRegion('Iowa')).toBe('US-IA');
    expect(canonicalRegion('IA', 'USA')).toBe('US-IA');
    expect(canonicalRegion('Bavaria', 'DE')).toBe('DE-BY');
    expect(matchRule({ email: 'a@b.com', country: 'US', region: 'Iowa' }, { regions: ['IA'] })).toBe(true);
    expect(matchRule({ email: 'a@b.de', country: 'DE', region: 'Bayern' }, { regions: ['Bavaria'] })).toBe(true);
  });

  it('matches postal-code prefixes and inclusive ranges', () => {
    expect(matchPostal('80331', '80')).toBe(true);
    expect(matchPostal('81331', '80')).toBe(false);
    expect(matchPostal('50010', '50000-50999')).toBe(true);
    expect(matchPostal('51000', '50000-50999')).toBe(false);
    expect(matchPostal('SW1A 1AA', 'SW1')).toBe(true);
  });

  it('matches e-mail domains (with subdomains) and named accounts', () => {
    expect(matchRule({ email: 'x@mail.acme.com' }, { domains: ['acme.com'] })).toBe(true);
    expect(matchRule({ email: 'x@notacme.com' }, { domains: ['acme.com'] })).toBe(false);
    expect(matchRule({ email: 'x@y.com', company: 'Johnson  Farms' }, { companies: ['johnson farms'] })).toBe(true);
  });

  it('requires every field a rule sets, and a rule that sets nothing matches nothing', () => {
    const rule = { countries: ['US'], regions: ['Texas'] };
    expect(matchRule({ email: 'a@b.com', country: 'US', region: 'TX' }, rule)).toBe(true);
    expect(matchRule({ email: 'a@b.com', country: 'US', region: 'Iowa' }, rule)).toBe(false);
    expect(matchRule({ email: 'a@b.com', country: 'US' }, {})).toBe(false);
  });

  it('matches a territory name against the contact territory or a named definition', () => {
    const defs = { 'US South': { countries: ['US'], regions: ['Texas'] } };
    expect(matchTerritories({ email: 'a@b.com', territory: 'us south' }, ['US South'], {})).toBe('US South');
    expect(matchTerritories({ email: 'a@b.com', country: 'US', region: 'Texas' }, ['US South'], defs)).toBe('US South');
    expect(matchTerritories({ email: 'a@b.com', country: 'US', region: 'Iowa' }, ['US South'], defs)).toBeUndefined();
    expect(matchTerritories({ email: 'a@b.de', country: 'DE' }, [{ countries: ['DE'] }], {})).toBe('countries DE');
  });

  it('knows a time zone only where the place has exactly one', () => {
    expect(zoneOfPlace('US', 'Iowa')).toEqual({ timeZone: 'America/Chicago', source: 'region' });
    expect(zoneOfPlace('US', 'Texas')).toBeUndefined();
    expect(zoneOfPlace('Germany')).toEqual({ timeZone: 'Europe/Berlin', source: 'country' });
    expect(zoneOfPlace('US')).toBeUndefined();
  });
});
