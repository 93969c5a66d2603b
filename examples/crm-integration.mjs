// A CRM integration that embeds the core: no `node:` imports, no files, so the same code runs in a
// serverless function, an edge worker or a browser. A webhook body comes in, call lists go out.
// Run: npm run build && node examples/crm-integration.mjs
import { allocateCalls, parseEvents, scoreContacts } from 'leadrank';

// What the CRM hands over: a SendGrid Event Webhook POST body, its contacts and its sales reps.
const webhookBody = JSON.stringify([
  { email: 'ann@acme-farms.example', timestamp: 1795251600, event: 'open', sg_event_id: 'e1', sg_message_id: 'm1', useragent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130.0' },
  { email: 'ann@acme-farms.example', timestamp: 1795251660, event: 'click', sg_event_id: 'e2', sg_message_id: 'm1', url: 'https://shop.example/pricing', useragent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130.0' },
  { email: 'bob@orchard.example', timestamp: 1795255200, event: 'open', sg_event_id: 'e3', sg_message_id: 'm2', useragent: 'Mozilla/5.0 (Macintosh) Safari/605.1.15' },
  { email: 'cid@dairy.example', timestamp: 1795255300, event: 'click', sg_event_id: 'e4', sg_message_id: 'm3', url: 'https://shop.example/tractors/x9', useragent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/131.0' },
]);
const contacts = [
  { email: 'ann@acme-farms.example', name: 'Ann Lee', company: 'Acme Farms', phone: '+1 515 555 0101', country: 'US', region: 'Iowa', timezone: 'America/Chicago' },
  { email: 'bob@orchard.example', name: 'Bob Orchard', country: 'US', region: 'Texas', timezone: 'America/Chicago' },
  { email: 'cid@dairy.example', name: 'Cid Meyer', country: 'DE', region: 'Bavaria', timezone: 'Europe/Berlin' },
];
const reps = [
  { id: 'rep-us', name: 'Ivy', capacity: 10, territories: [{ countries: ['US'] }], expertise: ['pricing'] },
  { id: 'rep-de', name: 'Dieter', capacity: 10, territories: [{ countries: ['DE'] }], expertise: ['tractors'] },
];

/** The integration's one function: pure, given the time of the request. */
export function callListsFor(body, asOf) {
  const { events, rejected } = parseEvents(body);
  const scored = scoreContacts(events, { asOf, contacts });
  const allocation = allocateCalls(scored, reps, { asOf });
  return { allocation, rejected };
}

const { allocation, rejected } = callListsFor(webhookBody, '2026-11-23T12:00:00Z');
for (const list of allocation.lists) {
  console.log(`${list.rep.name ?? list.rep.id}: ${list.entries.map((e) => `${e.position}. ${e.details.name ?? e.contact} (${e.score}) ${e.why.text}`).join(' / ') || 'no calls'}`);
}
console.log(`unassigned: ${allocation.unassigned.map((u) => `${u.contact} (${u.reason})`).join(', ') || 'none'}; rejected records: ${rejected.length}`);
