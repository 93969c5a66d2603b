import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { safeCell, toSafeCsv } from '../../src/report/index.js';
import { safeCsvParts } from '../../src/report/csvSafe.js';
import { prettyJsonParts } from '../../src/report/jsonParts.js';

const SEED = 20261203;

const joined = (parts: Iterable<string>): string => [...parts].join('');
const stringified = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** JSON-ish values with what JSON.stringify treats specially: undefined, functions, toJSON, classes. */
const leaf = fc.oneof(
  fc.string(),
  fc.constantFrom('line\nbreak', 'quote "x"', 'tab\tend', '\u2028', 'é🙂'),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(() => 1),
  fc.date({ noInvalidDate: true }),
  fc.constant(new Map([[1, 2]])),
  fc.constant(Object(3) as unknown),
  fc.constant(Object('boxed') as unknown),
  fc.constant({ toJSON: () => undefined }),
);
const { value: jsonish } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 5 }),
    fc.dictionary(fc.constantFrom('a', 'b', '__proto__'), tie('value'), { maxKeys: 3, noNullPrototype: false }),
  ),
}));

describe('prettyJsonParts', () => {
  it('joins to the bytes of JSON.stringify(value, null, 2) plus a newline, at every depth (fast-check, fixed seed)', () => {
    fc.assert(
      fc.property(jsonish, fc.integer({ min: 0, max: 5 }), (value, depth) => {
        expect(joined(prettyJsonParts(value, depth))).toBe(stringified(value));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('gives one piece per element of an opened array, not one string', () => {
    const doc = { asOf: 'x', unassigned: Array.from({ length: 1000 }, (_, i) => ({ contact: `c${i}`, score: i / 7 })) };
    const parts = [...prettyJsonParts(doc, 2)];
    expect(parts.join('')).toBe(stringified(doc));
    expect(parts.length).toBeGreaterThan(1000);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(100);
  });

  it('writes what the template literal writes for a value with no JSON text', () => {
    expect(joined(prettyJsonParts(undefined, 2))).toBe(`${JSON.stringify(undefined)}\n`);
  });
});

describe('safeCsvParts', () => {
  const columns = ['a', 'b', 'c'] as const;
  /** What toSafeCsv wrote in one papaparse call before it came in pieces. */
  const oneCall = (rows: readonly Partial<Record<'a' | 'b' | 'c', string | number | null | undefined>>[]) =>
    Papa.unparse({ fields: [...columns], data: rows.map((r) => columns.map((c) => safeCell(r[c]))) }, { newline: '\r\n' });
  const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('=1+1', 'x, "y"\nz', ' pad ', '\r\n', ''), fc.integer(), fc.constant(null), fc.constant(undefined));

  it('joins to the bytes of one papaparse call, across the piece boundaries (fast-check, fixed seed)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ a: cell, b: cell, c: cell }, { requiredKeys: [] }), { maxLength: 20 }), fc.constantFrom(0, 4095, 4096, 4097, 8193), (sample, n) => {
        const rows = Array.from({ length: n + sample.length }, (_, i) => sample[i % Math.max(1, sample.length)] ?? { a: i, b: `r${i}` });
        expect(joined(safeCsvParts(columns, rows))).toBe(oneCall(rows));
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('is what toSafeCsv writes, in pieces of a few thousand rows', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ a: i, b: i % 3 === 0 ? '=evil' : 'ok', c: null }));
    const parts = [...safeCsvParts(columns, rows)];
    expect(parts).toHaveLength(3);
    expect(parts.join('')).toBe(toSafeCsv(columns, rows));
    expect(toSafeCsv(columns, [])).toBe('a,b,c\r\n');
  });
});
