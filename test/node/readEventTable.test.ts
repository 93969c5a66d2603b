import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEventFiles, readEventTableFiles, type EventReadOptions } from '../../src/cli/events.js';
import { scoreTableInThreads } from '../../src/cli/tableThreads.js';
import { EventTable } from '../../src/ingest/eventTable.js';
import { partOf, partOfBytes, probeEventTable, readEventTable } from '../../src/node/readEventTable.js';
import { ContactSchema, type Contact } from '../../src/model/contact.js';
import { scoreContacts } from '../../src/score/scoreContacts.js';
import { leadsOfEventTable, scoreEventTable } from '../../src/score/scoreEventTable.js';
import type { ScoringModelInput } from '../../src/score/schema.js';

const AS_OF = Date.UTC(2026, 4, 3, 12);
const CONTACTS: Contact[] = [{ email: 'ann@farm.example', company: 'Farm', country: 'DE' }, { email: 'crm.only@farm.example', company: 'Vet' }].map((c) => ContactSchema.parse(c));
const MODEL = { fit: { rules: [{ field: 'country', op: 'equals' as const, value: 'DE', points: 5 }] } };

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const csvCell = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

const EMAILS = ['ann@farm.example', ' Ann@Farm.Example ', '"Ann" <ann@farm.example>', 'bob@vet.example', 'BOB@vet.example', 'cy@agri.example', 'dee@agri.example', 'not-an-email', '', 'mailto:eve@farm.example'];
const TYPES = ['open', 'open', 'click', 'click', 'click', 'delivered', 'sent', 'Opened', 'bounce', 'hard_bounce', 'soft bounce', 'unsubscribe', 'complaint', 'reply', 'weird type!', 'skipme', ''];
const CAMPAIGNS = ['spring-tractors', 'vet-care', 'Harvest, 2026', '', ' spaced '];
const URLS = ['https://agri.example/pricing', 'https://agri.example/tractors/x9', 'https://agri.example/veterinary/vaccines', 'https://agri.example/unsubscribe', 'https://agri.example/careers', '', ' https://agri.example/demo '];

function time(r: () => number): string {
  const at = AS_OF - Math.floor(r() * 20 * 86_400_000);
  const near = AS_OF - 3 * 86_400_000 + Math.floor(r() * 8) * 1000; // same-second and burst evidence
  const t = r() < 0.3 ? near : at;
  const shapes = [
    () => new Date(t).toISOString().replace('.000Z', 'Z'),
    () => new Date(t).toISOString(),
    () => String(Math.floor(t / 1000)),
    () => String(t),
    () => new Date(t + 7_200_000).toISOString().replace('.000Z', '+02:00'),
    () => new Date(t).toISOString().replace('T', ' ').replace('.000Z', ''),
    () => 'yesterday',
    () => '2026-02-30T10:00:00Z',
    () => '',
    () => new Date(AS_OF + 86_400_000).toISOString(),
  ];
  const i = Math.floor(r() * 100);
  return shapes[i < 50 ? 0 : i < 60 ? 1 : i < 70 ? 2 : i < 75 ? 3 : i < 80 ? 4 : i < 85 ? 5 : 6 + (i % 4)]!();
}

/** A messy export: every shape the columnar reader must read as the object path does. */
function messyCsv(seed: number, rows: number, plainHeader = false): string {
  const r = rng(seed);
  const crlf = r() < 0.3;
  const lines: string[] = [];
  if (r() < 0.3) lines.push('');
  lines.push(r() < 0.5 || plainHeader ? 'email,type,timestamp,campaign,url' : 'Email,Event,Timestamp,Campaign,URL');
  const made: string[] = [];
  for (let i = 0; i < rows; i++) {
    const x = r();
    if (x < 0.03) lines.push('');
    else if (x < 0.05) lines.push(',,,,');
    else if (x < 0.07) lines.push('ann@farm.example,open,2026-05-01T10:00:00Z');
    else if (x < 0.09) lines.push(`bob@vet.example,click,2026-05-01T10:00:0${i % 10}Z,"multi\nline",https://agri.example/pricing`);
    else if (x < 0.17 && made.length > 0) lines.push(pick(r, made));
    else if (x < 0.22 && made.some((l) => !l.includes('"'))) lines.push(pick(r, made.filter((l) => !l.includes('"'))).replace(/,[^,]*,([^,]*)$/, `,${csvCell(pick(r, CAMPAIGNS))},$1`));
    else {
      const line = [pick(r, EMAILS), pick(r, TYPES), time(r), pick(r, CAMPAIGNS), pick(r, URLS)].map(csvCell).join(',');
      made.push(line);
      lines.push(line);
    }
  }
  const text = lines.join(crlf ? '\r\n' : '\n') + (r() < 0.5 ? '\n' : '');
  return r() < 0.2 ? `\uFEFF${text}` : text;
}

