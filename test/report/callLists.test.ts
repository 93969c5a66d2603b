import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { allocateCalls } from '../../src/allocate/index.js';
import { allocationToJson, allocationToMarkdown, callListsToCsv, safeCell, toSafeCsv } from '../../src/report/index.js';

const asOf = '2026-11-23T12:00:00Z';
const evil = allocateCalls(
  [
    {
      contact: 'eve@x.com',
      score: 9,
      tier: 'hot',
      reasons: [{ points: 9, kind: 'click', text: '=HYPERLINK("http://evil","click")' }],
      details: { email: 'eve@x.com', name: '@SUM(A1:A9)', company: '-2+3', phone: '+1 555 0100', title: '\tTab', tags: [], doNotCall: false, attributes: {} },
    },
    { contact: 'bob@x.com', score: 4 },
  ],
  [{ id: 'rep/one', name: 'Rep | One', capacity: 1 }, { id: 'rep two', capacity: 3, outOfOffice: ['2026-11-23'] }],
  { asOf },
);

describe('safeCell', () => {
  it('neutralises text a spreadsheet would run as a formula, and leaves numbers alone', () => {
    for (const s of ['=1+1', '+1', '-1', '@x', '\tx', '\rx']) expect(safeCell(s)).toBe(`'${s}`);
    expect(safeCell('plain')).toBe('plain');
    expect(safeCell(-4.5)).toBe(-4.5);
    expect(safeCell(undefined)).toBe('');
  });

  it('writes quoted CSV that parses back to the same neutralised cells', () => {
    const csv = toSafeCsv(['a', 'b'], [{ a: 'x, "y"\nz', b: '=cmd' }]);
    expect(Papa.parse(csv, { header: true }).data).toEqual([{ a: 'x, "y"\nz', b: "'=cmd" }]);
  });
});

describe('callListsToCsv', () => {
  const files = callListsToCsv(evil);

  it('returns one combined file, one file per rep with a safe name, and the unassigned leads', () => {
    expect(files.map((f) => f.name)).toEqual(['call-lists.csv', 'call-list-rep-two.csv', 'call-list-rep-one.csv', 'unassigned.csv']);
  });

  it('neutralises every dangerous cell', () => {
    const rows = Papa.parse<Record<string, string>>(files[0]!.content, { header: true }).data;
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row['name']).toBe("'@SUM(A1:A9)");
    expect(row['company']).toBe("'-2+3");
    expect(row['phone']).toBe("'+1 555 0100");
    expect(row['title']).toBe("'\tTab");
    expect(row['reasons']).toBe('\'=HYPERLINK("http://evil","click")');
    for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('lists the leads on no list with their reason code', () => {
    const rows = Papa.parse<Record<string, string>>(files[3]!.content, { header: true }).data;
    expect(rows).toEqual([{ contact: 'bob@x.com', score: '4', tier: '', reason: 'no_capacity', detail: '', message: expect.any(String) }]);
  });
});

describe('allocationToJson and allocationToMarkdown', () => {
  it('round-trips the allocation through JSON', () => {
    expect(JSON.parse(allocationToJson(evil))).toEqual(JSON.parse(JSON.stringify(evil)));
  });

  it('escapes pipes in Markdown tables and notes away reps and unassigned leads', () => {
    const md = allocationToMarkdown(evil);
    expect(md).toContain('## Rep \\| One (rep/one)');
    expect(md).toContain('Away on this day: no calls.');
    expect(md).toContain('`no_capacity`');
    expect(md.endsWith('\n')).toBe(true);
  });
});
