import { describe, expect, it } from 'vitest';
import { LeadrankError, RepSchema, parseOrThrow, toEpochMs } from '../../src/index.js';

describe('LeadrankError', () => {
  it('names the file, row, field and value of a bad input', () => {
    expect(() => parseOrThrow(RepSchema, { id: 'ana', capacity: 'ten' }, { file: 'reps.csv', row: 4 })).toThrowError(
      /^leadrank: reps\.csv row 4: capacity .*\(got "ten"\)$/,
    );
  });

  it('carries the issues as data', () => {
    try {
      parseOrThrow(RepSchema, { id: 'ana', capacity: -1 }, { file: 'reps.csv', row: 2 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LeadrankError);
      const issue = (e as LeadrankError).issues[0];
      expect(issue).toMatchObject({ file: 'reps.csv', row: 2, field: 'capacity' });
    }
  });
});

describe('toEpochMs', () => {
  it('reads a Date, epoch milliseconds and ISO strings with or without a zone', () => {
    expect(toEpochMs(new Date('2026-11-23T00:00:00Z'))).toBe(Date.UTC(2026, 10, 23));
    expect(toEpochMs(Date.UTC(2026, 10, 23))).toBe(Date.UTC(2026, 10, 23));
    expect(toEpochMs('2026-11-23')).toBe(Date.UTC(2026, 10, 23));
    expect(toEpochMs('2026-11-23T10:00:00')).toBe(Date.UTC(2026, 10, 23, 10));
    expect(toEpochMs('2026-11-23T10:00:00+02:00')).toBe(Date.UTC(2026, 10, 23, 8));
  });

  it('throws one LeadrankError naming the field for anything else', () => {
    expect(() => toEpochMs('last tuesday')).toThrowError(/^leadrank: asOf must be/);
  });
});
