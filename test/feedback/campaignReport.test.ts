import { describe, expect, it } from 'vitest';
import { assembleCampaignReport, buildCampaignReport } from '../../src/feedback/campaignReport.js';
import fc from 'fast-check';
import { ContactSet, FirstTouch } from '../../src/feedback/campaignStats.js';
import type { EngagementEvent } from '../../src/model/event.js';
import { S, events, outcomes, parts } from './campaignFixture.js';

const T0 = Date.parse('2026-11-01T10:00:00Z');

describe('assembleCampaignReport', () => {
  const report = assembleCampaignReport(parts(events, outcomes));
  const promoRow = report.campaigns[0]!;

  it('orders campaigns by their first event and puts events without a campaign last', () => {
    expect(report.campaigns.map((c) => c.campaign)).toEqual(['Promo', 'Webinar', null]);
  });

  it('counts recipients, human and machine opens and clicks, bounces, unsubscribes and complaints', () => {
    expect(promoRow.email).toEqual({
      sent: 6,
      delivered: 5,
      deliveredFrom: 'delivered',
      opens: { human: 3, machine: 1 },
      uniqueHumanOpeners: 3,
      clicks: { human: 2, machine: 2 },
      uniqueHumanClickers: 2,
      bounces: { hard: 1, soft: 0, unclassified: 0 },
      unsubscribes: 1,
      complaints: 1,
      // Flagged by the provider (no rule named): counted under provider_flag.
      machineReasons: { provider_flag: 3 },
    });
  });

  it('counts delivered as the sent minus the bounced when the export has no delivered events', () => {
    // Sent to 20 contacts (ids across several bytes), twice to some; bounces: 3 hard, 3 soft (one of
    // them also hard), 1 unclassified, so 6 contacts bounced.
    const sentOnly = Array.from({ length: 20 }, (_, i) => `s${i}@x.com`).flatMap((c, i) => {
      const sent = { contact: c, type: 'sent', at: T0 + i, campaign: 'Cold', source: { format: 'test', record: i } } as const;
      const bounce = (kind: 'hard' | 'soft' | undefined, k: number) => ({ ...sent, type: 'bounce', at: T0 + 100 + k, ...(kind ? { bounce: kind } : {}) });
      const out: EngagementEvent[] = [sent];
      if (i % 3 === 0) out.push(sent);
      if (i === 1 || i === 9 || i === 17) out.push(bounce('hard', i));
      if (i === 4 || i === 12 || i === 17) out.push(bounce('soft', i));
      if (i === 19) out.push(bounce(undefined, i));
      return out;
    });
    const row = assembleCampaignReport(parts([...events, ...sentOnly], outcomes)).campaigns.find((c) => c.campaign === 'Cold')!;
    expect(row.email).toMatchObject({ sent: 20, delivered: 14, deliveredFrom: 'sent_minus_bounced', bounces: { hard: 3, soft: 3, unclassified: 1 } });
  });

  it('follows engaged contacts into leads per tier and calls made after their engagement', () => {
    expect(promoRow.funnel).toEqual({
      engaged: 3,
      leadsByTier: { hot: 1, warm: 0, mild: 1, cold: 1 },
      leads: 1,
      leadsCalled: 1,
      called: 1,
      connected: 1,
      interested: 1,
      meetings: 0,
      won: 0,
    });
    const webinar = report.campaigns[1]!;
    expect(webinar.funnel).toMatchObject({ engaged: 1, leads: 1, called: 0, won: 0 });
  });

  it('computes the rates between the figures, null where a denominator is 0', () => {
    expect(promoRow.rates).toEqual({
      openRate: 0.6,
      clickRate: 0.4,
      clickToOpen: 0.6667,
      leadRate: 0.2,
      followUpRate: 1,
      connectRate: 1,
      interestRate: 1,
      meetingRate: 0,
      winRate: 0,
    });
    expect(report.campaigns[2]!.rates.openRate).toBeNull();
    expect(report.campaigns[1]!.rates.connectRate).toBeNull();
  });

  it('groups clicks per link without fragments or utm parameters, most human clickers first', () => {
    expect(promoRow.links.map((l) => [l.url, l.topics, l.clicks, l.uniqueHumanClickers])).toEqual([
      [`${S}/tractors/x9`, ['tractors'], { human: 1, machine: 1 }, 1],
      [`${S}/unsubscribe?id=e`, [], { human: 1, machine: 0 }, 1],
      [`${S}/pricing`, [], { human: 0, machine: 1 }, 0],
    ]);
  });

  it('reports topics per campaign and across campaigns', () => {
    expect(promoRow.topics.map((t) => [t.topic, t.uniqueHumanClickers, t.funnel.interested])).toEqual([['tractors', 1, 1]]);
    expect(report.topics.map((t) => t.topic)).toEqual(['tractors', 'veterinary']);
  });

  it('counts each engaged contact once in the totals', () => {
    expect(report.totals.email.delivered).toBe(7);
    expect(report.totals.funnel.engaged).toBe(5);
    expect(report.totals.funnel.won).toBe(0);
    expect(report.notes).toEqual({ eventsAfterAsOf: 0, outcomesAfterAsOf: 0, machineEvents: 3, unscoredEngaged: 1 });
  });

  it('reports per-rep follow-up with the reps’ assigned lists', () => {
    expect(report.reps).toEqual([
      { rep: 'r1', assigned: 2, assignedCalled: 2, calls: 2, called: 2, connected: 1, interested: 1, meetings: 1, won: 1 },
      { rep: 'r2', assigned: 0, assignedCalled: 0, calls: 1, called: 1, connected: 1, interested: 1, meetings: 0, won: 0 },
      { rep: 'r3', assigned: 1, assignedCalled: 0, calls: 0, called: 0, connected: 0, interested: 0, meetings: 0, won: 0 },
    ]);
  });

  it('gives the same report whatever the order of events and outcomes', () => {
    const again = assembleCampaignReport(parts([...events].reverse(), [...outcomes].reverse()));
    expect(JSON.stringify(again)).toBe(JSON.stringify(report));
  });
});

