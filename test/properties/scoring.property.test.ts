import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngagementEvent } from '../../src/model/event.js';
import type { ScoredContact } from '../../src/model/scored.js';
import { createScorer, restoreScorer, scoreContacts, type Scorer } from '../../src/score/index.js';

const SEED = 20261123;
const RUNS = 120;
const asOf = Date.UTC(2026, 10, 23, 12);
const DAY = 86_400_000;

const contacts = ['a@farm.example', 'b@farm.example', 'c@vet.example', 'd@coop.example'];
const types = ['sent', 'delivered', 'open', 'open', 'click', 'click', 'click', 'reply', 'form_submit', 'unsubscribe', 'bounce', 'complaint', 'page_view'];
const urls = [
  'https://agri.example.com/tractors/x9',
  'https://agri.example.com/pricing',
  'https://agri.example.com/veterinary/vaccines',
  'https://agri.example.com/careers',
  'https://mail.example.com/unsubscribe?u=1',
  'https://agri.example.com/en/combines/s7',
];
const agents = [undefined, 'Mozilla/5.0', 'python-requests/2.31.0', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36'];
const campaigns = [
  { campaign: 'Spring tractor promo', message: 'stp-1' },
  { campaign: 'Spring tractor promo', message: 'stp-2' },
  { campaign: 'Herd health webinar', message: 'hhw-1' },
];

/** Times clustered within seconds of each other (to fire proximity and burst rules) and spread over months. */
const time = fc.oneof(
  fc.integer({ min: 0, max: 200 * 86_400 }).map((s) => asOf - s * 1000),
  fc.integer({ min: 0, max: 5_000 }).map((ms) => asOf - 10 * DAY + ms),
  fc.integer({ min: 1, max: 3 * 86_400 }).map((s) => asOf + s * 1000),
);

const eventArb: fc.Arbitrary<EngagementEvent> = fc
  .record({
    contact: fc.constantFrom(...contacts),
    type: fc.constantFrom(...types),
    at: time,
    send: fc.constantFrom(...campaigns),
    url: fc.constantFrom(...urls),
    ua: fc.constantFrom(...agents),
    machine: fc.constantFrom(undefined, undefined, undefined, true),
    bounce: fc.constantFrom<'hard' | 'soft'>('hard', 'soft'),
  })
  .map((r, ): EngagementEvent => ({
    contact: r.contact,
    type: r.type,
    at: r.at,
    campaign: r.send.campaign,
    message: r.send.message,
    ...(r.type === 'click' || r.type === 'form_submit' ? { url: r.url } : {}),
    ...(r.ua === undefined ? {} : { userAgent: r.ua }),
    ...(r.machine === undefined ? {} : { machine: r.machine }),
    ...(r.type === 'bounce' ? { bounce: r.bounce } : {}),
    source: { format: 'leadrank', record: 1 },
  }));

const eventsArb = fc.array(eventArb, { minLength: 0, maxLength: 60 });
const options = { asOf, contacts: [{ email: 'e@nobody.example', name: 'No Events' }] };
const scoreJson = (events: readonly EngagementEvent[]) => JSON.stringify(scoreContacts(events, options));
const scoreOf = (ranked: readonly ScoredContact[], email: string) => ranked.find((c) => c.contact === email)?.score ?? 0;

describe('scoring properties (fast-check, fixed seed)', () => {
  it('gives byte-identical output for the same events in any order', () => {
    fc.assert(
      fc.property(eventsArb, fc.infiniteStream(fc.integer()), (events, keys) => {
        const shuffled = events.map((e) => ({ e, k: keys.next().value as number })).sort((x, y) => x.k - y.k).map((x) => x.e);
        expect(scoreJson(shuffled)).toBe(scoreJson(events));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('gives the one-pass result for any partition merged in any order, through toJSON and restore', () => {
    fc.assert(
      fc.property(eventsArb, fc.integer({ min: 1, max: 5 }), fc.infiniteStream(fc.nat()), (events, parts, picks) => {
        const one = createScorer(options);
        for (const e of events) one.add(e);
        const scorers: Scorer[] = Array.from({ length: parts }, () => createScorer(options));
        for (const e of events) scorers[(picks.next().value as number) % parts]!.add(e);
        const order = scorers.map((s, i) => ({ s: i % 2 === 0 ? restoreScorer(JSON.parse(JSON.stringify(s.toJSON()))) : s, k: picks.next().value as number }));
        order.sort((x, y) => x.k - y.k);
        const merged = order.slice(1).reduce((acc, x) => acc.merge(x.s), order[0]!.s);
        expect(JSON.stringify(merged.toJSON())).toBe(JSON.stringify(one.toJSON()));
        expect(JSON.stringify(merged.finalize())).toBe(JSON.stringify(one.finalize()));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('never produces NaN or an infinite number, whatever the recency mode and caps', () => {
    const modelArb = fc.record({
      recency: fc.record({
        mode: fc.constantFrom('half-life', 'step', 'window', 'none'),
        halfLifeDays: fc.double({ min: 0.001, max: 1e6, noNaN: true }),
        stepPercent: fc.double({ min: 0, max: 100, noNaN: true }),
        maxAgeDays: fc.constantFrom(null, 1, 365),
      }),
      caps: fc.record({ perTypePerDay: fc.constantFrom(null, 1, 20), total: fc.constantFrom(null, 5) }),
      floor: fc.boolean(),
    });
    fc.assert(
      fc.property(eventsArb, modelArb, (events, model) => {
        for (const c of scoreContacts(events, { asOf, model })) {
          const numbers = [c.score, c.engagement, c.fit, ...c.interests.map((i) => i.weight), ...c.reasons.map((r) => r.points)];
          for (const n of numbers) expect(Number.isFinite(n)).toBe(true);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('never lowers a score when a human click with a positive weight is added', () => {
    fc.assert(
      fc.property(eventsArb, fc.constantFrom(...contacts), fc.integer({ min: 0, max: 150 * 86_400 }), fc.nat(1000), (events, contact, age, n) => {
        const before = scoreOf(scoreContacts(events, options), contact);
        const click: EngagementEvent = {
          contact,
          type: 'click',
          at: asOf - age * 1000,
          campaign: `Fresh campaign ${n}`,
          message: `fresh-${n}`,
          url: `https://agri.example.com/topic-${n}`,
          userAgent: agents[3]!,
          source: { format: 'leadrank', record: 9999 },
        };
        expect(scoreOf(scoreContacts([...events, click], options), contact)).toBeGreaterThanOrEqual(before);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('never changes a score when machine events are added (default model)', () => {
    const machineArb = fc
      .tuple(eventArb, fc.constantFrom<[Partial<EngagementEvent>, string]>([{ machine: true }, 'open'], [{ machine: true }, 'click'], [{ userAgent: 'Mozilla/5.0' }, 'open'], [{ userAgent: 'python-requests/2.31.0' }, 'click']))
      .map(([e, [patch, type]]): EngagementEvent => ({ ...e, ...patch, type, url: e.url ?? urls[0]! }));
    fc.assert(
      fc.property(eventsArb, fc.array(machineArb, { minLength: 1, maxLength: 10 }), (events, machine) => {
        const before = scoreContacts(events, options);
        const after = scoreContacts([...events, ...machine], options);
        for (const c of before) {
          const a = after.find((x) => x.contact === c.contact)!;
          expect([a.score, a.engagement, a.interests]).toEqual([c.score, c.engagement, c.interests]);
        }
        for (const a of after) if (!before.some((c) => c.contact === a.contact)) expect(a.engagement).toBe(0);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
