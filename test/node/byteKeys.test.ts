import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteKeys, hashBytes, hashText, MISSING } from '../../src/node/byteKeys.js';
import { quickTime } from '../../src/node/readEventTable.js';
import { parseTimestamp } from '../../src/ingest/timestamps.js';

describe('ByteKeys (byte-string keys of the columnar reader)', () => {
  it('answers get and getMany as a Map of the same keys does, through growth, for keys of any length', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 0, maxLength: 70 }), { minLength: 1, maxLength: 3000 }), fc.integer({ min: 0, max: 7 }), (keys, pad) => {
        // All keys side by side in one buffer, at an odd offset (unaligned four-byte reads).
        const total = keys.reduce((a, k) => a + k.length, pad);
        const buf = new Uint8Array(total);
        const starts = new Int32Array(keys.length);
        const ends = new Int32Array(keys.length);
        let at = pad;
        keys.forEach((k, i) => {
          buf.set(k, at);
          starts[i] = at;
          ends[i] = at += k.length;
        });
        const map = new Map<string, number>();
        const bytes = new ByteKeys();
        const before = new Int32Array(keys.length);
        bytes.getMany(buf, starts, ends, keys.length, before);
        expect([...before].every((v) => v === MISSING)).toBe(true);
        keys.forEach((k, i) => {
          const name = Buffer.from(k).toString('hex');
          const expected = map.get(name) ?? MISSING;
          expect(bytes.get(buf, starts[i]!, ends[i]!)).toBe(expected);
          if (expected === MISSING && i % 3 !== 2) {
            map.set(name, i);
            bytes.set(buf, starts[i]!, ends[i]!, i);
          }
        });
        expect(bytes.size).toBe(map.size);
        const after = new Int32Array(keys.length);
        bytes.getMany(buf, starts, ends, keys.length, after);
        keys.forEach((k, i) => expect(after[i]).toBe(map.get(Buffer.from(k).toString('hex')) ?? MISSING));
        // The same answers when the caller hashed the keys already (the reader hashes e-mail cells once).
        const view = new DataView(buf.buffer);
        const hashes = Int32Array.from(keys, (_, i) => hashBytes(buf, view, starts[i]!, ends[i]!));
        const given = new Int32Array(keys.length);
        bytes.getMany(buf, starts, ends, keys.length, given, hashes);
        expect([...given]).toEqual([...after]);
      }),
      { seed: 20261202, numRuns: 60 },
    );
  });
});

describe('hashBytes and hashText', () => {
  it('hash a text and its bytes alike, and ASCII letters alike in either case', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcXYZ09@.-_+ ,<>:"\''), maxLength: 40 }), fc.integer({ min: 0, max: 5 }), (text, pad) => {
        const buf = Buffer.from(`${'#'.repeat(pad)}${text}`);
        const view = new DataView(buf.buffer, buf.byteOffset, buf.length);
        expect(hashBytes(buf, view, pad, buf.length)).toBe(hashText(text));
        expect(hashText(text.toUpperCase())).toBe(hashText(text.toLowerCase()));
      }),
      { seed: 20261202, numRuns: 500 },
    );
    expect(hashText('ann@x.com')).not.toBe(hashText('ann@x.con'));
  });
});

describe('quickTime (the reader’s timestamp fast path)', () => {
  it('gives what parseTimestamp gives for ISO UTC times and epochs, 1990 to 2199, and leaves the rest to it', () => {
    const lo = Date.UTC(1990, 0, 1);
    const hi = Date.UTC(2199, 11, 31);
    fc.assert(
      fc.property(fc.integer({ min: lo, max: hi }), fc.integer({ min: 0, max: 5 }), (t, shape) => {
        const iso = new Date(t).toISOString();
        const text = [iso, iso.replace(/\.\d+Z$/, 'Z'), iso.replace('T', ' '), iso.replace(/(\.\d)\d\dZ$/, '$1Z'), String(Math.floor(t / 1000)), String(t)][shape]!;
        const buf = Buffer.from(`x,${text},y`);
        const quick = quickTime(buf, 2, 2 + text.length);
        const parsed = parseTimestamp(text);
        if (shape >= 4 && text.length !== 10 && text.length !== 13) expect(quick).toBeUndefined(); // epochs before 2001 have fewer digits
        else {
          expect(quick).toBeDefined();
          expect(parsed.ok && parsed.at).toBe(quick);
        }
      }),
      { seed: 20261202, numRuns: 2000 },
    );
    for (const odd of ['2026-02-29T10:00:00Z', '2026-13-01T10:00:00Z', '2026-05-01T24:00:00Z', '2026-05-01T10:00:00', '2026-05-01T10:00:00.1234Z', '1989-12-31T23:59:59Z', '12345678901']) {
      expect(quickTime(Buffer.from(odd), 0, odd.length)).toBeUndefined();
    }
    expect(quickTime(Buffer.from('2024-02-29T23:59:59.5Z'), 0, 22)).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 500));
  });
});
