import { describe, expect, it } from 'vitest';
import { EventTable } from '../../src/ingest/eventTable.js';

const TIMES = [0, 1_714_554_000_000, 1_714_554_000_123, -5_000, 1e16, 1.5, 4_294_967_295_000, 4_294_967_294_999];

describe('EventTable (the columnar store of the fast path)', () => {
  it('gives back every time and id it was given: seconds, milliseconds, times outside 1970-2106, 16- and 32-bit string ids', () => {
    const table = new EventTable();
    const ids: number[] = [];
    for (let k = 0; k < 70_000; k++) ids.push(table.stringId(`s${k}`));
    const rows: { at: number; campaign: number; url: number }[] = [];
    for (let r = 0; r < 140_000; r++) {
      // The large ids arrive only in the second chunk of 65,536 rows: its 16-bit chunk widens.
      const row = { at: TIMES[r % TIMES.length]! + (r % 3), campaign: r % 5 === 0 ? -1 : ids[r % 7 === 0 && r > 70_000 ? 69_999 - (r % 100) : r % 60_000]!, url: r % 2 === 0 ? -1 : ids[r % 70_000]! };
      rows.push(row);
      table.append(table.contactId(`c${r % 1000}@x.com`), table.typeId(r % 2 ? 'open' : 'click', r % 3)!, row.at, row.campaign, -1, row.url, 0);
    }
    const check = (t: EventTable, order: (r: number) => number) => {
      const wrong: number[] = [];
      for (let r = 0; r < rows.length; r++) {
        const got = order(r);
        if (t.atOf(got) !== rows[r]!.at || t.campaignOf(got) !== rows[r]!.campaign || t.urlOf(got) !== rows[r]!.url || t.messageOf(got) !== -1) wrong.push(r);
      }
      expect(wrong).toEqual([]);
    };
    check(table, (r) => r);

    // Through a snapshot into another table (as threads trade rows): the same rows.
    const other = new EventTable();
    other.absorb(table.snapshot());
    expect(other.strings.length).toBeLessThanOrEqual(70_000);
    for (let r = 0; r < rows.length; r += 97) {
      expect(other.atOf(r)).toBe(rows[r]!.at);
      expect(other.strings[other.urlOf(r)]).toBe(rows[r]!.url < 0 ? undefined : `s${rows[r]!.url}`);
      expect(other.strings[other.campaignOf(r)]).toBe(rows[r]!.campaign < 0 ? undefined : `s${rows[r]!.campaign}`);
    }

    // After dedupe the rows are in contact order: every contact's rows, each time and id intact.
    const { duplicates } = table.dedupe(1);
    let seen = 0;
    const expected = new Map<string, number>();
    for (const row of rows) expected.set(`${row.at}|${row.campaign}|${row.url}`, (expected.get(`${row.at}|${row.campaign}|${row.url}`) ?? 0) + 1);
    const got = new Map<string, number>();
    for (let c = 0; c < table.contacts.length; c++) {
      for (const r of table.contactRows(c)) {
        seen += 1;
        const key = `${table.atOf(r)}|${table.campaignOf(r)}|${table.urlOf(r)}`;
        got.set(key, (got.get(key) ?? 0) + 1);
      }
    }
    expect(seen + duplicates[0]!).toBe(rows.length);
    const extra = [...got].filter(([key, n]) => n > (expected.get(key) ?? 0));
    expect(extra).toEqual([]);
    expect(duplicates[0]).toBeGreaterThan(0); // the same contact, type and time recur: dedupe had work
  });

  it('moves rows between chunks in the dedupe when an optional column has values in some chunks only', () => {
    // 3 chunks of 65,536 rows; every contact has rows in each. Milliseconds only in the first chunk,
    // messages only in the second, a second file and wide times only in the third: each row must
    // keep its values wherever it moves (absent chunks read as 0, so they are made for the move).
    const table = new EventTable();
    const msg = table.stringId('m1');
    const rows: string[] = [];
    for (let r = 0; r < 3 * 65_536; r++) {
      const chunk = r >>> 16;
      const at = chunk === 0 ? 1_714_554_000_000 + r * 1000 + (r % 997) : chunk === 2 && r % 5 === 0 ? 1e16 + r : 1_714_554_000_000 + r * 1000;
      const message = chunk === 1 ? msg : -1;
      const file = chunk === 2 ? 1 : 0;
      const contact = `c${(r * 7) % 1000}@x.com`;
      table.append(table.contactId(contact), table.typeId('open')!, at, -1, message, -1, file);
      rows.push(`${contact}|${at}|${message}|${file}`);
    }
    const { duplicates, crossFile } = table.dedupe(2);
    expect(duplicates).toEqual([0, 0]);
    expect(crossFile).toBe(0);
    const got: string[] = [];
    for (let c = 0; c < table.contacts.length; c++) {
      let last = -Infinity;
      for (const r of table.contactRows(c)) {
        got.push(`${table.contacts[c]}|${table.atOf(r)}|${table.messageOf(r)}|${table.fileOf(r)}`);
        expect(table.atOf(r)).toBeGreaterThanOrEqual(last); // each contact's rows in time order
        last = table.atOf(r);
      }
    }
    // Compared one by one (a diff of ~200k strings takes minutes to print when they differ).
    got.sort();
    rows.sort();
    expect(got.length).toBe(rows.length);
    expect(rows.filter((row, i) => got[i] !== row).slice(0, 3)).toEqual([]);
  });

  it('keeps few string ids in 8 bits and widens a chunk straight to 32 when a large id comes, before and after dedupe', () => {
    const table = new EventTable();
    const ids = Array.from({ length: 70_000 }, (_, k) => table.stringId(`s${k}`));
    const want: number[] = [];
    for (let r = 0; r < 1000; r++) {
      // Small ids (8 bits) until row 700, then one of the largest: the 8-bit chunk becomes 32-bit.
      const id = r === 700 ? ids[69_999]! : ids[r % 200]!;
      want.push(id);
      table.append(table.contactId(`c${r % 10}@x.com`), table.typeId('click')!, 1_714_554_000_000 + r * 1000, id, id === ids[69_999] ? -1 : ids[r % 50]!, id, 0);
    }
    expect(want.map((_, r) => table.campaignOf(r))).toEqual(want);
    expect(want.map((_, r) => table.urlOf(r))).toEqual(want);
    table.dedupe(1);
    const got: number[] = [];
    for (let c = 0; c < table.contacts.length; c++) for (const r of table.contactRows(c)) got.push(table.campaignOf(r));
    expect(got.sort((a, b) => a - b)).toEqual([...want].sort((a, b) => a - b));
  });

  it('refuses to deduplicate a carrier table, and appends after dedupe', () => {
    const carrier = new EventTable({ carrier: true });
    carrier.append(carrier.contactId('a@x.com'), carrier.typeId('open')!, 0, -1, -1, -1, 0);
    expect(() => carrier.dedupe()).toThrow(/carrier/);
    const table = new EventTable();
    table.append(table.contactId('a@x.com'), table.typeId('open')!, 0, -1, -1, -1, 0);
    table.dedupe();
    expect(() => table.append(0, 0, 0, -1, -1, -1, 0)).toThrow(/after dedupe/);
  });

  it('turns its rows back into events after dedupe: every field it holds, bounce classes, contact by contact', () => {
    const table = new EventTable();
    const add = (email: string, type: string, at: number, campaign?: string, message?: string, url?: string, bounce = 0) =>
      table.append(table.contactId(email), table.typeId(type, bounce)!, at, table.stringId(campaign), table.stringId(message), table.stringId(url), 0);
    add('b@x.com', 'click', 2_000, 'Spring', 'm-1', 'https://x.com/pricing');
    add('a@x.com', 'bounce', 1_500, 'Spring', undefined, undefined, 2);
    add('b@x.com', 'open', 1_000, 'Spring', 'm-1');
    add('a@x.com', 'bounce', 1_600, undefined, undefined, undefined, 1);
    add('a@x.com', 'bounce', 1_700);
    add('b@x.com', 'open', 1_000, 'Spring', 'm-1'); // a duplicate: dropped
    expect(() => table.toEvents()).toThrow(/dedupe/);
    table.dedupe();
    const source = { format: 'generic', record: 0 };
    expect(table.toEvents()).toEqual([
      { contact: 'b@x.com', type: 'open', at: 1_000, campaign: 'Spring', message: 'm-1', source },
      { contact: 'b@x.com', type: 'click', at: 2_000, campaign: 'Spring', message: 'm-1', url: 'https://x.com/pricing', source },
      { contact: 'a@x.com', type: 'bounce', at: 1_500, campaign: 'Spring', bounce: 'soft', source },
      { contact: 'a@x.com', type: 'bounce', at: 1_600, bounce: 'hard', source },
      { contact: 'a@x.com', type: 'bounce', at: 1_700, source },
    ]);
  });

  it('orders each contact\'s rows by time, type, message, URL, file, campaign and bounce, few rows or many', () => {
    let seed = 7;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const table = new EventTable();
    const types = ['open', 'click', 'bounce'].map((t) => table.typeId(t)!);
    const strings = ['a', 'b', 'c'].map((x) => table.stringId(x));
    // 30 rows (the insertion sort) and 120 rows (the comparator sort), with many equal times.
    const sizes: Record<string, number> = { 'few@x.com': 30, 'many@x.com': 120 };
    const rows: { contact: string; at: number; type: number; message: number; url: number; file: number; campaign: string; bounce: number }[] = [];
    for (const [contact, count] of Object.entries(sizes)) {
      for (let k = 0; k < count; k++) {
        const row = { contact, at: 1_000 * rand(6), type: types[rand(3)]!, message: strings[rand(3)]!, url: rand(2) ? strings[rand(3)]! : -1, file: rand(2), campaign: ['a', 'b', 'c'][rand(3)]!, bounce: rand(3) };
        rows.push(row);
        // A type id stands for a name and a bounce class; row.type is the name's (bounce 0) id, its rank.
        table.append(table.contactId(contact), table.typeId(table.types[row.type]!, row.bounce)!, row.at, table.stringId(row.campaign), row.message, row.url, row.file);
      }
    }
    table.dedupe(2);
    const key = (r: { at: number; type: number; message: number; url: number; file: number; campaign: string; bounce: number }) => [r.at, r.type, r.message, r.url, r.file, r.campaign, r.bounce].join('|');
    const cmp = (a: (typeof rows)[number], b: (typeof rows)[number]): number =>
      a.at - b.at || a.type - b.type || a.message - b.message || a.url - b.url || a.file - b.file || (a.campaign < b.campaign ? -1 : a.campaign > b.campaign ? 1 : 0) || a.bounce - b.bounce;
    for (const contact of Object.keys(sizes)) {
      const got = [...table.contactRows(table.contactId(contact))].map((r) =>
        key({ at: table.atOf(r), type: table.typeId(table.types[table.typeOf(r)]!)!, message: table.messageOf(r), url: table.urlOf(r), file: table.fileOf(r), campaign: table.strings[table.campaignOf(r)]!, bounce: table.bounceOf(r) }),
      );
      const sorted = rows.filter((r) => r.contact === contact).sort(cmp).map(key);
      expect(got.length).toBeGreaterThan(10);
      // What dedupe kept, in the reference order (it drops repeats, so compare as a subsequence).
      let at = 0;
      for (const k of got) {
        while (at < sorted.length && sorted[at] !== k) at++;
        expect(at, `${contact}: ${k} out of order`).toBeLessThan(sorted.length);
        at++;
      }
      expect([...got].sort((a, b) => sorted.indexOf(a) - sorted.indexOf(b))).toEqual(got);
    }
  });
});