const dir = mkdtempSync(join(tmpdir(), 'leadrank-table-'));
function write(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

/** The threaded path (its parts run on this thread, trading rows as worker threads do). */
async function inParts(paths: string[], options: EventReadOptions, count: number, top: number | undefined) {
  const read = await scoreTableInThreads(paths, options, dir, { asOf: AS_OF, model: MODEL, contacts: CONTACTS, top }, count, undefined, true);
  expect(read).toBeDefined();
  const scores = read!.scores ?? scoreEventTable(read!.table!, { asOf: AS_OF, model: MODEL, contacts: CONTACTS, ...(top === undefined ? {} : { top }) });
  return { read: read!, scores, split: read!.scores !== undefined };
}

async function both(paths: string[], options: EventReadOptions, count = 2) {
  const scoring = { asOf: AS_OF, model: MODEL, contacts: CONTACTS };
  const objects = await readEventFiles(paths, options, dir);
  const expected = { files: objects.files, rejected: objects.rejected, cross: objects.crossFileDuplicates, scored: scoreContacts(objects.events, scoring) };
  const tabled = await readEventTableFiles(paths, options, dir);
  expect(tabled).toBeDefined();
  const table = scoreEventTable(tabled!.table!, scoring);
  const lean = leadsOfEventTable(tabled!.table!, scoring);
  const actual = { files: tabled!.files, rejected: tabled!.rejected, cross: tabled!.crossFileDuplicates, scored: table.scored };
  const parts = await inParts(paths, options, count, 5);
  const merged = { ...parts.read, scores: parts.scores };
  const every = await inParts(paths, options, count, undefined); // as lists and segments read: every contact
  return { expected, actual, merged, every: every.scores.scored, table, lean, split: parts.split };
}

describe('the columnar reader and scorer (readEventTableFiles, scoreEventTable)', () => {
  it('read and score messy CSV exports exactly as the object path does, in one thread or split in parts', async () => {
    let splits = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.boolean(), fc.integer({ min: 2, max: 3 }), async (seed, mapped, count) => {
        const paths = [write(`a${seed}.csv`, messyCsv(seed, 160, mapped)), write(`b${seed}.csv`, messyCsv(seed + 1, 60, mapped))];
        const options: EventReadOptions = mapped
          ? { mapping: { contact: 'email', type: 'type', at: 'timestamp', campaign: 'campaign', url: 'url', types: { skipme: 'ignored:test_rule' } }, timezone: 'Europe/Berlin' }
          : {};
        const { expected, actual, merged, every, table, lean, split } = await both(paths, options, count);
        if (split) splits += 1;
        for (const k of ['rejected', 'files', 'cross', 'scored'] as const) {
          const a = JSON.stringify(actual[k]);
          const e = JSON.stringify(expected[k]);
          let i = 0;
          while (i < a.length && a[i] === e[i]) i++;
          expect(`${k}: ${a.slice(Math.max(0, i - 300), i + 200)}`).toBe(`${k}: ${e.slice(Math.max(0, i - 300), i + 200)}`);
        }
        expect(JSON.stringify({ files: merged.files, rejected: merged.rejected, cross: merged.crossFileDuplicates, scored: merged.scores!.scored })).toBe(
          JSON.stringify({ ...expected, scored: expected.scored.slice(0, 5) }),
        );
        expect(JSON.stringify(every)).toBe(JSON.stringify(expected.scored));
        expect(table.contacts).toBe(expected.scored.length);
        expect(merged.scores!.tiers).toEqual(table.tiers);
        // The lean leads of `lists`: the fields the allocation reads, and the reasons once read, as scored.
        expect(lean.contacts).toBe(table.contacts);
        expect(lean.tiers).toEqual(table.tiers);
        const leadOf = (c: (typeof expected.scored)[number] | (typeof lean.leads)[number]) => ({
          contact: c.contact,
          score: c.score,
          tier: c.tier,
          label: c.label,
          interests: c.interests,
          flags: c.flags,
          lastEngagement: c.lastEngagement,
          details: c.details,
          reasons: c.reasons,
        });
        const byContact = <T extends { contact: string }>(xs: readonly T[]): T[] => [...xs].sort((a, b) => (a.contact < b.contact ? -1 : a.contact > b.contact ? 1 : 0));
        expect(byContact(lean.leads).map(leadOf)).toEqual(byContact(expected.scored).map(leadOf));
      }),
      { seed: 20261202, numRuns: 30 },
    );
    expect(splits).toBeGreaterThan(10); // most runs really were read in parts (the rest fell back to one thread)
  });

  it('score a table as the object path does under a model that uses every per-hit rule (overrides, campaign topics, machine points, repeats)', async () => {
    // Link weights and overrides, campaign topics and multipliers, topic bonuses, machine hits that
    // count (with their own repeat keys), repeats per type and per link: what a hit's ids decide.
    const models: ScoringModelInput[] = [
      {
        weights: { events: { reply: 9, bounce: -4, custom: 2 }, topics: { tractors: 1.5, vet: 0.75, spring: 2 } },
        links: { rules: [{ pattern: '*/pricing', weight: 6, label: 'pricing' }, { pattern: '*/veterinary/*', multiplier: 1.7, topics: ['vet', 'tractors'] }] },
        campaigns: [{ match: 'spring*', topics: ['spring', 'tractors'], multiplier: 1.25 }, { match: '*harvest*', multiplier: 0.5 }],
        machine: { multiplier: 0.3 },
        repeats: { oncePerMessage: ['open', 'reply'], clickOncePerLink: true },
        caps: { perTypePerDay: 2 },
      },
      { machine: { multiplier: 1 }, repeats: { oncePerMessage: [], clickOncePerLink: false }, campaigns: [{ match: '*', topics: ['all'] }], weights: { topics: { all: 0.5 } } },
    ];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom(0, 1), async (seed, which) => {
        const model = models[which]!;
        const paths = [write(`m${seed}.csv`, messyCsv(seed, 200))];
        const objects = await readEventFiles(paths, {}, dir);
        const tabled = await readEventTableFiles(paths, {}, dir);
        const scoring = { asOf: AS_OF, model, contacts: CONTACTS };
        expect(JSON.stringify(scoreEventTable(tabled!.table!, scoring).scored)).toBe(JSON.stringify(scoreContacts(objects.events, scoring)));
      }),
      { seed: 20261204, numRuns: 40 },
    );
  });

  it('reads a file in parts by e-mail, quoted cells of many lines included, numbering records as one thread does', async () => {
    const head = 'email,type,timestamp,campaign\n';
    const row = (i: number) => `u${i}@farm.example,open,2026-05-01T10:00:${String(i % 60).padStart(2, '0')}Z,spring\n`;
    const rows = Array.from({ length: 40 }, (_, i) => row(i)).join('');
    // One quoted cell of many lines in the middle, an address only part 0 reads (spaces) and a bad row late in the file.
    const quoted = write('quoted.csv', `${head}${rows}a@farm.example,click,2026-05-01T10:00:00Z,"${'line\n'.repeat(200)}"\n  U7@Farm.example ,click,2026-05-01T11:00:00Z,x\n${rows}u3@farm.example,open,never,spring\n`);
    const objects = await readEventFiles([quoted], {}, dir);
    for (const count of [2, 3]) {
      const threaded = await inParts([quoted], {}, count, undefined);
      expect(threaded.split).toBe(true);
      expect(JSON.stringify(threaded.scores.scored)).toBe(JSON.stringify(scoreContacts(objects.events, { asOf: AS_OF, model: MODEL, contacts: CONTACTS })));
      expect(threaded.read.files[0]!.meta.records).toBe(83);
      expect(threaded.read.rejected).toEqual(objects.rejected);
      expect(threaded.read.rejected.map((r) => r.record)).toEqual([83]);
    }
  });

  it('reads a file in small chunks as in one: records across chunk boundaries, longer than the gap before a chunk or than a chunk', async () => {
    // `readBytes` puts boundaries everywhere: inside cells, inside quoted cells of many lines, between
    // \r and \n, inside the BOM; a chunk of 7 bytes has a gap of 1 (records are joined), one of 997 a
    // gap of 124 (most records are copied into it, a few joined).
    const readAll = async (name: string, readBytes: number | undefined, part?: { index: number; count: number }) => {
      const probe = await probeEventTable(join(dir, name));
      expect(probe).toBeDefined();
      const tables = Array.from({ length: part?.count ?? 1 }, () => new EventTable());
      const read = await readEventTable(probe!, tables, 0, { ...(readBytes === undefined ? {} : { readBytes }), ...(part === undefined ? {} : { part }) });
      const events = tables.map((t) => (t.dedupe(), t.toEvents()));
      return JSON.stringify({ read, events });
    };
    let joined = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom(7, 64, 997), fc.constantFrom(1, 2), async (seed, readBytes, count) => {
        const name = write(`chunks${seed}.csv`, messyCsv(seed, 120));
        const part = count === 1 ? undefined : { index: seed % count, count };
        expect(await readAll(name, readBytes, part)).toBe(await readAll(name, undefined, part));
        if (readBytes === 7) joined += 1;
      }),
      { seed: 20261206, numRuns: 30 },
    );
    expect(joined).toBeGreaterThan(0);
  });

  it("tells apart a cell spelled as another cell's canonical address when its own canonical form differs (a leading quote)", async () => {
    // `''ann@farm.example` is the address `'ann@farm.example`; a cell spelled `'ann@farm.example` is
    // `ann@farm.example`: the reader's index of addresses must not take the one for the other.
    const head = 'email,type,timestamp,campaign\n';
    const rows = [`''ann@farm.example,reply,2026-05-01T10:00:00Z,spring`, `'ann@farm.example,click,2026-05-01T11:00:00Z,spring`, `ann@farm.example,open,2026-05-01T12:00:00Z,spring`, `'ann@farm.example,open,2026-05-02T12:00:00Z,spring`];
    const path = write('quote.csv', `${head}${rows.join('\n')}\n`);
    const later = write('quote2.csv', `${head}${rows.slice(1).join('\n')}\n${rows[0]}\n`); // a second file: the index starts from the table's contacts
    const scoring = { asOf: AS_OF, model: MODEL, contacts: CONTACTS };
    for (const paths of [[path], [path, later], [later, path]]) {
      const objects = await readEventFiles(paths, {}, dir);
      const expected = scoreContacts(objects.events, scoring);
      expect(expected.map((c) => c.contact).sort()).toEqual(["'ann@farm.example", 'ann@farm.example', 'crm.only@farm.example']); // two contacts from the file, one from the CRM
      const tabled = await readEventTableFiles(paths, {}, dir);
      expect(JSON.stringify(scoreEventTable(tabled!.table!, scoring).scored)).toBe(JSON.stringify(expected));
      expect(JSON.stringify((await inParts(paths, {}, 2, undefined)).scores.scored)).toBe(JSON.stringify(expected));
    }
  });

  it('finds the part of a plain e-mail cell from its bytes as partOf finds it from the canonical address', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9._+-]{1,20}@[A-Za-z0-9.-]{1,20}$/), fc.integer({ min: 2, max: 5 }), (cell, count) => {
        const bytes = Buffer.from(`x,${cell},y`);
        expect(partOfBytes(bytes, 2, 2 + cell.length, count)).toBe(partOf(cell.toLowerCase(), count));
      }),
      { seed: 20261202, numRuns: 300 },
    );
    const parts = new Set(Array.from({ length: 64 }, (_, i) => partOf(`contact${i}@farm.example`, 3)));
    expect(parts).toEqual(new Set([0, 1, 2])); // the hash spreads addresses that differ in one character
  });

  it('finds rejections, duplicates, ignores and notes in a messy file (the comparison is not vacuous)', async () => {
    const path = write('check.csv', messyCsv(7, 400, true));
    const { expected } = await both([path], { mapping: { contact: 'email', type: 'type', at: 'timestamp', campaign: 'campaign', url: 'url', types: { skipme: 'ignored:test_rule' } } });
    const meta = expected.files[0]!.meta;
    expect(meta.rejected).toBeGreaterThan(10);
    expect(meta.duplicates).toBeGreaterThan(5);
    expect(meta.ignored['test_rule']).toBeGreaterThan(0);
    expect(meta.notes.length).toBeGreaterThan(0);
    expect(new Set(expected.rejected.map((r) => r.code))).toEqual(new Set(['invalid_email', 'missing_email', 'invalid_timestamp', 'missing_timestamp', 'unknown_event_type', 'missing_event_type', 'malformed_row']));
    expect(expected.scored.some((s) => (s.machineEvents ?? 0) > 0)).toBe(true);
  });

  it('keeps provider exports, JSON and columns it does not hold on the object path', async () => {
    const sendgrid = write('sg.json', JSON.stringify([{ email: 'a@x.com', event: 'open', timestamp: 1714554000, sg_event_id: 'e1' }]));
    const withAgent = write('ua.csv', 'email,type,timestamp,user agent\na@x.com,open,2026-05-01T10:00:00Z,Mozilla/5.0\n');
    const withId = write('id.csv', 'email,type,timestamp,id\na@x.com,open,2026-05-01T10:00:00Z,e1\n');
    for (const p of [sendgrid, withAgent, withId]) expect(await probeEventTable(join(dir, p))).toBeUndefined();
    expect(await readEventTableFiles([withAgent, write('ok.csv', 'email,type,timestamp\na@x.com,open,2026-05-01T10:00:00Z\n')], {}, dir)).toBeUndefined();
    expect(await probeEventTable(join(dir, 'ok.csv'))).toBeDefined();
  });

  it('reads gzip exports, by their name or by their magic bytes, as the plain file', async () => {
    const text = messyCsv(11, 120, true);
    const plain = write('plain.csv', text);
    writeFileSync(join(dir, 'named.csv.gz'), gzipSync(text));
    writeFileSync(join(dir, 'unnamed.csv'), gzipSync(text));
    const expected = await both([plain], {});
    for (const p of ['named.csv.gz', 'unnamed.csv']) {
      const read = await readEventTableFiles([p], {}, dir);
      expect(read?.files[0]?.meta.records).toBe(expected.expected.files[0]!.meta.records);
      const scored = scoreEventTable(read!.table!, { asOf: AS_OF, model: MODEL, contacts: CONTACTS }).scored;
      expect(JSON.stringify(scored)).toBe(JSON.stringify(expected.expected.scored));
      // Not split (a gzip stream has no byte offsets to start at): one part reads it, both score.
      const parts = await inParts([p], {}, 2, undefined);
      expect(parts.split).toBe(true);
      expect(JSON.stringify(parts.scores.scored)).toBe(JSON.stringify(expected.expected.scored));
    }
  });

  it('leaves a file with malformed quoting to the object path (papaparse recovers it its own way)', async () => {
    const bad = write('quotes.csv', 'email,type,timestamp,campaign\na@x.com,open,2026-05-01T10:00:00Z,"Spring" promo\n');
    const inner = write('inner.csv', 'email,type,timestamp,campaign\na@x.com,open,2026-05-01T10:00:00Z,Spring "promo"\n');
    for (const p of [bad, inner]) {
      expect(await probeEventTable(join(dir, p))).toBeDefined();
      expect(await readEventTableFiles([p], {}, dir)).toBeUndefined();
    }
  });
});
