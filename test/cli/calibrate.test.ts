import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFromJson } from '../../src/cli/config.js';
import { probeTableFiles } from '../../src/cli/events.js';
import { SCENARIO_ARGS, run, tempDir } from './helpers.js';

/** A seeded population: contacts who click pricing or demo links mostly win; careers clickers lose. */
function population(dir: string): void {
  let seed = 42;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const events: string[] = [];
  const calls = ['contact,date,outcome'];
  const day = Date.parse('2026-09-01T10:00:00Z');
  for (let i = 0; i < 240; i++) {
    const contact = `c${String(i).padStart(3, '0')}@farm${i % 17}.example`;
    const buyer = rand() < 0.45;
    const at = (d: number) => day + d * 86_400_000 + Math.floor(rand() * 3_600_000);
    events.push(JSON.stringify({ contact, type: 'open', at: at(1), campaign: 'Autumn', message: 'autumn-1' }));
    const links = buyer ? ['/pricing', '/tractors/x9', '/demo'] : ['/careers', '/tractors/x9', '/blog/news'];
    for (const [k, path] of links.entries()) if (rand() < 0.6) events.push(JSON.stringify({ contact, type: 'click', at: at(2 + k), campaign: 'Autumn', message: 'autumn-1', url: `https://agri.example.com${path}` }));
    const won = rand() < (buyer ? 0.8 : 0.15);
    calls.push(`${contact},2026-10-${String(10 + (i % 15)).padStart(2, '0')} 10:00,${won ? 'Closed won' : 'Lost'}`);
  }
  writeFileSync(join(dir, 'events.ndjson'), `${events.join('\n')}\n`);
  // The same events as a CSV export, which is read the columnar way and turned into events.
  const cell = (v: string | undefined): string => v ?? '';
  const rows = events.map((line) => JSON.parse(line) as { contact: string; type: string; at: number; campaign: string; message: string; url?: string });
  const csv = rows.map((e) => [e.contact, e.type, new Date(e.at).toISOString(), e.campaign, e.message, cell(e.url)].join(','));
  writeFileSync(join(dir, 'events.csv'), `email,type,timestamp,campaign,message,url\n${csv.join('\n')}\n`);
  writeFileSync(join(dir, 'calls.csv'), `${calls.join('\n')}\n`);
}

describe('leadrank calibrate', () => {
  it('gives the same config and report from a CSV export (read the columnar way) as from the same events in NDJSON', async () => {
    const dir = tempDir();
    population(dir);
    expect(await probeTableFiles(['events.csv'], {}, dir)).toBeDefined();
    const tail = ['--outcomes', 'calls.csv', '--as-of', '2026-11-01', '-q'];
    const csv = await run(['calibrate', 'events.csv', ...tail, '--out', 'from-csv.json'], { cwd: dir });
    const ndjson = await run(['calibrate', 'events.ndjson', ...tail, '--out', 'from-ndjson.json'], { cwd: dir });
    expect(csv.code).toBe(0);
    expect(csv.stdout).toMatch(/^# Calibration/);
    expect(csv.stdout).toBe(ndjson.stdout);
    expect(readFileSync(join(dir, 'from-csv.json'), 'utf8')).toBe(readFileSync(join(dir, 'from-ndjson.json'), 'utf8'));
  });

  it('fits weights on a seeded population, writes a config the other commands accept, the same every run', async () => {
    const dir = tempDir();
    population(dir);
    const args = ['calibrate', 'events.ndjson', '--outcomes', 'calls.csv', '--as-of', '2026-11-01', '--out', 'calibrated.json'];
    const first = await run(args, { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^# Calibration/);
    expect(first.stderr).toMatch(/Calibrated on \d+ contacts \(won_lost\); held-out AUC [\d.]+ → [\d.]+/);
    const m = /held-out AUC ([\d.]+) → ([\d.]+)/.exec(first.stderr);
    expect(Number(m?.[2])).toBeGreaterThan(Number(m?.[1]));
    const text = readFileSync(join(dir, 'calibrated.json'), 'utf8');
    const config = configFromJson(JSON.parse(text), 'calibrated.json');
    expect(config.scoring.weights.topics['pricing'] ?? config.scoring.weights.events['click']).toBeDefined();
    expect((await run(['score', 'events.ndjson', '--config', 'calibrated.json', '--as-of', '2026-11-01', '--top', '3', '-q'], { cwd: dir })).code).toBe(0);
    const second = await run(args, { cwd: dir });
    expect(second.stdout).toBe(first.stdout);
    expect(readFileSync(join(dir, 'calibrated.json'), 'utf8')).toBe(text);
  });

  it('says when the outcomes are too few to fit (exit code 1)', async () => {
    const { code, stderr } = await run(['calibrate', ...SCENARIO_ARGS, '--outcomes', 'outcomes.csv', '--out', join(tempDir(), 'c.json')]);
    expect(code).toBe(1);
    expect(stderr).toContain('leadrank: outcomes need at least 5 positive and 5 negative contacts to train on (got 2 positive, 2 negative)');
  });

  it('requires --out', async () => {
    const { code, stderr } = await run(['calibrate', ...SCENARIO_ARGS, '--outcomes', 'outcomes.csv']);
    expect(code).toBe(1);
    expect(stderr).toContain('--out is required: the file to write the calibrated config into');
  });
});