describe('buildCampaignReport', () => {
  const asOf = '2026-12-01T10:00:00Z';

  it('classifies machine traffic itself and counts events after asOf apart', () => {
    const late = { ...events[0]!, at: Date.parse('2026-12-05T00:00:00Z') };
    // An Apple Mail Privacy Protection open: not flagged by the provider, classified by the scorer's rules.
    const mpp = { ...events[0]!, type: 'open', at: Date.parse('2026-11-05T08:00:00Z'), userAgent: 'Mozilla/5.0', source: { format: 'test', record: 500 } };
    const r = buildCampaignReport([...events, late, mpp], { asOf, outcomes });
    expect(r.notes.eventsAfterAsOf).toBe(1);
    const pre = assembleCampaignReport(parts([...events, mpp], outcomes));
    expect(pre.campaigns[0]?.email.opens).toEqual({ human: 4, machine: 1 });
    const opens = r.campaigns[0]!.email.opens;
    expect(opens.human + opens.machine).toBe(5);
    expect(opens.machine).toBeGreaterThanOrEqual(2);
  });

  it('takes topics from the scoring model’s link rules', () => {
    const r = buildCampaignReport(events, { asOf, outcomes });
    expect(r.topics.map((t) => t.topic)).toEqual(['tractors', 'vet']);
    const custom = buildCampaignReport(events, { asOf, model: { links: { rules: [{ pattern: '/vet', topics: ['veterinary'] }] } } });
    expect(custom.topics.map((t) => t.topic)).toEqual(['tractors', 'veterinary']);
  });

  it('rejects an unknown lead tier, naming it', () => {
    expect(() => buildCampaignReport(events, { asOf, leadTiers: ['boiling' as 'hot'] })).toThrow(/leadTiers must be tiers out of hot, warm, mild, cold \(got "boiling"\)/);
  });
});

