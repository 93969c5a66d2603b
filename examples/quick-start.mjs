import { readFileSync } from 'node:fs';
import { allocateCalls, parseContacts, parseEvents, parseReps, scoreContacts } from 'leadrank';

const read = (file) => readFileSync(new URL(`../fixtures/scenario/exports/${file}`, import.meta.url), 'utf8');
const asOf = '2026-11-23T12:00:00Z'; // time is an input: the same files always give the same lists
const { scoring, allocation } = JSON.parse(read('leadrank.json')); // fit rules, territories
const exports = ['sendgrid-webhook.json', 'mailgun-events.json'].map((f) => parseEvents(read(f))); // providers auto-detected
const events = exports.flatMap((r) => r.events);
const { contacts } = parseContacts(read('contacts.csv')); // a HubSpot contacts export
const { reps } = parseReps(read('reps.csv'));
const leads = scoreContacts(events, { asOf, contacts, model: scoring }); // ranked, with reasons
const { lists, unassigned } = allocateCalls(leads, reps, { asOf, ...allocation });
for (const { rep, entries } of lists) console.log(rep.id, entries.map((e) => `${e.label} ${e.contact}: ${e.reasons[0]}`));
console.log(exports.map((r) => `${r.meta.format}: ${r.events.length} events, ${r.rejected.length} rejected`), `${unassigned.length} on no list`);
