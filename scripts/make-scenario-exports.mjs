#!/usr/bin/env node
// Writes fixtures/scenario/exports/: the scenario (fixtures/scenario/*.ndjson, *.json and fixtures/reps)
// as the files a user really downloads, so the CLI tests and the demo start where users start.
//   sendgrid-webhook.json   the 'Spring tractor promo' e-mail events as a SendGrid Event Webhook dump
//   mailgun-events.json     the 'Herd health webinar' e-mail events as a Mailgun Events API page
//   website-activity.csv    replies, forwards and form submissions from the CRM / website (no provider
//                           format: read with website-mapping.json; local Europe/Berlin times)
//   contacts.csv            the CRM records in HubSpot's export layout
//   reps.csv                the sales team (fixtures/reps/reps.csv)
//   outcomes.csv            the call log (local Europe/Berlin times)
//   leadrank.json           model.json as `scoring`, fixtures/reps/territories.json as `allocation.territories`
// Deterministic: run `node scripts/make-scenario-exports.mjs` after changing the scenario, then review the diff.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const root = new URL('../fixtures/', import.meta.url);
const out = new URL('scenario/exports/', root);
mkdirSync(out, { recursive: true });
const read = (p) => readFileSync(new URL(p, root), 'utf8');
const events = read('scenario/events.ndjson').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
const contacts = JSON.parse(read('scenario/contacts.json'));
const outcomes = JSON.parse(read('scenario/outcomes.json'));
const model = JSON.parse(read('scenario/model.json'));
const territories = JSON.parse(read('reps/territories.json'));
const write = (name, text) => writeFileSync(new URL(name, out), text);
const id = (...parts) => createHash('sha256').update(parts.join('|')).digest('base64url').slice(0, 22);
const ZONE = 'Europe/Berlin';

const EMAIL_TYPES = new Set(['sent', 'delivered', 'open', 'click', 'bounce', 'unsubscribe', 'complaint']);
const tractor = events.filter((e) => EMAIL_TYPES.has(e.type) && e.campaign === 'Spring tractor promo');
const herd = events.filter((e) => EMAIL_TYPES.has(e.type) && e.campaign === 'Herd health webinar');
const other = events.filter((e) => !tractor.includes(e) && !herd.includes(e));
if (other.some((e) => EMAIL_TYPES.has(e.type))) throw new Error('an e-mail event of another campaign: extend this script');

// SendGrid Event Webhook: one JSON array of events, timestamps in whole seconds.
const SG_EVENT = { sent: 'processed', delivered: 'delivered', open: 'open', click: 'click', bounce: 'bounce', unsubscribe: 'unsubscribe', complaint: 'spamreport' };
const sendgrid = tractor.map((e) => {
  const r = { email: e.contact, timestamp: Math.floor(e.at / 1000), event: SG_EVENT[e.type] };
  if (e.type === 'sent') r['smtp-id'] = `<${e.message}.${e.contact.split('@')[0]}@ismtpd-agri>`;
  r.sg_event_id = id('sg', e.source.record);
  r.sg_message_id = e.message;
  if (e.type === 'open') r.sg_machine_open = e.machine === true;
  if (e.url !== undefined) r.url = e.url;
  if (e.userAgent !== undefined) r.useragent = e.userAgent;
  if (e.ip !== undefined) r.ip = e.ip;
  if (e.type === 'bounce') Object.assign(r, e.bounce === 'soft' ? { type: 'blocked', reason: '452 4.2.2 Mailbox full', status: '4.2.2' } : { type: 'bounce', reason: '550 5.1.1 User unknown', status: '5.1.1' });
  if (e.type === 'delivered') r.response = '250 OK';
  r.category = ['spring-promo'];
  r.marketing_campaign_id = 1201;
  r.marketing_campaign_name = e.campaign;
  return r;
});
write('sendgrid-webhook.json', `[\n${sendgrid.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n]\n`);

