import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseEvents } from '../../src/ingest/parseEvents.js';
import { LeadrankError } from '../../src/model/errors.js';
import { readEvents } from '../../src/node/readEvents.js';
import { eventFixtures } from '../ingest/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'leadrank-read-'));

/** A stream that hands out `text` in small pieces, to cross every boundary (multi-byte characters too). */
function trickle(text: string, size = 7): Readable {
  const buf = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) chunks.push(buf.subarray(i, i + size));
  return Readable.from(chunks);
}

describe('readEvents', () => {
  for (const fx of eventFixtures()) {
    it(`reads ${fx.provider}/${fx.file} from a trickling stream exactly as parseEvents reads the string`, async () => {
      const expected = parseEvents(fx.text, fx.options);
      const got = await readEvents(trickle(fx.text), fx.options);
      expect(got.events).toEqual(expected.events);
      expect(got.rejected.map((r) => [r.record, r.code])).toEqual(expected.rejected.map((r) => [r.record, r.code]));
      expect({ ...got.meta, detection: undefined }).toEqual({ ...expected.meta, detection: undefined });
    });
  }

  it('reads a .gz file and reports progress in bytes and records', async () => {
    const fx = eventFixtures().find((f) => f.file === 'webhook.json')!;
    const path = join(dir, 'webhook.json.gz');
    writeFileSync(path, gzipSync(fx.text));
    const seen: { bytes: number; records: number }[] = [];
    const r = await readEvents(path, { onProgress: (p) => seen.push(p) });
    expect(r.meta.format).toBe('sendgrid');
    expect(r.events).toEqual(parseEvents(fx.text).events);
    expect(seen.at(-1)).toEqual({ bytes: readFileSync(path).length, records: r.meta.records });
  });

  it('hands events to onEvent and keeps none when asked to, counting duplicates all the same', async () => {
    const fx = eventFixtures().find((f) => f.file === 'webhook.json')!;
    const got: unknown[] = [];
    const r = await readEvents(trickle(fx.text, 4096), { onEvent: (e) => got.push(e) });
    expect(r.events).toEqual([]);
    expect(got).toHaveLength(r.meta.events);
    expect(r.meta.duplicates).toBe(1);
  });

  it('names the file when it cannot be read or its shape is unknown', async () => {
    await expect(readEvents(join(dir, 'missing.csv'))).rejects.toThrow(/missing\.csv cannot be read/);
    const path = join(dir, 'odd.csv');
    writeFileSync(path, 'Who,What\nx,y\n');
    await expect(readEvents(path)).rejects.toThrow(LeadrankError);
    await expect(readEvents(path)).rejects.toThrow(/odd\.csv is not a format leadrank recognises \(columns seen: "Who", "What"\)/);
  });

  it('streams a large JSON array without reading it whole', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ email: `u${i % 500}@x.com`, event: 'open', timestamp: 1714554000 + i, sg_event_id: `e${i}` }));
    const r = await readEvents(trickle(`[${lines.join(',\n')}]`, 65_536), { onEvent: () => {} });
    expect(r.meta).toMatchObject({ format: 'sendgrid', records: 20_000, events: 20_000, rejected: 0 });
  });

  it('rejects (does not crash) when a mapped column is missing from a CSV long enough to stream', async () => {
    // With more rows than the detection sample, the mapping is checked inside the CSV parser's
    // callback; the error must still reach the caller as a rejection.
    const path = join(dir, 'missing-column.csv');
    writeFileSync(path, `email,type,timestamp\n${Array.from({ length: 5000 }, (_, i) => `u${i}@x.com,open,2026-01-01T00:00:00Z`).join('\n')}\n`);
    const read = readEvents(path, { mapping: { contact: 'mail', type: 'type', at: 'timestamp' } });
    await expect(read).rejects.toThrow(LeadrankError);
    await expect(read).rejects.toThrow('missing-column.csv: mail is mapped to contact but no column is named so');
  });
});
