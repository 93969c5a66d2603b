import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContacts, readOutcomes, readReps } from '../../src/node/readTables.js';
import { FIXTURES } from '../ingest/fixtures.js';

describe('readContacts, readReps and readOutcomes', () => {
  it('read the CRM fixtures from files', async () => {
    expect((await readContacts(join(FIXTURES, 'crm', 'hubspot-contacts.csv'))).contacts).toHaveLength(2);
    expect((await readReps(join(FIXTURES, 'crm', 'reps.csv'))).reps.map((r) => r.id)).toEqual(['rep-anna', 'rep-bill']);
    expect((await readOutcomes(join(FIXTURES, 'crm', 'outcomes.csv'))).outcomes).toHaveLength(4);
  });

  it('name the file in errors', async () => {
    await expect(readReps(join(FIXTURES, 'crm', 'nope.csv'))).rejects.toThrow(/nope\.csv cannot be read/);
    await expect(readOutcomes(join(FIXTURES, 'crm', 'outcomes.csv'), { timezone: 'Mars/Base' })).rejects.toThrow(/outcomes\.csv: timezone must be an IANA time zone/);
  });
});
