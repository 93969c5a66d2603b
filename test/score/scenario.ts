import { readFileSync } from 'node:fs';
import type { ContactInput } from '../../src/model/contact.js';
import type { EngagementEvent } from '../../src/model/event.js';
import type { ScoringModelInput } from '../../src/score/schema.js';

const dir = new URL('../../fixtures/scenario/', import.meta.url);

/** The shared scenario (fixtures/scenario): events, CRM contacts, the golden model and asOf. */
export const scenario = {
  asOf: '2026-11-23T12:00:00Z',
  events: readFileSync(new URL('events.ndjson', dir), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as EngagementEvent),
  contacts: JSON.parse(readFileSync(new URL('contacts.json', dir), 'utf8')) as ContactInput[],
  model: JSON.parse(readFileSync(new URL('model.json', dir), 'utf8')) as ScoringModelInput,
};
