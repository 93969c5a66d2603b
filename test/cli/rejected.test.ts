import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, run, tempDir } from './helpers.js';

const ROWS = [
  'contact,type,at,url',
  'ann@farm.example,open,2026-11-20T10:00:00Z,',
  'ann@farm.example,click,2026-11-20T10:01:00Z,https://agri.example.com/pricing',
  'not-an-address,open,2026-11-20T10:02:00Z,',
  'bob@farm.example,open,yesterday,',
  'bob@farm.example,click,2026-11-21T09:00:00Z,=HYPERLINK("http://evil.example")',
];

function setup(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'events.csv'), `${ROWS.join('\n')}\n`);
  return dir;
}

describe('rejected records', () => {
  it('counts rejections by code in the summary and writes them with --rejected', async () => {
    const dir = setup();
    const { code, stderr } = await run(['score', 'events.csv', '--as-of', AS_OF, '--rejected', 'rejected.csv'], { cwd: dir });
    expect(code).toBe(0);
    expect(stderr).toMatch(/Events: 1 file, 5 records → 3 events \(0 duplicates, 2 rejected, 0 ignored\)/);
    expect(stderr).toMatch(/Rejected by code: \w+ 1, \w+ 1 \(written to rejected\.csv\)/);
    const csv = readFileSync(join(dir, 'rejected.csv'), 'utf8').split(/\r?\n/);
    expect(csv[0]).toBe('file,record,code,field,message,raw');
    expect(csv.slice(1).filter((l) => l !== '')).toHaveLength(2);
    expect(csv[1]).toMatch(/^events\.csv,3,/);
    expect(csv[2]).toMatch(/^events\.csv,4,/);
  });

  it('fails with exit code 2 when more records are rejected than --max-rejected allows', async () => {
    const dir = setup();
    const over = await run(['score', 'events.csv', '--as-of', AS_OF, '--max-rejected', '1'], { cwd: dir });
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('leadrank: 2 of 5 records rejected (40%), more than --max-rejected 1: pass --rejected rejected.csv to see them');
    expect(over.stdout).toBe('');
    const share = await run(['score', 'events.csv', '--as-of', AS_OF, '--max-rejected', '30%', '--rejected', 'r.csv'], { cwd: dir });
    expect(share.code).toBe(2);
    expect(share.stderr).toContain('more than --max-rejected 30%: see r.csv');
    const ok = await run(['score', 'events.csv', '--as-of', AS_OF, '--max-rejected', '40%'], { cwd: dir });
    expect(ok.code).toBe(0);
  });

  it('explains a malformed --max-rejected', async () => {
    const dir = setup();
    const { code, stderr } = await run(['score', 'events.csv', '--as-of', AS_OF, '--max-rejected', 'ten'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toContain('--max-rejected must be a whole number of records or a percentage such as 5% (got "ten")');
  });

});

describe('files that cannot be written', () => {
  it.each([
    ['--rejected', ['score', 'events.csv', '--as-of', AS_OF, '--rejected', 'taken']],
    ['--out', ['score', 'events.csv', '--as-of', AS_OF, '--out', 'taken']],
    ['--out-dir', ['lists', 'events.csv', '--as-of', AS_OF, '--reps', 'reps.csv', '--out-dir', 'taken']],
    ['init --out', ['init', '--out', 'taken/leadrank.json']],
  ])('names the file or folder it cannot write (%s), and no stack trace', async (_, args) => {
    const dir = setup();
    writeFileSync(join(dir, 'reps.csv'), 'id,capacity\nrep-1,5\n');
    if (args[0] === 'lists' || args[0] === 'init') writeFileSync(join(dir, 'taken'), 'a file where a folder should go');
    else mkdirSync(join(dir, 'taken')); // a folder where the file should go
    const { code, stderr } = await run(args, { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toMatch(/leadrank: \S*taken\S* cannot be (written|created): E(ISDIR|EXIST|NOTDIR)/);
    expect(stderr).not.toContain('unexpected error');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
