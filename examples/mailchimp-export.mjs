// A script on a Mailchimp export: read the email-activity report (Marketing API
// /reports/{campaign_id}/email-activity, saved as JSON) and print the contacts worth a call.
// Run: npm run build && node examples/mailchimp-export.mjs [path/to/email-activity.json]
import { fileURLToPath } from 'node:url';
import { readEvents } from 'leadrank/node';
import { scoreContacts } from 'leadrank';

const file = process.argv[2] ?? fileURLToPath(new URL('../fixtures/mailchimp/email-activity.json', import.meta.url));
const { events, rejected, meta } = await readEvents(file); // the provider is detected: meta.format === 'mailchimp'
console.log(`${meta.format}: ${meta.records} records → ${events.length} events, ${rejected.length} rejected`);

// asOf is an input: the library never reads the clock. Use the day of the export.
const ranked = scoreContacts(events, { asOf: '2024-05-10T00:00:00Z' });
for (const c of ranked.filter((c) => c.score > 0).slice(0, 5)) {
  console.log(`${c.rank}. ${c.contact} ${c.label} (${c.score}) ${c.interests[0]?.topic ?? ''} | ${c.reasons[0]?.text ?? ''}`);
}
