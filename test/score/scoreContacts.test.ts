import { describe, expect, it } from 'vitest';
import { LeadrankError } from '../../src/model/errors.js';
import { contactFeatures, createScorer, defaultScoringModel, restoreScorer, scoreContacts } from '../../src/score/index.js';
import { DAY, asOf, ev } from './helpers.js';

const one = (events: Parameters<typeof scoreContacts>[0], model?: Parameters<typeof scoreContacts>[1]['model']) => {
  const [c] = scoreContacts(events, { asOf, ...(model === undefined ? {} : { model }) });
  if (!c) throw new Error('no contact');
  return c;
};

describe('scoreContacts', () => {
  it('counts the first human open of a message and no later one', () => {
    const c = one([ev('a@x.io', 'open', 0), ev('a@x.io', 'open', 0.5), ev('a@x.io', 'open', 0.2)]);
    expect(c.engagement).toBe(0.99);
    expect(c.ledger?.[0]?.at).toBe(asOf - 0.5 * DAY);
    expect(c.counts['open']).toEqual({ human: 3, machine: 0 });
    expect(c.ledger).toHaveLength(1);
  });

  it('skips a machine open when choosing the first human open', () => {
    const c = one([ev('a@x.io', 'open', 0.1, { userAgent: 'Mozilla/5.0' }), ev('a@x.io', 'open', 0)]);
    expect(c.engagement).toBe(1);
    expect(c.ledger?.[0]?.at).toBe(asOf);
  });

  it('counts a click once per distinct link per message', () => {
    const url = 'https://agri.example.com/tractors/x9';
    const c = one([ev('a@x.io', 'click', 0, { url }), ev('a@x.io', 'click', 0.1, { url }), ev('a@x.io', 'click', 0.2, { url: `${url}/specs` }), ev('a@x.io', 'click', 0.3, { url, message: 'stp-2' })]);
    expect(c.engagement).toBeCloseTo(9, 1);
  });

  it('keeps the 20 strongest events of a type per day and scores the rest 0', () => {
    const clicks = Array.from({ length: 25 }, (_, i) => ev('a@x.io', 'click', 0, { url: `https://agri.example.com/${i % 5 === 0 ? 'pricing' : 'p'}/${i}`, message: `m-${i}`, at: asOf - i * 60_000 }));
    const c = one(clicks, { recency: { mode: 'none' } });
    expect(c.engagement).toBe(5 * 6 + 15 * 3);
    expect(c.ledger?.filter((l) => l.kind === 'cap')).toHaveLength(5);
    expect(one(clicks, { recency: { mode: 'none' }, caps: { perTypePerDay: null } }).engagement).toBe(5 * 6 + 20 * 3);
  });

  it('caps the total and floors engagement at 0 unless told otherwise', () => {
    const replies = [ev('a@x.io', 'reply', 0), ev('a@x.io', 'reply', 0, { message: 'm2' })];
    expect(one(replies, { caps: { total: 20 } }).engagement).toBe(20);
    expect(one([ev('a@x.io', 'complaint', 0)]).engagement).toBe(0);
    expect(one([ev('a@x.io', 'complaint', 0)], { floor: false }).engagement).toBe(-25);
  });

  it('sets flags from negative signals: unsubscribe, hard bounce, 5 soft bounces, complaint', () => {
    expect(one([ev('a@x.io', 'unsubscribe', 1)]).flags).toMatchObject({ optedOut: true, bounced: false, complained: false });
    expect(one([ev('a@x.io', 'bounce', 1, { bounce: 'hard' })]).flags.bounced).toBe(true);
    const soft = (n: number) => Array.from({ length: n }, (_, i) => ev('a@x.io', 'bounce', i + 1, { bounce: 'soft', message: `m${i}` }));
    expect(one(soft(4)).flags.bounced).toBe(false);
    expect(one(soft(5)).flags.bounced).toBe(true);
    expect(one(soft(2), { negatives: { softBouncesToBounced: 2 } }).flags.bounced).toBe(true);
    expect(one([ev('a@x.io', 'complaint', 1)]).flags.complained).toBe(true);
  });

  it('weighs custom event types by the model', () => {
    expect(one([ev('a@x.io', 'webinar_attended', 0)]).engagement).toBe(0);
    expect(one([ev('a@x.io', 'webinar_attended', 0)], { weights: { events: { webinar_attended: 12 } } }).engagement).toBe(12);
  });

  it('does not count events after asOf, and reports them', () => {
    const c = one([ev('a@x.io', 'reply', -1), ev('a@x.io', 'open', 1)]);
    expect(c.futureEvents).toBe(1);
    expect(c.counts['reply']).toBeUndefined();
    expect(c.reasons.at(-1)?.text).toBe('1 event after asOf not counted yet');
  });

  it('lists CRM contacts without events on fit alone, and contacts with events but no record', () => {
    const ranked = scoreContacts([ev('b@x.io', 'open', 1)], {
      asOf,
      contacts: [{ email: 'A@X.io', title: 'Owner' }],
      model: { fit: { rules: [{ field: 'title', op: 'equals', value: 'owner', points: 12 }] } },
    });
    expect(ranked.map((c) => [c.contact, c.score, c.grade, c.label])).toEqual([
      ['a@x.io', 12, 'B', 'B4'],
      ['b@x.io', 0.98, 'C', 'C4'],
    ]);
    expect(ranked[0]?.details?.title).toBe('Owner');
  });

  it('ranks by score, then last engagement, then contact', () => {
    const ranked = scoreContacts([ev('c@x.io', 'open', 2), ev('b@x.io', 'open', 2), ev('a@x.io', 'open', 1), ev('d@x.io', 'reply', 3)], { asOf, model: { recency: { mode: 'none' } } });
    expect(ranked.map((c) => [c.rank, c.contact])).toEqual([
      [1, 'd@x.io'],
      [2, 'a@x.io'],
      [3, 'b@x.io'],
      [4, 'c@x.io'],
    ]);
  });

  it('grades fit A–D, tiers engagement hot–cold and labels them A1…D4', () => {
    const model = { fit: { rules: [{ field: 'attributes.acres', op: 'gte' as const, value: 1000, points: 25 }, { field: 'title', op: 'contains' as const, value: 'student', points: -5 }] } };
    const contacts = [
      { email: 'a@x.io', attributes: { acres: 1500 } },
      { email: 'b@x.io', title: 'Student' },
    ];
    const ranked = scoreContacts([ev('a@x.io', 'reply', 0), ev('a@x.io', 'form_submit', 0), ev('b@x.io', 'click', 0, { url: 'https://x.io/pricing' })], { asOf, model, contacts });
    expect(ranked.map((c) => [c.contact, c.grade, c.tier, c.label])).toEqual([
      ['a@x.io', 'A', 'hot', 'A1'],
      ['b@x.io', 'D', 'mild', 'D3'],
    ]);
    expect(ranked[1]?.reasons.map((r) => r.text)).toContain('Fit: title contains student (−5)');
  });

  it('explains the score in sentences a rep reads, strongest first', () => {
    const c = one([ev('a@x.io', 'open', 2.1), ev('a@x.io', 'click', 2, { url: 'https://agri.example.com/pricing' }), ev('a@x.io', 'click', 3, { url: 'https://agri.example.com/tractors/x9' })]);
    expect(c.reasons.map((r) => r.text)).toEqual([
      "Clicked the pricing link in 'Spring tractor promo' 2 days ago (+5.7)",
      "Clicked agri.example.com/tractors/x9 (tractors) in 'Spring tractor promo' 3 days ago (+2.8)",
      "Opened 'Spring tractor promo' 2 days ago (+1)",
    ]);
    expect(c.interests).toEqual([{ topic: 'tractors', weight: 2.8 }]);
  });

  it('adds topic bonuses from weights.topics to the events carrying the topic', () => {
    const click = ev('a@x.io', 'click', 0, { url: 'https://agri.example.com/tractors/x9' });
    expect(one([click], { weights: { topics: { tractors: 4 } } }).engagement).toBe(7);
  });

  it('accepts asOf as a Date, epoch ms or an ISO string, and rejects anything else', () => {
    const events = [ev('a@x.io', 'open', 1)];
    const a = JSON.stringify(scoreContacts(events, { asOf: new Date(asOf) }));
    expect(JSON.stringify(scoreContacts(events, { asOf: '2026-11-23T12:00:00Z' }))).toBe(a);
    expect(JSON.stringify(scoreContacts(events, { asOf }))).toBe(a);
    expect(() => scoreContacts(events, { asOf: 'yesterday' })).toThrow(/asOf must be a Date/);
  });

  it('throws a LeadrankError naming the record and field of a malformed event', () => {
    const bad = { ...ev('a@x.io', 'open', 1), at: Number.NaN };
    expect(() => scoreContacts([bad], { asOf })).toThrow(LeadrankError);
    expect(() => scoreContacts([bad], { asOf })).toThrow(/leadrank row \d+: at is not valid \(got null\)/);
  });
});

