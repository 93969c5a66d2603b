// A custom provider mapping: an export no built-in reader knows (a German newsletter tool, `;`-separated,
// local times without a zone). Name its columns and its event words once, and read it like any other.
// The same mapping works on the command line: leadrank score export.csv --mapping mapping.json --timezone Europe/Berlin
// Run: npm run build && node examples/custom-mapping.mjs
import { fileURLToPath } from 'node:url';
import { readEvents } from 'leadrank/node';
import { scoreContacts } from 'leadrank';

const mapping = {
  contact: 'E-mail Address',
  type: 'Activity',
  at: 'When',
  url: 'Link',
  campaign: 'Mailing',
  machine: 'Bot?', // the tool flags bot traffic in a yes/no ("ja"/"nein") column
  types: { Geöffnet: 'open', Geklickt: 'click', Zugestellt: 'delivered', Abgemeldet: 'unsubscribe', Unzustellbar: 'bounce', Versendet: 'sent', Weitergeleitet: 'forward' },
};
const file = fileURLToPath(new URL('../fixtures/generic/mapped.csv', import.meta.url));
const { events, rejected, meta } = await readEvents(file, { format: 'csv', mapping, timezone: 'Europe/Berlin' });
console.log(`${meta.records} records → ${events.length} events; rejected: ${rejected.map((r) => `record ${r.record} ${r.code}`).join(', ') || 'none'}`);
for (const note of meta.notes) console.log(`note: ${note}`);
for (const c of scoreContacts(events, { asOf: '2026-11-23' }).slice(0, 3)) console.log(`${c.rank}. ${c.contact} ${c.label} ${c.score}`);
