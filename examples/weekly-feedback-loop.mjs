// The weekly feedback loop between sales and marketing, as a script:
// Monday: exports → call lists; during the week the reps log outcomes; next Monday: the campaign
// report and segments for marketing, and the new lists, which honour the outcomes (cooldowns,
// callbacks, do-not-call, the interest the rep noted).
// Run: npm run build && node examples/weekly-feedback-loop.mjs [out-dir]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readContacts, readEvents, readOutcomes, readReps, writeCallLists, writeCampaignReport, writeSegments } from 'leadrank/node';
import { allocateCalls, buildCampaignReport, buildSegments, scoreContacts } from 'leadrank';

const dir = (p) => fileURLToPath(new URL(`../fixtures/scenario/exports/${p}`, import.meta.url));
const out = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'leadrank-week-'));
const config = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(dir('leadrank.json'), 'utf8')));

// Every export of the week, whatever the provider.
const reads = await Promise.all([
  readEvents(dir('sendgrid-webhook.json')),
  readEvents(dir('mailgun-events.json')),
  readEvents(dir('website-activity.csv'), { format: 'csv', timezone: 'Europe/Berlin', mapping: JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(dir('website-mapping.json'), 'utf8'))) }),
]);
const events = reads.flatMap((r) => r.events);
const { contacts } = await readContacts(dir('contacts.csv'));
const { reps } = await readReps(dir('reps.csv'));
const { outcomes } = await readOutcomes(dir('outcomes.csv'), { timezone: 'Europe/Berlin' });

// Monday 1: the lists.
const monday = '2026-11-16T08:00:00Z';
const first = allocateCalls(scoreContacts(events, { asOf: monday, model: config.scoring, contacts }), reps, { ...config.allocation, asOf: monday });
await writeCallLists(join(out, 'lists-1'), first);

// Monday 2: marketing's report and segments, and the new lists with the week's outcomes.
const asOf = '2026-11-23T12:00:00Z';
const scored = scoreContacts(events, { asOf, model: config.scoring, contacts });
const report = buildCampaignReport(events, { asOf, model: config.scoring, contacts, outcomes, allocation: first });
await writeCampaignReport(join(out, 'report'), report);
const segments = buildSegments(scored, { asOf, outcomes });
await writeSegments(join(out, 'segments'), segments);
const next = allocateCalls(scored, reps, { ...config.allocation, asOf, outcomes });
await writeCallLists(join(out, 'lists-2'), next, { format: 'md' });

for (const c of report.campaigns) console.log(`${c.campaign}: ${c.funnel.called} called, ${c.funnel.won} won`);
console.log(`segments: ${segments.segments.map((s) => `${s.name} ${s.contacts.length}`).join(', ')}`);
console.log(`next lists: ${next.stats.assigned} leads, ${next.stats.unassignedByReason.cooldown ?? 0} in cooldown after this week's calls`);
console.log(`files in ${out}`);