describe('createScorer', () => {
  it('refuses to merge scorers with different asOf or models', () => {
    expect(() => createScorer({ asOf }).merge(createScorer({ asOf: asOf + 1 }))).toThrow(/asOf differs/);
    expect(() => createScorer({ asOf }).merge(createScorer({ asOf, model: { floor: false } }))).toThrow(/model differs/);
  });

  it('round-trips its state through JSON', () => {
    const s = createScorer({ asOf, contacts: [{ email: 'a@x.io', name: 'A' }] });
    s.add(ev('a@x.io', 'open', 1)).add(ev('b@x.io', 'click', 2, { url: 'https://x.io/a' }));
    const copy = restoreScorer(JSON.parse(JSON.stringify(s)));
    expect(JSON.stringify(copy.finalize())).toBe(JSON.stringify(s.finalize()));
    expect(() => restoreScorer({ version: 2 } as never)).toThrow(/not a leadrank scorer state/);
  });
});

describe('contactFeatures', () => {
  it('gives the weight-free features the engagement is a weighted sum of', () => {
    const model = { weights: { topics: { tractors: 2 } }, campaigns: [{ match: 'herd*', topics: ['veterinary'] }], links: { rules: [{ pattern: '/webinar', weight: 7 }] } };
    const events = [
      ev('a@x.io', 'open', 3),
      ev('a@x.io', 'click', 3, { url: 'https://agri.example.com/pricing' }),
      ev('a@x.io', 'click', 5, { url: 'https://agri.example.com/tractors/x9' }),
      ev('a@x.io', 'click', 6, { url: 'https://agri.example.com/webinar/register', campaign: 'Herd health', message: 'h1' }),
      ev('a@x.io', 'reply', 9),
      ev('a@x.io', 'unsubscribe', 10),
    ];
    const [f] = contactFeatures(events, { asOf, model });
    const [c] = scoreContacts(events, { asOf, model: { ...model, floor: false } });
    const weights = { ...defaultScoringModel.weights.events };
    let sum = f!.fixed;
    for (const [type, x] of Object.entries(f!.events)) sum += (weights[type] ?? 0) * x;
    for (const [topic, x] of Object.entries(f!.topics)) sum += (topic === 'tractors' ? 2 : 0) * x;
    expect(c!.engagement).toBeCloseTo(sum, 2);
    expect(Object.keys(f!.topics)).toEqual(['tractors', 'veterinary']);
    expect(f!.fixed).toBeGreaterThan(6);
  });
});
