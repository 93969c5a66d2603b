import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProviderAdapter } from '../../src/ingest/adapter.js';
import { createCollector } from '../../src/ingest/collector.js';
import { readContainer } from '../../src/ingest/container.js';
import { parseEvents } from '../../src/ingest/parseEvents.js';
import { PROVIDERS } from '../../src/ingest/providers/index.js';
import { leadrank } from '../../src/ingest/providers/leadrank.js';
import type { IngestResult } from '../../src/ingest/result.js';
import { eventFixtures } from './fixtures.js';

// One contract every provider adapter passes, on every fixture of its own, with no per-provider code.
const adapters: ProviderAdapter[] = [...PROVIDERS, leadrank];
const SNAKE = /^[a-z][a-z0-9_]*$/;

/** The records of an input after the core's splitting and the adapter's unwrapping, as the collector sees them. */
function leafRecords(adapter: ProviderAdapter, text: string): unknown[] {
  const out: unknown[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth < 4 && Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const inner = depth < 4 ? adapter.unwrap?.(v) : undefined;
    if (inner !== undefined) return inner.forEach((x) => visit(x, depth + 1));
    out.push(v);
  };
  for (const item of readContainer(text).items) visit(item, 0);
  return out;
}

function run(adapter: ProviderAdapter, records: readonly unknown[], timezone?: string): IngestResult {
  const c = createCollector(adapter, { container: 'objects', timezone });
  for (const r of records) c.add(r);
  return c.finish();
}

const withoutSource = (r: IngestResult): unknown[] => r.events.map(({ source: _s, ...e }) => e);
const codes = (r: IngestResult): string[] => r.rejected.map((x) => x.code).sort();

function accountsForEveryRecord(r: IngestResult): void {
  const ignored = Object.values(r.meta.ignored).reduce((a, b) => a + b, 0);
  expect(r.meta.recordsWithEvents + r.meta.recordsAllDuplicates + r.meta.rejected + ignored).toBe(r.meta.records);
  expect(r.meta.events).toBe(r.events.length);
  expect(r.meta.rejected).toBe(r.rejected.length);
  for (const rej of r.rejected) expect(rej.code).toMatch(SNAKE);
  for (const rule of Object.keys(r.meta.ignored)) expect(rule).toMatch(SNAKE);
}

const GARBAGE: unknown[] = [
  null,
  42,
  'a string',
  true,
  [],
  {},
  { email: 12, event: { nested: true }, timestamp: [] },
  JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}'),
  Object.create(null),
  { type: '__proto__', event: '__proto__', action: 'constructor', RecordType: 'toString', eventType: 'hasOwnProperty' },
];

function deep(n: number): unknown {
  let v: unknown = { email: 'a@x.com' };
  const keys = ['msys', 'event-data', 'items', 'emails', 'events', 'Records'];
  for (let i = 0; i < n; i++) v = { [keys[i % keys.length]!]: i % 3 === 0 ? [v] : v };
  return v;
}

for (const adapter of adapters) {
  const fixtures = eventFixtures().filter((f) => f.provider === adapter.name && (f.options.format ?? 'auto') === 'auto');

  describe(`the ${adapter.name} adapter`, () => {
    it('has at least one fixture of its own under fixtures/<name>/', () => {
      expect(fixtures.length).toBeGreaterThan(0);
    });

    for (const fx of fixtures) {
      it(`is auto-detected for ${fx.file} and accounts for every record`, () => {
        const r = parseEvents(fx.text, fx.options);
        expect(r.meta.format).toBe(adapter.name);
        accountsForEveryRecord(r);
        expect(r.events.length).toBeGreaterThan(0);
      });

      it(`gives the same events for ${fx.file} in any record order`, () => {
        const records = leafRecords(adapter, fx.text);
        const base = run(adapter, records, fx.options.timezone);
        fc.assert(
          fc.property(fc.shuffledSubarray(records.map((_, i) => i), { minLength: records.length, maxLength: records.length }), (order) => {
            const shuffled = run(adapter, order.map((i) => records[i]), fx.options.timezone);
            expect(withoutSource(shuffled)).toEqual(withoutSource(base));
            expect(codes(shuffled)).toEqual(codes(base));
            expect(shuffled.meta.ignored).toEqual(base.meta.ignored);
            expect(shuffled.meta.duplicates).toBe(base.meta.duplicates);
          }),
          { seed: 20240501, numRuns: 25 },
        );
      });
    }

    it('emits, across its fixtures, every canonical type and ignore rule its event table lists', () => {
      const results = fixtures.map((fx) => parseEvents(fx.text, fx.options));
      const types = new Set(results.flatMap((r) => r.events.map((e) => e.type)));
      const rules = new Set(results.flatMap((r) => Object.keys(r.meta.ignored)));
      for (const target of new Set(Object.values(adapter.eventTypes))) {
        if (target.startsWith('ignored:')) expect(rules, target).toContain(target.slice('ignored:'.length));
        else expect(types, target).toContain(target);
      }
    });

    it('rejects garbage records with a snake_case code and never throws', () => {
      const r = run(adapter, GARBAGE);
      accountsForEveryRecord(r);
      expect(r.events).toEqual([]);
      expect(r.meta.records).toBeGreaterThanOrEqual(GARBAGE.length - 1); // `[]` holds no record
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('survives hostile input: binary junk, deep nesting, a 10 MB field, __proto__ keys', () => {
      const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
      for (const input of [junk, '\u0000\uffff{[', JSON.stringify(deep(2000)), '['.repeat(100_000) + ']'.repeat(100_000)]) {
        const r = parseEvents(input, { format: adapter.name });
        accountsForEveryRecord(r);
      }
      const big = 'x'.repeat(10 * 1024 * 1024);
      const hostile = leafRecords(adapter, fixtures[0]?.text ?? '[]').slice(0, 3).map((rec) =>
        rec !== null && typeof rec === 'object' ? { ...(rec as object), url: big, email: `${big}@x.com`, __proto__: { polluted: 'yes' } } : rec,
      );
      const started = performance.now();
      accountsForEveryRecord(run(adapter, [...hostile, { note: big }]));
      expect(performance.now() - started).toBeLessThan(5000);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });
}
