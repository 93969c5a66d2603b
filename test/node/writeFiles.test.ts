import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allocateCalls } from '../../src/allocate/index.js';
import { callListFiles, writeCallLists, writeFiles } from '../../src/node/index.js';
import type { CallListFormat } from '../../src/node/index.js';
import { LeadrankError } from '../../src/model/errors.js';
import { allocationToJson, allocationToMarkdown, callListsToCsv } from '../../src/report/index.js';

const dir = mkdtempSync(join(tmpdir(), 'leadrank-write-'));

// 9,000 leads for 2 reps of 3 calls: unassigned.csv and allocation.json span several written pieces.
const allocation = allocateCalls(
  Array.from({ length: 9000 }, (_, i) => ({ contact: `c${i}@x.com`, score: (i % 97) / 3, ...(i === 5 ? { reasons: [{ points: 9, kind: 'click', text: '=HYPERLINK("x")' }] } : {}) })),
  [{ id: 'rep/one', capacity: 3 }, { id: 'rep-two', capacity: 3 }],
  { asOf: '2026-11-23T12:00:00Z' },
);

describe('writeCallLists', () => {
  const formats: CallListFormat[] = ['csv', 'json', 'md'];
  const written = new Map<CallListFormat, string[]>();
  beforeAll(async () => {
    for (const format of formats) written.set(format, await writeCallLists(join(dir, format), allocation, { format }));
  });

  it.each(formats)('writes, in pieces, the bytes callListFiles returns (%s)', (format) => {
    const out = join(dir, format);
    const files = callListFiles(allocation, format);
    expect(written.get(format)).toEqual(files.map((f) => join(out, f.name)));
    for (const f of files) expect(readFileSync(join(out, f.name), 'utf8')).toBe(f.content);
    expect(readFileSync(join(out, 'allocation.json'), 'utf8')).toBe(allocationToJson(allocation));
    expect(allocation.unassigned.length).toBeGreaterThan(8000);
  });

  it('writes the whole-string renderings: the CSV files, the Markdown and its unassigned part, the JSON lists', async () => {
    const read = (format: string, name: string) => readFileSync(join(dir, format, name), 'utf8');
    for (const f of callListsToCsv(allocation)) expect(read('csv', f.name)).toBe(f.content);
    const md = allocationToMarkdown(allocation);
    expect(read('md', 'call-lists.md')).toBe(md);
    const rest = md.slice(md.lastIndexOf('\n## Not on any list\n') + '\n## Not on any list\n'.length);
    expect(read('md', 'unassigned.md')).toBe(`# Not on any list on ${allocation.asOf}\n${rest}`);
    expect(read('md', 'call-list-rep-one.md')).toContain('## rep/one');
    expect(read('md', 'call-list-rep-one.md')).not.toContain('Not on any list');
    const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
    expect(read('json', 'unassigned.json')).toBe(json({ asOf: allocation.asOf, unassigned: allocation.unassigned }));
    expect(read('json', 'call-lists.json')).toBe(json({ asOf: allocation.asOf, lists: allocation.lists }));
    expect(read('json', 'call-list-rep-one.json')).toBe(json({ asOf: allocation.asOf, ...allocation.lists.find((l) => l.rep.id === 'rep/one') }));
  });
});

describe('writeFiles', () => {
  it('writes a streamed file piece by piece, and a whole one as it is', async () => {
    function* parts() {
      for (let i = 0; i < 300_000; i += 1) yield `${i},é\n`;
    }
    const written = await writeFiles(join(dir, 'mixed'), [{ name: 'a.txt', content: 'whole' }, { name: 'b.csv', parts: parts() }]);
    expect(readFileSync(written[0]!, 'utf8')).toBe('whole');
    expect(readFileSync(written[1]!, 'utf8')).toBe([...parts()].join(''));
  });

  it.each([
    ['whole', { name: 'taken', content: 'x' }],
    ['streamed', { name: 'taken', parts: ['x'] }],
  ])('names the file it cannot write, in a LeadrankError (%s)', async (_, file) => {
    const out = join(dir, 'blocked');
    mkdirSync(join(out, 'taken'), { recursive: true }); // a folder where the file should go
    const failure = writeFiles(out, [file]);
    await expect(failure).rejects.toBeInstanceOf(LeadrankError);
    await expect(failure).rejects.toThrow(/taken.*cannot be written: EISDIR/);
  });

  it('refuses a file name with a path in it before writing anything', async () => {
    await expect(writeFiles(join(dir, 'bad'), [{ name: '../x', parts: ['x'] }])).rejects.toThrow(/plain file name/);
  });
});