describe('buildCampaignReport on nothing', () => {
  it('returns no campaigns, zero totals and null rates', () => {
    const r = buildCampaignReport([], { asOf: '2026-11-23' });
    expect(r.campaigns).toEqual([]);
    expect(r.totals.email.delivered).toBe(0);
    expect(r.totals.email.deliveredFrom).toBe('none');
    expect(Object.values(r.totals.rates).every((v) => v === null)).toBe(true);
    expect(r.reps).toEqual([]);
  });
});

describe('ContactSet', () => {
  it('counts each contact id once, grows past its first bytes, and counts the ids in none of other sets', () => {
    const a = new ContactSet();
    const b = new ContactSet();
    const c = new ContactSet();
    for (const id of [0, 7, 8, 7, 1000, 4095, 0]) a.add(id);
    b.add(7);
    c.add(4095);
    c.add(5000); // beyond a's bytes
    expect(a.size).toBe(5);
    expect(a.countWithout([])).toBe(5);
    expect(a.countWithout([b, c])).toBe(3);
    expect(new ContactSet().countWithout([a])).toBe(0);
  });
});

describe('FirstTouch', () => {
  /** The earliest time per contact, as a Map would keep it. */
  const reference = (touches: readonly [number, number][]) => {
    const m = new Map<number, number>();
    for (const [id, at] of touches) if (!(m.get(id)! <= at)) m.set(id, at);
    return m;
  };
  const sorted = (it: Iterable<readonly [string, number]>) => [...it].map(([c, at]) => `${c}@${at}`).sort();

  it('keeps the earliest time per contact, sparse and dense, and merges (fast-check, fixed seed)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9000 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 50 })), { maxLength: 300 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 50 })), { maxLength: 300 }),
        (contacts, extraA, extraB) => {
          const names: string[] = [];
          // Ids come as contacts are numbered (the names grow meanwhile): every contact once, in
          // order, to `a` (dense past 4,096), then random repeats and earlier times to `a` and `b`.
          const a = new FirstTouch(names);
          const b = new FirstTouch(names);
          const touchesA: [number, number][] = [];
          for (let id = 0; id < contacts; id++) {
            names.push(`c${id}`);
            touchesA.push([id, 100 + (id % 13)]);
            a.touch(id, 100 + (id % 13));
          }
          for (const [n, at] of extraA) {
            touchesA.push([n % contacts, at]);
            a.touch(n % contacts, at);
          }
          const touchesB = extraB.map(([n, at]): [number, number] => [n % contacts, at]);
          for (const [id, at] of touchesB) b.touch(id, at);
          const pairs = (m: Map<number, number>) => [...m].map(([id, at]) => [names[id]!, at] as const);
          expect(a.size).toBe(contacts);
          expect(sorted(a)).toEqual(sorted(pairs(reference(touchesA))));
          expect(sorted(b)).toEqual(sorted(pairs(reference(touchesB))));
          const all = b.empty();
          all.addAll(b);
          all.addAll(a);
          expect(all.size).toBe(contacts);
          expect(sorted(all)).toEqual(sorted(pairs(reference([...touchesA, ...touchesB]))));
        },
      ),
      { seed: 20261203, numRuns: 60 },
    );
  });

  it('turns dense past 4,096 contacts and grows for ids numbered later', () => {
    const names: string[] = [];
    const t = new FirstTouch(names);
    for (let i = 0; i < 5000; i++) {
      names.push(`c${i}`);
      t.touch(i, 1000 - (i % 7));
    }
    names.push('late');
    t.touch(5000 + 0, 5); // past the dense array made at 4,096 contacts
    t.touch(3, 1); // earlier: replaces
    t.touch(3, 2); // later: kept out
    expect(t.size).toBe(5001);
    const got = new Map(t);
    expect(got.get('late')).toBe(5);
    expect(got.get('c3')).toBe(1);
    expect(got.get('c4999')).toBe(1000 - (4999 % 7));
  });
});
