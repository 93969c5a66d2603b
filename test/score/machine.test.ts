import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyMachineEvents } from '../../src/score/index.js';
import { ev } from './helpers.js';

const reasons = (events: Parameters<typeof classifyMachineEvents>[0], model?: NonNullable<Parameters<typeof classifyMachineEvents>[1]>['model']) =>
  classifyMachineEvents(events, model === undefined ? {} : { model }).map((e) => (e.machine ? e.machineReason : e.type === 'sent' || e.type === 'delivered' ? '-' : 'human'));

describe('machine classification, per event', () => {
  it('keeps the provider flag and its reason', () => {
    expect(reasons([ev('a@x.io', 'open', 1, { machine: true }), ev('a@x.io', 'open', 2, { machine: true, machineReason: 'sg_machine_open' })])).toEqual([
      'provider_flag',
      'sg_machine_open',
    ]);
  });

  it('flags Apple MPP opens and known bot user agents', () => {
    expect(reasons([ev('a@x.io', 'open', 1, { userAgent: 'Mozilla/5.0' }), ev('a@x.io', 'click', 2, { userAgent: 'python-requests/2.31.0', url: 'https://x.io/a' })])).toEqual([
      'apple_mpp',
      'bot_user_agent',
    ]);
  });

  it('flags an open within 2 s of delivery, not one a minute later', () => {
    const d = ev('a@x.io', 'delivered', 1);
    const fast = { ...ev('a@x.io', 'open', 1), at: d.at + 1500 };
    const slow = { ...ev('a@x.io', 'open', 1), at: d.at + 60_000, message: 'stp-1' };
    expect(reasons([d, fast])).toEqual(['-', 'after_delivery']);
    expect(reasons([d, slow])).toEqual(['-', 'human']);
  });

  it('flags two events of one message in the same second (Marketo proximity), but not of two messages', () => {
    const open = ev('a@x.io', 'open', 3);
    const click = { ...ev('a@x.io', 'click', 3, { url: 'https://x.io/a' }), at: open.at + 300 };
    expect(reasons([open, click])).toEqual(['same_second', 'same_second']);
    expect(reasons([open, { ...click, message: 'other' }])).toEqual(['human', 'human']);
    expect(reasons([open, click], { machine: { proximity: { enabled: false } } })).toEqual(['human', 'human']);
  });

  it('flags three distinct links clicked within 2 s', () => {
    const base = ev('a@x.io', 'click', 3, { url: 'https://x.io/a' });
    const burst = ['a', 'b', 'c'].map((p, i) => ({ ...base, url: `https://x.io/${p}`, at: base.at + i * 900 }));
    expect(reasons(burst, { machine: { proximity: { enabled: false } } })).toEqual(['link_burst', 'link_burst', 'link_burst']);
    const slow = burst.map((e, i) => ({ ...e, at: base.at + i * 60_000 }));
    expect(reasons(slow)).toEqual(['human', 'human', 'human']);
  });

  it('flags the first click of every link when a contact clicked every known link of the campaign (≥ 3) within 30 s', () => {
    const start = ev('a@x.io', 'click', 5, { url: 'https://x.io/a' });
    const links = ['a', 'b', 'c'].map((p, i) => ({ ...start, url: `https://x.io/${p}`, at: start.at + i * 10_000 }));
    const other = ev('b@x.io', 'click', 2, { url: 'https://x.io/a' });
    expect(reasons([...links, other])).toEqual(['all_links_clicked', 'all_links_clicked', 'all_links_clicked', 'human']);
    const fourth = ev('b@x.io', 'click', 2, { url: 'https://x.io/d' });
    expect(reasons([...links, fourth])).toEqual(['human', 'human', 'human', 'human']);
    const slowly = links.map((e, i) => ({ ...e, at: start.at + i * 60_000 }));
    expect(reasons([...slowly, other])).toEqual(['human', 'human', 'human', 'human']);
  });

  it('purges the clicks of a message within ±N s of a honeypot click', () => {
    const trap = ev('a@x.io', 'click', 3, { url: 'https://x.io/hidden-trap' });
    const near = { ...ev('a@x.io', 'click', 3, { url: 'https://x.io/a' }), at: trap.at - 20_000 };
    const far = { ...ev('a@x.io', 'click', 3, { url: 'https://x.io/b' }), at: trap.at + 3_600_000 };
    expect(reasons([trap, near, far], { machine: { honeypot: { patterns: ['*/hidden-trap'] } } })).toEqual(['honeypot', 'honeypot', 'human']);
  });

  it('returns the events in input order, copied, with nothing dropped', () => {
    const input = [ev('b@x.io', 'open', 1), ev('a@x.io', 'sent', 2), ev('a@x.io', 'open', 1, { userAgent: 'Mozilla/5.0' })];
    const out = classifyMachineEvents(input);
    expect(out.map((e) => e.contact)).toEqual(['b@x.io', 'a@x.io', 'a@x.io']);
    expect(out[0]).not.toBe(input[0]);
    expect(input[2]?.machine).toBeUndefined();
  });

  it('classifies each message on its own evidence: a contact of many messages as each message alone (property, fixed seed)', () => {
    // Up to 24 messages a contact (the grouping keeps a short list, then a map past 16 keys).
    const event = fc.record({
      message: fc.integer({ min: 0, max: 23 }),
      type: fc.constantFrom('delivered', 'open', 'click', 'click', 'reply'),
      ms: fc.integer({ min: 0, max: 8_000 }),
      link: fc.constantFrom('a', 'b', 'c', 'd', 'hidden-trap'),
      mpp: fc.boolean(),
    });
    const model = { machine: { honeypot: { patterns: ['*/hidden-trap'] } } };
    let flagged = 0;
    fc.assert(
      fc.property(fc.array(event, { minLength: 30, maxLength: 150 }), (specs) => {
        const base = ev('a@x.io', 'open', 3).at;
        const events = specs.map((e) => {
          const { userAgent: _ua, message: _m, ...rest } = ev('a@x.io', e.type, 3, { campaign: `m${e.message}` });
          return { ...rest, at: base + e.ms, ...(e.type === 'click' ? { url: `https://x.io/${e.link}` } : {}), ...(e.mpp && e.type === 'open' ? { userAgent: 'Mozilla/5.0' } : {}) };
        });
        const together = reasons(events, model);
        const alone = new Array<string | undefined>(events.length);
        for (let m = 0; m < 24; m++) {
          const mine = events.flatMap((e, i) => (e.campaign === `m${m}` ? [i] : []));
          reasons(mine.map((i) => events[i]!), model).forEach((r, k) => (alone[mine[k]!] = r));
        }
        expect(together).toEqual(alone);
        if (together.some((r) => r !== 'human' && r !== '-')) flagged += 1;
      }),
      { seed: 20261204, numRuns: 300 },
    );
    expect(flagged).toBeGreaterThan(100); // the rules did fire
  });
});
