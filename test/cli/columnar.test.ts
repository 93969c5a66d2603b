import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeTableFiles } from '../../src/cli/events.js';
import { EXPORTS, readTree, run, tempDir } from './helpers.js';

// `score`, `lists` and `segments` score a plain CSV export from the columnar table, and `report`
// turns the table into events; any other file (here NDJSON) takes the object path. Both must write
// the same files (calibrate: test/cli/calibrate.test.ts).
const SCENARIO = new URL('../../fixtures/scenario/', import.meta.url).pathname;

/** The scenario's canonical events without the fields the table does not hold (user agent, IP, machine, bounce class). */
function scenarioEvents(): { contact: string; type: string; at: number; campaign?: string; message?: string; url?: string }[] {
  return readFileSync(join(SCENARIO, 'events.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const e = JSON.parse(line) as Record<string, unknown>;
      return { contact: e['contact'] as string, type: e['type'] as string, at: e['at'] as number, campaign: e['campaign'] as string, message: e['message'] as string, ...(e['url'] === undefined ? {} : { url: e['url'] as string }) };
    });
}

function writeInputs(): { dir: string; csv: string; ndjson: string } {
  const dir = tempDir();
  // Plus a contact whose only events come after --as-of (scored as a contact with future events, engaged in no campaign).
  const late = { contact: 'late.visitor@farm.example', campaign: 'Spring tractor promo', message: 'stp-2026-10' };
  const events = [...scenarioEvents(), { ...late, type: 'open', at: Date.parse('2026-11-30T09:00:00Z') }, { ...late, type: 'click', at: Date.parse('2026-11-30T09:05:00Z'), url: 'https://agri.example.com/pricing' }];
  const quote = (s: string | undefined): string => (s === undefined ? '' : /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const csv = ['email,type,timestamp,campaign,message,url', ...events.map((e) => [e.contact, e.type, new Date(e.at).toISOString(), e.campaign, e.message, e.url].map(quote).join(','))];
  writeFileSync(join(dir, 'events.csv'), `${csv.join('\n')}\n`);
  const ndjson = events.map((e, i) => JSON.stringify({ ...e, source: { format: 'leadrank', record: i + 1 } }));
  writeFileSync(join(dir, 'events.ndjson'), `${ndjson.join('\n')}\n`);
  return { dir, csv: join(dir, 'events.csv'), ndjson: join(dir, 'events.ndjson') };
}

const TABLES = ['--contacts', 'contacts.csv', '--config', 'leadrank.json', '--as-of', '2026-11-23T12:00:00Z'];

describe('the columnar path of the commands', () => {
  it('is taken for the CSV and not for the NDJSON (the comparison below is not vacuous)', async () => {
    const { csv, ndjson } = writeInputs();
    expect(await probeTableFiles([csv], {}, EXPORTS)).toBeDefined();
    expect(await probeTableFiles([ndjson], {}, EXPORTS)).toBeUndefined();
  });

  it('lists: the same call lists, unassigned leads and allocation.json as the object path', async () => {
    const { csv, ndjson } = writeInputs();
    const a = tempDir();
    const b = tempDir();
    const tail = [...TABLES, '--reps', 'reps.csv', '--outcomes', 'outcomes.csv', '--format', 'json'];
    const table = await run(['lists', csv, ...tail, '--out-dir', a]);
    const objects = await run(['lists', ndjson, ...tail, '--out-dir', b]);
    expect(table.code).toBe(0);
    expect(objects.code).toBe(0);
    const files = readTree(a);
    expect(files).toEqual(readTree(b));
    const allocation = JSON.parse(files['allocation.json']!) as { lists: { entries: { reasons: string[] }[] }[]; unassigned: unknown[] };
    expect(allocation.lists.flatMap((l) => l.entries).length).toBeGreaterThan(5);
    // The columnar path makes the reasons of placed leads only when their entries read them.
    expect(allocation.lists.flatMap((l) => l.entries).filter((e) => e.reasons.length > 0).length).toBeGreaterThan(5);
    expect(allocation.unassigned.length).toBeGreaterThan(5);
    const scoredLine = (stderr: string): string | undefined => stderr.split('\n').find((l) => l.startsWith('Scored '));
    expect(scoredLine(table.stderr)).toMatch(/^Scored \d+ contacts: hot \d+/);
    expect(scoredLine(table.stderr)).toBe(scoredLine(objects.stderr));
  });

  it('segments: the same segment files as the object path', async () => {
    const { csv, ndjson } = writeInputs();
    const a = tempDir();
    const b = tempDir();
    const tail = [...TABLES, '--outcomes', 'outcomes.csv', '--format', 'json', '--quiet'];
    expect((await run(['segments', csv, ...tail, '--out-dir', a])).code).toBe(0);
    expect((await run(['segments', ndjson, ...tail, '--out-dir', b])).code).toBe(0);
    const files = readTree(a);
    expect(files).toEqual(readTree(b));
    const doc = JSON.parse(files['segments.json']!) as { segments: { contacts: unknown[] }[] };
    expect(doc.segments.flatMap((s) => s.contacts).length).toBeGreaterThan(3);
  });

  it('score --format json: the same ranking, ledgers included, as the object path', async () => {
    const { csv, ndjson } = writeInputs();
    const table = await run(['score', csv, ...TABLES, '--format', 'json', '--quiet']);
    const objects = await run(['score', ndjson, ...TABLES, '--format', 'json', '--quiet']);
    expect(table.stdout).toBe(objects.stdout);
    const scored = JSON.parse(table.stdout) as { contact: string; futureEvents?: number; ledger?: unknown[] }[];
    expect(scored.find((c) => c.contact === 'late.visitor@farm.example')?.futureEvents).toBe(2);
    expect(scored.length).toBeGreaterThan(10);
    expect(scored.some((s) => (s.ledger?.length ?? 0) > 0)).toBe(true);
  });

  it('report: the same campaign report as the object path, after a week of calls', async () => {
    const { csv, ndjson } = writeInputs();
    const lists = tempDir();
    expect((await run(['lists', csv, ...TABLES, '--reps', 'reps.csv', '--outcomes', 'outcomes.csv', '--out-dir', lists, '--quiet'])).code).toBe(0);
    const tail = [...TABLES, '--outcomes', 'outcomes.csv', '--allocation', join(lists, 'allocation.json'), '--format', 'json', '--quiet'];
    const table = await run(['report', csv, ...tail]);
    const objects = await run(['report', ndjson, ...tail]);
    expect(table.code).toBe(0);
    expect(table.stdout).toBe(objects.stdout);
    const report = JSON.parse(table.stdout) as { campaigns: { email: { opens: { human: number }; machineReasons: Record<string, number> } }[] };
    expect(report.campaigns.length).toBeGreaterThan(1);
    expect(report.campaigns.some((c) => c.email.opens.human > 0)).toBe(true);
    // Machine traffic was classified (from the table on one side, the events on the other).
    expect(report.campaigns.some((c) => Object.keys(c.email.machineReasons).length > 0)).toBe(true);
  });
});
