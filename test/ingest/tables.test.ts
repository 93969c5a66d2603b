import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContacts } from '../../src/ingest/contacts.js';
import { parseOutcomes } from '../../src/ingest/outcomes.js';
import { parseReps } from '../../src/ingest/reps.js';
import { FIXTURES } from './fixtures.js';

const crm = (f: string): string => readFileSync(join(FIXTURES, 'crm', f), 'utf8');

describe('parseContacts', () => {
  it('reads a HubSpot export: known headers become fields, unknown ones attributes, bad rows rejections naming row and field', () => {
    const { contacts, rejected, meta } = parseContacts(crm('hubspot-contacts.csv'));
    expect(contacts.map((c) => c.email)).toEqual(['ann.lee@acme-farms.com', 'bob@orchard.example']);
    expect(contacts[0]).toMatchObject({
      firstName: 'Ann', lastName: 'Lee', company: 'Acme Farms', phone: '+1 515 555 0101', owner: 'rep-anna', region: 'IA',
      country: 'United States', postalCode: '50010', timezone: 'America/Chicago', territory: 'US Midwest', doNotCall: false,
      attributes: { 'Record ID': '39779198735', 'Mobile Phone Number': '+1 515 555 0199', 'Lifecycle Stage': 'Lead', 'Herd Size': '120' },
    });
    expect(contacts[1]!.doNotCall).toBe(true);
    expect(rejected.map((r) => [r.record, r.code, r.field])).toEqual([
      [3, 'invalid_email', 'Email'],
      [4, 'invalid_value', 'Do Not Call'],
    ]);
    expect(meta).toMatchObject({ records: 4, accepted: 2, rejected: 2 });
    expect(meta.columns['Contact owner']).toBe('owner');
  });

  it('reads a Salesforce report and ignores its footer lines by rule', () => {
    const { contacts, rejected, meta } = parseContacts(crm('salesforce-leads-report.csv'));
    expect(contacts.map((c) => [c.email, c.owner, c.company, c.doNotCall])).toEqual([
      ['erin@dairy.example', 'Anna Rep', 'Dairy Co', false],
      ['frank@mill.example', 'Bill Rep', 'Mill Ltd', true],
    ]);
    expect(rejected).toEqual([]);
    expect(meta.ignored).toEqual({ report_footer: 3 });
  });

  it('reads an Act! export with E-mail, Contact and ZIP Code headers', () => {
    const { contacts } = parseContacts(crm('act-export.csv'));
    expect(contacts[0]).toMatchObject({ email: 'gail@ranch.example', name: 'Gail Ranch', company: 'Ranch Supply', postalCode: '73301', phone: '555-4001', owner: 'rep-anna' });
  });

  it('matches headers whatever their case and spacing, in JSON too, without prototype pollution', () => {
    const { contacts } = parseContacts([{ ' EMAIL ': 'x@y.com', 'first name': 'X', 'do not call': 1 }, JSON.parse('{"email":"z@y.com","__proto__":{"polluted":1}}')]);
    expect(contacts.map((c) => [c.email, c.firstName, c.doNotCall])).toEqual([['x@y.com', 'X', true], ['z@y.com', undefined, false]]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseReps', () => {
  it('splits list cells on ; and |, reads days, hours and out-of-office ranges, and rejects a bad capacity', () => {
    const { reps, rejected } = parseReps(crm('reps.csv'));
    expect(reps[0]).toMatchObject({
      id: 'rep-anna', territories: ['US Midwest', 'US South'], expertise: ['tractors', 'veterinary'], capacity: 25,
      workingDays: [1, 2, 3, 4, 5], workingHours: { start: '08:00', end: '16:00' },
      outOfOffice: ['2026-11-26', { from: '2026-12-24', to: '2026-12-31' }],
    });
    expect(reps[1]).toMatchObject({ id: 'rep-bill', workingDays: [1, 2, 3, 4], expertise: ['feed'] });
    expect(rejected.map((r) => [r.record, r.code, r.field])).toEqual([[3, 'invalid_value', 'capacity']]);
    expect(rejected[0]!.message).toContain('"ten"');
  });
});

describe('parseOutcomes', () => {
  it('normalises common disposition spellings, interest and callback dates, and rejects what it cannot read', () => {
    const { outcomes, rejected, meta } = parseOutcomes(crm('outcomes.csv'), { timezone: 'America/Chicago' });
    expect(outcomes.map((o) => o.disposition)).toEqual(['voicemail', 'meeting_booked', 'callback', 'do_not_call']);
    expect(outcomes[1]).toMatchObject({ rep: 'rep-bill', interest: 4, note: 'Wants a demo of the new tractor' });
    expect(outcomes[2]!.callbackAt).toBe(Date.UTC(2026, 10, 27, 15));
    expect(outcomes[0]!.at).toBe(Date.UTC(2026, 10, 20, 16));
    expect(rejected.map((r) => [r.record, r.code, r.field])).toEqual([
      [5, 'unknown_disposition', 'Outcome'],
      [6, 'invalid_value', 'Interest'],
    ]);
    expect(meta.notes).toEqual(['times had no zone; read as local time in America/Chicago']);
  });
});
