import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCampaignReport } from '../../src/feedback/campaignReport.js';
import { buildSegments } from '../../src/feedback/segments.js';
import type { EngagementEvent } from '../../src/model/event.js';
import { DISPOSITIONS, type CallOutcomeInput } from '../../src/model/outcome.js';
import { TIERS } from '../../src/model/scored.js';
import { scoredContact } from './helpers.js';

const SEED = 20261123;
const RUNS = 60;
const asOf = Date.UTC(2026, 10, 23, 12);
const DAY = 86_400_000;
const emails = ['a@farm.example', 'b@farm.example', 'c@vet.example', 'd@coop.example', 'e@ranch.example'];
const types = ['sent', 'delivered', 'open', 'click', 'click', 'reply', 'bounce', 'unsubscribe', 'complaint'];
const urls = ['https://agri.example.com/tractors/x9', 'https://agri.example.com/veterinary/vaccines', 'https://agri.example.com/pricing?utm_source=x', 'https://mail.example.com/unsubscribe'];

const outcome = fc.record({
  contact: fc.constantFrom(...emails, 'z@crm-only.example'),
  rep: fc.constantFrom('r1', 'r2', 'r3'),
  at: fc.integer({ min: asOf - 200 * DAY, max: asOf + 5 * DAY }),
  disposition: fc.constantFrom(...DISPOSITIONS),
  interest: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
}).map((o): CallOutcomeInput => (o.interest === undefined ? { contact: o.contact, rep: o.rep, at: o.at, disposition: o.disposition } : { ...o, interest: o.interest }));

const scored = fc.uniqueArray(
  fc.record({
    contact: fc.constantFrom(...emails),
    tier: fc.constantFrom(...TIERS),
    score: fc.integer({ min: -5, max: 60 }),
    optedOut: fc.boolean(),
    complained: fc.boolean(),
    bounced: fc.boolean(),
  }),
  { selector: (s) => s.contact },
).map((list) => list.map((s) => scoredContact(s.contact, { tier: s.tier, score: s.score, flags: { optedOut: s.optedOut, complained: s.complained, bounced: s.bounced, doNotCall: false } })));

const event = fc.record({
  contact: fc.constantFrom(...emails),
  type: fc.constantFrom(...types),
  at: fc.integer({ min: asOf - 40 * DAY, max: asOf + DAY }),
  campaign: fc.option(fc.constantFrom('Promo', 'Webinar'), { nil: undefined }),
  url: fc.constantFrom(...urls),
  machine: fc.option(fc.boolean(), { nil: undefined }),
  bounce: fc.option(fc.constantFrom('hard' as const, 'soft' as const), { nil: undefined }),
});
const events = fc.array(event, { maxLength: 40 }).map((list) =>
  list.map((e, i): EngagementEvent => ({
    contact: e.contact,
    type: e.type,
    at: e.at,
    source: { format: 'test', record: i + 1 },
    ...(e.campaign === undefined ? {} : { campaign: e.campaign, message: `${e.campaign}-1` }),
    ...(e.type === 'click' ? { url: e.url } : {}),
    ...(e.machine === undefined ? {} : { machine: e.machine }),
    ...(e.type === 'bounce' && e.bounce !== undefined ? { bounce: e.bounce } : {}),
  })),
);

const reversed = <T>(list: readonly T[]): T[] => [...list].reverse();

describe('buildSegments (seeded properties)', () => {
  it('gives identical output for inputs in any order', () => {
    fc.assert(
      fc.property(scored, fc.array(outcome, { maxLength: 25 }), (sc, outs) => {
        const a = buildSegments(sc, { asOf, outcomes: outs });
        const b = buildSegments(reversed(sc), { asOf, outcomes: reversed(outs) });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('never lists an opted-out or complaining contact, reports each one it leaves out, and orders by score', () => {
    fc.assert(
      fc.property(scored, fc.array(outcome, { maxLength: 25 }), (sc, outs) => {
        const r = buildSegments(sc, { asOf, outcomes: outs });
        const flagged = new Set(sc.filter((s) => s.flags.optedOut || s.flags.complained).map((s) => s.contact));
        for (const seg of r.segments) {
          expect(seg.contacts.filter((c) => flagged.has(c.contact))).toEqual([]);
          for (const m of seg.contacts) expect(m.why.length).toBeGreaterThan(0);
          const scores = seg.contacts.map((c) => c.score ?? Number.NEGATIVE_INFINITY);
          expect(scores).toEqual([...scores].sort((x, y) => y - x));
        }
        for (const x of r.excluded) expect(flagged.has(x.contact)).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('buildCampaignReport (seeded properties)', () => {
  it('gives identical output for inputs in any order', () => {
    fc.assert(
      fc.property(events, fc.array(outcome, { maxLength: 20 }), (evs, outs) => {
        const a = buildCampaignReport(evs, { asOf, outcomes: outs });
        const b = buildCampaignReport(reversed(evs), { asOf, outcomes: reversed(outs) });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('keeps every funnel narrowing and accounts for every open event up to asOf', () => {
    fc.assert(
      fc.property(events, fc.array(outcome, { maxLength: 20 }), (evs, outs) => {
        const r = buildCampaignReport(evs, { asOf, outcomes: outs });
        const funnels = [r.totals.funnel, ...r.campaigns.flatMap((c) => [c.funnel, ...c.links.map((l) => l.funnel), ...c.topics.map((t) => t.funnel)])];
        for (const f of funnels) {
          const chain = [f.engaged, f.called, f.connected, f.interested, f.meetings, f.won];
          expect(chain).toEqual([...chain].sort((x, y) => y - x));
          expect(f.leads).toBeLessThanOrEqual(f.engaged);
          expect(f.leadsCalled).toBeLessThanOrEqual(Math.min(f.leads, f.called));
        }
        const opens = evs.filter((e) => e.type === 'open' && e.at <= asOf).length;
        expect(r.totals.email.opens.human + r.totals.email.opens.machine).toBe(opens);
        expect(r.notes.eventsAfterAsOf).toBe(evs.filter((e) => e.at > asOf).length);
        for (const c of r.campaigns) if (c.rates.clickToOpen !== null) expect(c.rates.clickToOpen).toBeLessThanOrEqual(1);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