// Mailgun Events API: { items, paging }, timestamps in seconds with fractions.
const MG_EVENT = { sent: 'accepted', delivered: 'delivered', open: 'opened', click: 'clicked', bounce: 'failed', unsubscribe: 'unsubscribed', complaint: 'complained' };
const items = herd.map((e) => {
  const r = { id: id('mg', e.source.record), event: MG_EVENT[e.type], timestamp: e.at / 1000, 'log-level': e.type === 'bounce' || e.type === 'complaint' ? 'warn' : 'info' };
  r.recipient = e.contact;
  r['recipient-domain'] = e.contact.split('@')[1];
  r.tags = [e.campaign];
  r.message = { headers: { 'message-id': `<${e.message}>`, to: e.contact, from: 'Agri Equipment <news@mg.agri.example.com>', subject: 'Herd health webinar: register now' } };
  if (e.type === 'bounce') Object.assign(r, { severity: 'permanent', reason: 'bounce', 'delivery-status': { code: 550, message: '5.1.1 The email account that you tried to reach does not exist' } });
  if (e.type === 'open' || e.type === 'click') {
    r['client-info'] = { 'client-type': 'browser', 'user-agent': e.userAgent ?? '', ...(e.machine === true ? { bot: 'apple' } : {}) };
    if (e.ip !== undefined) r.ip = e.ip;
  }
  if (e.url !== undefined) r.url = e.url;
  return r;
});
const paging = { next: 'https://api.mailgun.net/v3/mg.agri.example.com/events/W3siYSI6IGZhbHNlfV0=', previous: 'https://api.mailgun.net/v3/mg.agri.example.com/events/W3siYSI6IHRydWV9XQ==' };
write('mailgun-events.json', `{\n "items": [\n${items.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n ],\n "paging": ${JSON.stringify(paging)}\n}\n`);

// The website / CRM activity export: its own column names, local times without a zone.
const local = (ms) => {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
};
const ACTION = { form_submit: 'Form submitted', reply: 'Replied to e-mail', forward: 'Forwarded e-mail', page_view: 'Viewed page' };
const csvCell = (v) => (v === undefined || v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const csv = (header, rows) => `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
write(
  'website-activity.csv',
  csv(['Visitor Email', 'Action', 'Occurred', 'Page URL', 'Source Campaign', 'Mailing'], other.map((e) => {
    if (ACTION[e.type] === undefined) throw new Error(`no website action for ${e.type}`);
    return [e.contact, ACTION[e.type], local(e.at), e.url, e.campaign, e.message];
  })),
);
write(
  'website-mapping.json',
  `${JSON.stringify({ contact: 'Visitor Email', type: 'Action', at: 'Occurred', url: 'Page URL', campaign: 'Source Campaign', message: 'Mailing', types: Object.fromEntries(Object.entries(ACTION).map(([k, v]) => [v, k])) }, null, 2)}\n`,
);

// HubSpot "All contacts" export layout; custom properties keep their internal names (acres, herdSize, segment).
const split = (name = '') => {
  const words = name.replace(/^Dr\.\s+/, '').split(' ');
  return [words.slice(0, -1).join(' '), words.at(-1) ?? ''];
};
write(
  'contacts.csv',
  csv(
    ['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Company Name', 'Job Title', 'Country/Region', 'State/Region', 'Postal Code', 'Time Zone', 'Contact owner', 'Territory', 'Do Not Call', 'Tags', 'acres', 'herdSize', 'segment'],
    contacts.map((c, i) => {
      const [first, last] = split(c.name);
      const a = c.attributes ?? {};
      return [String(51001 + i), first, last, c.email, c.phone, c.company, c.title, c.country, c.region, c.postalCode, c.timezone, c.owner, c.territory, c.doNotCall ? 'Yes' : 'No', (c.tags ?? []).join(';'), a.acres, a.herdSize, a.segment];
    }),
  ),
);

write('reps.csv', read('reps/reps.csv'));

const RESULT = { no_answer: 'No answer', voicemail: 'Left voicemail', connected: 'Connected', interested: 'Interested', not_interested: 'Not interested', callback: 'Callback', meeting_booked: 'Meeting set', won: 'Closed won', lost: 'Lost', do_not_call: 'Do not call', wrong_number: 'Wrong number' };
write(
  'outcomes.csv',
  csv(
    ['Email', 'Called By', 'Call Date', 'Call Result', 'Interest Level', 'Callback Date', 'Comments'],
    outcomes.map((o) => [o.contact, o.rep, local(Date.parse(o.at)), RESULT[o.disposition], o.interest, o.callbackAt === undefined ? undefined : local(Date.parse(o.callbackAt)), o.note]),
  ),
);

write('leadrank.json', `${JSON.stringify({ $schema: '../../../schema/leadrank.schema.json', scoring: model, allocation: { territories } }, null, 2)}\n`);
console.log(`wrote ${new URL('.', out).pathname}: ${sendgrid.length} SendGrid, ${items.length} Mailgun, ${other.length} website events; ${contacts.length} contacts; ${outcomes.length} outcomes`);
