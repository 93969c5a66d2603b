import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORTS, SCENARIO_ARGS, readTree, run, tempDir } from './helpers.js';

// End-to-end goldens: the CLI on the scenario exports. Regenerate with
// UPDATE_GOLDEN=1 npx vitest run test/cli/golden.test.ts, then read the diff.
const update = process.env['UPDATE_GOLDEN'] === '1';
const GOLDEN = new URL('./golden/', import.meta.url).pathname;

function matchGolden(name: string, files: Record<string, string>): void {
  const dir = join(GOLDEN, name);
  if (update) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const [f, content] of Object.entries(files)) writeFileSync(join(dir, f), content);
  }
  expect(existsSync(dir), `${dir} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(files).toEqual(readTree(dir));
}

describe('golden: the CLI on the scenario exports', () => {
  it('score: ranks the three providers\' exports exactly like the canonical events', async () => {
    const text = await run(['score', ...SCENARIO_ARGS, '--quiet']);
    expect(text.code).toBe(0);
    const json = await run(['score', ...SCENARIO_ARGS, '--format', 'json', '--quiet']);
    const strip = (list: { details?: unknown }[]) => list.map(({ details: _d, ...rest }) => rest);
    const expected = JSON.parse(readFileSync(new URL('../golden/scoring.expected.json', import.meta.url), 'utf8')) as { details?: unknown }[];
    expect(strip(JSON.parse(json.stdout) as { details?: unknown }[])).toEqual(strip(expected));
    matchGolden('score', { 'score.txt': text.stdout, 'summary.txt': (await run(['score', ...SCENARIO_ARGS, '--top', '1'])).stderr });
  });

  it('lists: one file per rep, the combined list, the unassigned and allocation.json, in Markdown', async () => {
    const out = tempDir();
    const { code, stderr } = await run(['lists', ...SCENARIO_ARGS, '--reps', 'reps.csv', '--outcomes', 'outcomes.csv', '--out-dir', out, '--format', 'md']);
    expect(code).toBe(0);
    expect(stderr).toContain('Listed 10 leads on 5 lists; 15 unassigned: cooldown 6, suppressed 4, below_threshold 3, no_capacity 2');
    const files = readTree(out);
    expect(Object.keys(files)).toEqual([
      'allocation.json', 'call-list-rep-de.md', 'call-list-rep-iowa.md', 'call-list-rep-nebraska.md', 'call-list-rep-south.md', 'call-list-rep-vet.md', 'call-lists.md', 'unassigned.md',
    ]);
    matchGolden('lists', files);
  });

  it('lists: CSV and JSON give the same allocation.json, with their own list files', async () => {
    const md = tempDir();
    const csv = tempDir();
    const json = tempDir();
    const base = ['lists', ...SCENARIO_ARGS, '--reps', 'reps.csv', '--outcomes', 'outcomes.csv', '--quiet'];
    await run([...base, '--out-dir', md, '--format', 'md']);
    expect((await run([...base, '--out-dir', csv])).code).toBe(0);
    expect((await run([...base, '--out-dir', json, '--format', 'json'])).code).toBe(0);
    const c = readTree(csv);
    const j = readTree(json);
    expect(c['allocation.json']).toBe(readTree(md)['allocation.json']);
    expect(j['allocation.json']).toBe(c['allocation.json']);
    expect(Object.keys(c)).toContain('call-list-rep-vet.csv');
    expect(c['call-lists.csv']?.split('\n')[0]).toMatch(/^rep,position,contact,name,company/);
    const vet = JSON.parse(j['call-list-rep-vet.json'] ?? '{}') as { rep: { id: string }; entries: unknown[] };
    expect(vet.rep.id).toBe('rep-vet');
    expect(vet.entries.length).toBeGreaterThan(0);
  });

  it('lists: the same files whatever the order of the event files', async () => {
    const a = tempDir();
    const b = tempDir();
    const tail = ['--mapping', 'website-mapping.json', '--timezone', 'Europe/Berlin', '--contacts', 'contacts.csv', '--config', 'leadrank.json', '--as-of', '2026-11-23T12:00:00Z', '--reps', 'reps.csv', '--quiet'];
    await run(['lists', 'sendgrid-webhook.json', 'mailgun-events.json', 'website-activity.csv', ...tail, '--out-dir', a]);
    await run(['lists', 'website-activity.csv', 'mailgun-events.json', 'sendgrid-webhook.json', ...tail, '--out-dir', b]);
    expect(readTree(b)).toEqual(readTree(a));
  });

  it('report: the campaign report for marketing after a week of calls', async () => {
    const lists = tempDir();
    await run(['lists', ...SCENARIO_ARGS.slice(0, -1), '2026-11-16T08:00:00Z', '--reps', 'reps.csv', '--outcomes', 'outcomes.csv', '--out-dir', lists, '--quiet']);
    const { code, stdout } = await run(['report', ...SCENARIO_ARGS, '--outcomes', 'outcomes.csv', '--allocation', join(lists, 'allocation.json'), '--quiet']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# /);
    const dir = tempDir();
    expect((await run(['report', ...SCENARIO_ARGS, '--outcomes', 'outcomes.csv', '--allocation', join(lists, 'allocation.json'), '--out-dir', dir, '--quiet'])).code).toBe(0);
    const files = readTree(dir);
    expect(files['campaign-report.md']).toBe(stdout);
    matchGolden('report', files);
  });

  it('segments: contact lists for the next campaign, one CSV per segment', async () => {
    const out = tempDir();
    const { code, stderr } = await run(['segments', ...SCENARIO_ARGS, '--outcomes', 'outcomes.csv', '--out-dir', out]);
    expect(code).toBe(0);
    expect(stderr).toContain('Segments: hot-not-yet-called 2, interested-nurture 2, not-interested-90-days 2, unreachable 2, won 2; 1 kept out by flags');
    matchGolden('segments', readTree(out));
  });

  it('detect: the provider and why, the columns, sample events and what would be rejected', async () => {
    const sendgrid = await run(['detect', 'sendgrid-webhook.json', '-n', '3']);
    const website = await run(['detect', 'website-activity.csv', '--mapping', 'website-mapping.json', '--timezone', 'Europe/Berlin']);
    expect(sendgrid.code).toBe(0);
    expect(website.code).toBe(0);
    expect(sendgrid.stdout).toContain('sendgrid-webhook.json: sendgrid (json)');
    const json = JSON.parse((await run(['detect', 'mailgun-events.json', '--json'])).stdout) as { format: string; events: number; sample: unknown[] };
    expect(json).toMatchObject({ format: 'mailgun', events: 68 });
    expect(json.sample).toHaveLength(5);
    matchGolden('detect', { 'sendgrid-webhook.txt': sendgrid.stdout, 'website-activity.txt': website.stdout });
  });

  it('runs from the exports folder with paths relative to it', () => {
    expect(existsSync(join(EXPORTS, 'leadrank.json'))).toBe(true);
  });
});
