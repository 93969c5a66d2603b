import { describe, expect, it } from 'vitest';
import { EventTable } from '../../src/ingest/eventTable.js';
import type { EngagementEvent } from '../../src/model/event.js';
import { classifyMachineEvents } from '../../src/score/classifyMachineEvents.js';
import { classifiedTableEvents, classifyEventTable, rowsAfter } from '../../src/score/classifyEventTable.js';

const AS_OF = Date.parse('2026-11-23T12:00:00Z');
const T = Date.parse('2026-11-10T09:00:00Z');

/** Seeded contacts whose opens and clicks trip every behavioural rule now and then, plus rows after asOf. */
function table(): EventTable {
  let seed = 11;
  const rand = (n: number): number => Math.floor(((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32) * n);
  const t = new EventTable();
  const add = (contact: string, type: string, at: number, campaign: string, message: string, url?: string) =>
    t.append(t.contactId(contact), t.typeId(type)!, at, t.stringId(campaign), t.stringId(message), t.stringId(url), 0);
  const links = ['/pricing', '/tractors/x9', '/demo', '/blog/news'].map((p) => `https://agri.example.com${p}`);
  for (let c = 0; c < 120; c++) {
    const contact = `c${c}@farm${c % 7}.example`;
    const campaign = ['Spring', 'Autumn'][c % 2]!;
    const message = `${campaign}-1`;
    const sent = T + rand(3) * 60_000;
    add(contact, 'delivered', sent, campaign, message);
    const style = rand(6);
    // 0: a scanner right after delivery; 1: a burst over every link; 2: two events in one second;
    // 3: every link of the campaign, 5 s apart (all links, no burst); else a person.
    const base = style === 0 ? sent + 1_000 : sent + 3_600_000 + rand(86_400) * 1000;
    add(contact, 'open', base, campaign, message);
    const clicks = style === 1 || style === 3 ? links.length : rand(3);
    const gap = style === 1 ? 400 : style === 2 ? 0 : style === 3 ? 5_000 : 60_000;
    for (let k = 0; k < clicks; k++) add(contact, 'click', base + gap * (style === 2 ? 0 : k + 1), campaign, message, links[(k + c) % links.length]!);
    if (rand(4) === 0) add(contact, 'click', AS_OF + 86_400_000, campaign, message, links[0]!); // after asOf
  }
  t.dedupe();
  return t;
}

const key = (e: EngagementEvent): string => JSON.stringify([e.contact, e.type, e.at, e.campaign, e.message, e.url, e.machine ?? null, e.machineReason ?? null]);

describe('classifyEventTable', () => {
  it('flags the rows up to asOf as classifyMachineEvents flags those events, and leaves later rows and deliveries unflagged', () => {
    const t = table();
    const events = t.toEvents();
    const inWindow = events.filter((e) => e.at <= AS_OF);
    const expected = classifyMachineEvents(inWindow).map(key).sort();
    const got = classifyEventTable(t, { asOf: AS_OF });
    expect(got.length).toBe(events.length);
    // The same flags as classifying the in-window events alone (so evidence after asOf is not used).
    expect(got.filter((e) => e.at <= AS_OF).map(key).sort()).toEqual(expected);
    const later = got.filter((e) => e.at > AS_OF);
    expect(later.length).toBeGreaterThan(5);
    expect(later.every((e) => e.machine === undefined)).toBe(true);
    expect(got.filter((e) => e.type === 'delivered').every((e) => e.machine === undefined)).toBe(true);
    // The rules did fire (the comparison is not vacuous).
    const reasons = new Set(got.map((e) => e.machineReason).filter((r) => r !== undefined));
    expect([...reasons].sort()).toEqual(expect.arrayContaining(['after_delivery', 'all_links_clicked', 'link_burst', 'same_second']));
    expect(got.filter((e) => e.machine === false).length).toBeGreaterThan(50);
  });

  it('streams the same events one at a time, up to asOf when asked, and counts the rows after it', () => {
    const t = table();
    const all = classifyEventTable(t, { asOf: AS_OF });
    expect([...classifiedTableEvents(t, { asOf: AS_OF })]).toEqual(all);
    const upTo = [...classifiedTableEvents(t, { asOf: AS_OF, upToAsOf: true })];
    expect(upTo).toEqual(all.filter((e) => e.at <= AS_OF));
    expect(rowsAfter(t, AS_OF)).toBe(all.length - upTo.length);
    expect(rowsAfter(t, AS_OF)).toBeGreaterThan(5);
  });
});
