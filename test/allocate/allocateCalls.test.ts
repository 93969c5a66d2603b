import { describe, expect, it } from 'vitest';
import { allocateCalls } from '../../src/allocate/index.js';
import type { Allocation, LeadLike, RepLike } from '../../src/allocate/index.js';
import { LeadrankError } from '../../src/model/errors.js';

const asOf = '2026-11-23T12:00:00Z'; // a Monday
const lead = (contact: string, score: number, extra: Partial<LeadLike> = {}): LeadLike => ({ contact, score, ...extra });
const topics = (...t: string[]) => t.map((topic, i) => ({ topic, weight: 10 - i }));
const listed = (a: Allocation, rep: string): string[] => a.lists.find((l) => l.rep.id === rep)?.entries.map((e) => e.contact) ?? [];
const reason = (a: Allocation, contact: string) => a.unassigned.find((u) => u.contact === contact);

describe('allocateCalls', () => {
  it('accepts bare leads and reps, and lists the hottest lead first', () => {
    const a = allocateCalls([lead('b@x.com', 5), lead('a@x.com', 9)], [{ id: 'r', capacity: 5 }], { asOf });
    expect(listed(a, 'r')).toEqual(['a@x.com', 'b@x.com']);
    expect(a.lists[0]?.entries.map((e) => e.position)).toEqual([1, 2]);
    expect(a.stats).toMatchObject({ assigned: 2, leads: 2, capacity: 5, totalValue: 8.4 });
  });

  it('prefers the expert: exact top interest beats a partial match beats none', () => {
    const reps: RepLike[] = [
      { id: 'gen', capacity: 1 },
      { id: 'tractor', capacity: 1, expertise: ['tractors'] },
      { id: 'vet', capacity: 1, expertise: ['veterinary'] },
    ];
    const a = allocateCalls(
      [lead('t@x.com', 10, { interests: topics('tractors') }), lead('v@x.com', 10, { interests: topics('combines', 'veterinary') }), lead('n@x.com', 1)],
      reps,
      { asOf },
    );
    expect(listed(a, 'tractor')).toEqual(['t@x.com']);
    expect(listed(a, 'vet')).toEqual(['v@x.com']);
    expect(a.lists.find((l) => l.rep.id === 'vet')?.entries[0]?.why.expertise).toBe('partial');
    expect(listed(a, 'gen')).toEqual(['n@x.com']);
  });

  it('makes expertise a hard requirement in required mode', () => {
    const a = allocateCalls([lead('t@x.com', 10, { interests: topics('tractors') })], [{ id: 'vet', capacity: 3, expertise: ['veterinary'] }], {
      asOf,
      expertise: { mode: 'required' },
    });
    expect(reason(a, 't@x.com')?.reason).toBe('no_eligible_rep');
  });

  it('applies the no-territory policy: any rep, a fallback rep, or unassigned', () => {
    const reps: RepLike[] = [
      { id: 'de', capacity: 5, territories: [{ countries: ['DE'] }] },
      { id: 'us', capacity: 5, territories: [{ countries: ['US'] }] },
    ];
    const leads = [lead('nowhere@x.com', 5)];
    expect(allocateCalls(leads, reps, { asOf }).stats.assigned).toBe(1);
    expect(listed(allocateCalls(leads, reps, { asOf, noTerritoryPolicy: { fallback: 'us' } }), 'us')).toEqual(['nowhere@x.com']);
    expect(reason(allocateCalls(leads, reps, { asOf, noTerritoryPolicy: 'unassigned' }), 'nowhere@x.com')?.reason).toBe('no_territory');
  });

  it('tells leads apart by every field a rule reads, and by whether the others are filled', () => {
    // Leads with the same territory name share pairing work; these differ only in a field a rule
    // reads (country, region within it, postal code) or in whether an unread field is filled.
    const details = (email: string, d: Record<string, string>) => ({ email, tags: [], doNotCall: false, attributes: {}, ...d });
    const byRules: RepLike[] = [
      { id: 'bavaria', capacity: 5, territories: [{ countries: ['DE'], regions: ['BY'] }] },
      { id: 'berlin', capacity: 5, territories: [{ countries: ['DE'], regions: ['BE'] }] },
      { id: 'munich-post', capacity: 5, territories: [{ postalCodes: ['80'] }] },
      { id: 'fr', capacity: 5, territories: [{ countries: ['FR'] }] },
    ];
    const leads = [
      lead('by@x.com', 5, { details: details('by@x.com', { territory: 'EU', country: 'DE', region: 'Bayern' }) }),
      lead('be@x.com', 5, { details: details('be@x.com', { territory: 'EU', country: 'DE', region: 'Berlin' }) }),
      lead('post@x.com', 5, { details: details('post@x.com', { territory: 'EU', postalCode: '80331' }) }),
      lead('fr@x.com', 5, { details: details('fr@x.com', { territory: 'EU', country: 'France' }) }),
    ];
    const a = allocateCalls(leads, byRules, { asOf, noTerritoryPolicy: 'unassigned' });
    expect(listed(a, 'bavaria')).toEqual(['by@x.com']);
    expect(listed(a, 'berlin')).toEqual(['be@x.com']);
    expect(listed(a, 'munich-post')).toEqual(['post@x.com']);
    expect(listed(a, 'fr')).toEqual(['fr@x.com']);
    // Named territories only: a country nobody reads still counts as territory data.
    const named: RepLike[] = [{ id: 'north', capacity: 5, territories: ['North'] }];
    const b = allocateCalls([lead('bare@x.com', 5), lead('abroad@x.com', 5, { details: details('abroad@x.com', { country: 'DE' }) })], named, { asOf, noTerritoryPolicy: 'any' });
    expect(listed(b, 'north')).toEqual(['bare@x.com']);
    expect(reason(b, 'abroad@x.com')?.reason).toBe('no_eligible_rep');
  });

  it('looks up contact details from options.contacts for territories and the call window', () => {
    const reps: RepLike[] = [{ id: 'de', capacity: 5, territories: ['DACH'] }];
    const a = allocateCalls([lead('anna@hof.de', 5)], reps, {
      asOf,
      territories: { DACH: [{ countries: ['DE', 'AT', 'CH'] }] },
      contacts: [{ email: 'Anna@Hof.de', name: 'Anna', country: 'Germany', phone: '+49 1' }],
      noTerritoryPolicy: 'unassigned',
    });
    const e = a.lists[0]?.entries[0];
    expect(e?.details).toEqual({ name: 'Anna', phone: '+49 1', country: 'Germany' });
    expect(e?.why.territory).toBe('DACH');
    expect(e?.callWindow?.timeZone).toBe('Europe/Berlin');
  });

  it('keeps a contact with its owner when sticky, even against a better-fitting rep', () => {
    const reps: RepLike[] = [{ id: 'owner', capacity: 1 }, { id: 'expert', capacity: 1, expertise: ['tractors'] }];
    const leads = [lead('a@x.com', 10, { interests: topics('tractors'), details: { email: 'a@x.com', owner: 'owner', tags: [], doNotCall: false, attributes: {} } })];
    expect(listed(allocateCalls(leads, reps, { asOf }), 'owner')).toEqual(['a@x.com']);
    expect(listed(allocateCalls(leads, reps, { asOf, ownership: 'ignore' }), 'expert')).toEqual(['a@x.com']);
    expect(listed(allocateCalls(leads, reps, { asOf, ownership: 'prefer', ownerFactor: 2 }), 'owner')).toEqual(['a@x.com']);
  });

  it('gives reps away at asOf no capacity and says so', () => {
    const a = allocateCalls([lead('a@x.com', 3)], [{ id: 'away', capacity: 5, outOfOffice: ['2026-11-23'] }], { asOf });
    expect(a.lists[0]?.rep).toMatchObject({ available: false, capacity: 0 });
    expect(reason(a, 'a@x.com')?.reason).toBe('no_available_rep');
  });

  it('suppresses complaints, do-not-call and wrong numbers but lists and flags unsubscribed and bounced contacts', () => {
    const flags = { optedOut: false, bounced: false, complained: false, doNotCall: false };
    const a = allocateCalls(
      [
        lead('spam@x.com', 9, { flags: { ...flags, complained: true } }),
        lead('dnc@x.com', 9, { flags: { ...flags, doNotCall: true } }),
        lead('wrong@x.com', 9),
        lead('unsub@x.com', 9, { flags: { ...flags, optedOut: true, bounced: true } }),
      ],
      [{ id: 'r', capacity: 10 }],
      { asOf, outcomes: [{ contact: 'wrong@x.com', at: '2026-10-01', disposition: 'wrong_number' }] },
    );
    expect(listed(a, 'r')).toEqual(['unsub@x.com']);
    expect(a.lists[0]?.entries[0]?.flags).toEqual(['unsubscribed', 'bounced', 'no_phone']);
    expect(a.unassigned.map((u) => [u.contact, u.reason, u.detail])).toEqual([
      ['dnc@x.com', 'suppressed', 'do_not_call'],
      ['spam@x.com', 'suppressed', 'complained'],
      ['wrong@x.com', 'suppressed', 'wrong_number'],
    ]);
  });

  it('enforces minTier and minScore; a tierless lead needs a score above minScore', () => {
    const leads = [lead('hot@x.com', 30, { tier: 'hot' }), lead('mild@x.com', 30, { tier: 'mild' }), lead('zero@x.com', 0), lead('low@x.com', 4)];
    const a = allocateCalls(leads, [{ id: 'r', capacity: 10 }], { asOf, minTier: 'warm', minScore: 4 });
    expect(listed(a, 'r')).toEqual(['hot@x.com']);
    expect(a.unassigned.every((u) => u.reason === 'below_threshold')).toBe(true);
    expect(a.unassigned).toHaveLength(3);
  });

  it('skips a contact called within the cooldown unless it engaged again since', () => {
    const calls = [
      { contact: 'quiet@x.com', at: '2026-11-20T10:00:00Z', disposition: 'no_answer' as const },
      { contact: 'back@x.com', at: '2026-11-20T10:00:00Z', disposition: 'no_answer' as const },
      { contact: 'old@x.com', at: '2026-11-01T10:00:00Z', disposition: 'no_answer' as const, note: 'try again' },
    ];
    const leads = [lead('quiet@x.com', 5), lead('back@x.com', 5, { lastEngagement: Date.parse('2026-11-21T10:00:00Z') }), lead('old@x.com', 5)];
    const a = allocateCalls(leads, [{ id: 'r', capacity: 10 }], { asOf, outcomes: calls });
    expect(listed(a, 'r')).toEqual(['back@x.com', 'old@x.com']);
    expect(reason(a, 'quiet@x.com')?.reason).toBe('cooldown');
    expect(a.lists[0]?.entries[1]?.previousOutcome).toMatchObject({ disposition: 'no_answer', note: 'try again' });
    expect(allocateCalls(leads, [{ id: 'r', capacity: 10 }], { asOf, outcomes: calls, cooldownDays: 2 }).stats.assigned).toBe(3);
  });

  it('puts a callback due today at the top of its owner list, past the cooldown', () => {
    const calls = [{ contact: 'cb@x.com', rep: 'b', at: '2026-11-22T10:00:00Z', disposition: 'callback' as const, callbackAt: '2026-11-23T16:00:00Z' }];
    const a = allocateCalls([lead('cb@x.com', 1), lead('big@x.com', 50)], [{ id: 'a', capacity: 5 }, { id: 'b', capacity: 5 }], { asOf, outcomes: calls });
    const first = a.lists.find((l) => l.rep.id === 'b')?.entries[0];
    expect(first?.contact).toBe('cb@x.com');
    expect(first?.flags).toContain('callback_due');
    expect(first?.why.callback).toBe(true);
  });

  it('flags a due callback whose rep is away, and lists it with another rep', () => {
    const calls = [{ contact: 'cb@x.com', rep: 'b', at: '2026-11-22T10:00:00Z', disposition: 'callback' as const, callbackAt: '2026-11-23T09:00:00Z' }];
    const reps: RepLike[] = [{ id: 'a', capacity: 5 }, { id: 'b', capacity: 5, outOfOffice: ['2026-11-23'] }];
    const e = allocateCalls([lead('cb@x.com', 1)], reps, { asOf, outcomes: calls }).lists[0]?.entries[0];
    expect(e?.flags).toContain('callback_due');
    expect(e?.why.callback).toBe(false);
    expect(e?.why.text).toMatch(/cannot take it/);
  });

  it('reports no_capacity when the reps who could take a lead are full', () => {
    const a = allocateCalls([lead('a@x.com', 5), lead('b@x.com', 4)], [{ id: 'r', capacity: 1 }], { asOf });
    expect(reason(a, 'b@x.com')?.reason).toBe('no_capacity');
    expect(a.stats.unassignedByReason).toEqual({ no_capacity: 1 });
  });

  it('uses a custom fit: a number weighs the pair, null forbids it', () => {
    const fit = (l: LeadLike, r: RepLike): number | null => (l.contact.endsWith('.de') === (r.id === 'de') ? 2 : null);
    const a = allocateCalls([lead('a@x.de', 5), lead('b@x.com', 5)], [{ id: 'de', capacity: 5 }, { id: 'us', capacity: 5 }], { asOf, fit });
    expect(listed(a, 'de')).toEqual(['a@x.de']);
    expect(listed(a, 'us')).toEqual(['b@x.com']);
    expect(a.lists[0]?.entries[0]?.value).toBe(10);
    expect(() => allocateCalls([lead('a@x.de', 5)], [{ id: 'de', capacity: 5 }], { asOf, fit: () => -1 })).toThrow(/options.fit/);
  });

  it('rotates evenly with round-robin and by weight', () => {
    const leads = Array.from({ length: 6 }, (_, i) => lead(`l${i}@x.com`, 10 - i));
    const even = allocateCalls(leads, [{ id: 'a', capacity: 6 }, { id: 'b', capacity: 6 }], { asOf, strategy: 'round-robin' });
    expect(even.stats.perRep.map((r) => r.count)).toEqual([3, 3]);
    const weighted = allocateCalls(leads, [{ id: 'a', capacity: 6, weight: 2 }, { id: 'b', capacity: 6 }], { asOf, strategy: 'round-robin' });
    expect(weighted.stats.perRep.map((r) => r.count)).toEqual([4, 2]);
  });

  it('deals hot leads evenly with fairness and reports its cost', () => {
    const hot = Array.from({ length: 4 }, (_, i) => lead(`h${i}@x.com`, 20, { tier: 'hot', interests: topics('tractors') }));
    const reps: RepLike[] = [{ id: 'expert', capacity: 4, expertise: ['tractors'] }, { id: 'gen', capacity: 4 }];
    const free = allocateCalls(hot, reps, { asOf });
    expect(free.stats.perRep.map((r) => r.hot)).toEqual([4, 0]);
    const fair = allocateCalls(hot, reps, { asOf, fairness: true });
    expect(fair.stats.perRep.map((r) => r.hot)).toEqual([2, 2]);
    expect(fair.stats.fairness).toEqual({ unconstrainedValue: 80, cost: 16, hotQuota: { expert: 2, gen: 2 } });
  });

  it('keeps every rep within one hot lead of the others when eligibility allows, even when leads are not equal', () => {
    const hot = [30, 25, 20, 15, 10].map((score, i) => lead(`h${i}@x.com`, score, { tier: 'hot', interests: topics('tractors') }));
    const reps: RepLike[] = [{ id: 'a', capacity: 5, expertise: ['tractors'] }, { id: 'b', capacity: 5 }, { id: 'c', capacity: 5 }];
    const fair = allocateCalls([...hot, lead('cold@x.com', 50, { tier: 'cold' })], reps, { asOf, fairness: true });
    const counts = fair.stats.perRep.map((r) => r.hot);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(5);
    // The expert keeps the two best hot leads: fairness costs as little value as it can.
    expect(listed(fair, 'a').filter((c) => c.startsWith('h'))).toEqual(['h0@x.com', 'h1@x.com']);
    expect(fair.stats.fairness?.cost).toBeCloseTo(0.4 * (15 + 10 + 20), 6);
  });

  it('accepts a custom strategy but rejects one that breaks capacity', () => {
    const leads = [lead('a@x.com', 5), lead('b@x.com', 4)];
    const all = (p: { leadCount: number }) => new Int32Array(p.leadCount).fill(0);
    expect(() => allocateCalls(leads, [{ id: 'r', capacity: 1 }], { asOf, strategy: all })).toThrow(/capacity/);
    expect(allocateCalls(leads, [{ id: 'r', capacity: 2 }], { asOf, strategy: all }).stats.strategy).toBe('all');
  });

  it('throws a LeadrankError that names the row, field and value on misuse', () => {
    expect(() => allocateCalls([lead('a@x.com', Number.NaN)], [], { asOf })).toThrow(/leads row 1: score must be a finite number/);
    expect(() => allocateCalls([lead('a@x.com', 1), lead('A@x.com', 2)], [], { asOf })).toThrow(/duplicate|repeats/);
    // The earliest repeat in input order is the one reported, with the row it repeats.
    const repeats = ['c@x.com', 'b@x.com', ' C@x.com', 'b@x.com', 'c@x.com'].map((c, i) => lead(c, i + 1));
    expect(() => allocateCalls(repeats, [], { asOf })).toThrow('leads row 3: contact repeats the contact of row 1 (got "c@x.com")');
    expect(() => allocateCalls([], [{ id: 'r', capacity: -1 }], { asOf })).toThrow(/reps row 1: capacity/);
    expect(() => allocateCalls([], [{ id: 'r', capacity: 1 }, { id: 'r', capacity: 2 }], { asOf })).toThrow(LeadrankError);
    expect(() => allocateCalls([], [], { asOf, strategy: 'fastest' as never })).toThrow(/options.strategy/);
    expect(() => allocateCalls([], [], {} as never)).toThrow(/asOf/);
    expect(() => allocateCalls([], [{ id: 'r', capacity: 1 }], { asOf, noTerritoryPolicy: { fallback: 'nobody' } })).toThrow(/fallback/);
  });
});
