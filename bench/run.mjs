// npm run bench: generates the seeded inputs (not committed), runs each benchmark, writes bench/RESULTS.md.
// The baseline (papaparse streaming + a Map per contact) runs in the same session, so ratios hold on a noisy machine.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateEvents } from './generate.mjs';

const dir = join(import.meta.dirname, 'data');
mkdirSync(dir, { recursive: true });
const sizes = process.argv.includes('--quick') ? [1_000_000] : [1_000_000, 5_000_000];
const rows = [];
let five; // the 5M-row figures the targets are judged on
const measure = (...args) => {
  const r = spawnSync(process.execPath, [join(import.meta.dirname, 'measure.mjs'), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`bench failed: ${args.join(' ')}\n${r.stderr}`);
  return JSON.parse(r.stderr.trim().split('\n').pop());
};
for (const n of sizes) {
  const file = join(dir, `events-${n}.csv`);
  if (!existsSync(file)) await generateEvents(file, { rows: n, contacts: 250_000, seed: 1 });
  const mb = statSync(file).size / 1e6;
  const cli = (threads) => measure('cli', 'score', file, '--top', '1000', '--as-of', '2026-12-01', '--quiet', '--threads', String(threads));
  const runs = [
    ['leadrank score --top 1000 (full model), 1 thread', cli(1)],
    ['leadrank score --top 1000 (full model), 2 threads', cli(2)],
    ['baseline: papaparse streaming + Map per contact', measure('baseline', file, '1000')],
  ];
  if (n === 5_000_000) five = { two: runs[1][1], baseline: runs[2][1] };
  for (const [what, m] of runs) rows.push(`| ${(n / 1e6).toFixed(0)}M rows (${mb.toFixed(0)} MB) | ${what} | ${m.wall.toFixed(2)} s | ${Math.round(n / m.wall).toLocaleString('en')} | ${m.maxRssMB.toFixed(0)} MB |`);
}
// The other jobs of the weekly loop on the 1M-row file: call lists for 20 reps, then the campaign report.
const others = [];
{
  const file = join(dir, 'events-1000000.csv');
  const reps = join(dir, 'reps-20.csv');
  const topics = ['tractors', 'dairy', 'service', 'parts'];
  writeFileSync(reps, `id,name,capacity,expertise\n${Array.from({ length: 20 }, (_, i) => `rep${i},Rep ${i},60,${topics[i % 4]}`).join('\n')}\n`);
  const out = join(dir, 'lists-1M');
  const asOf = ['--as-of', '2026-12-01', '--quiet'];
  others.push(['leadrank lists --reps (20 reps × 60)', measure('cli', 'lists', file, '--reps', reps, '--out-dir', out, ...asOf)]);
  others.push(['leadrank report --allocation (the lists above)', measure('cli', 'report', file, '--allocation', join(out, 'allocation.json'), '--out', join(dir, 'report-1M.md'), ...asOf)]);
}
const allocate = execFileSync(process.execPath, [join(import.meta.dirname, 'allocate.mjs'), ...(process.argv.includes('--quick') ? ['--quick'] : [])], { encoding: 'utf8' });
const ms = (re) => Number(re.exec(allocate)?.[1] ?? NaN);
const exact50k = ms(/territories: 50,000 leads × 125 reps[^\n]*\n\s+optimal (\d+) ms/);
const solver1M = ms(/territories: 1,000,000 leads × 500 reps[^\n]*\n\s+optimal (\d+) ms/);
const lists1M = ms(/allocateCalls end to end: 1,000,000 leads × 500 reps × capacity 60: (\d+) ms/);
const verdictOf = (ok) => (ok ? 'met' : 'not met');
const verdict = (t, limit) => (Number.isNaN(t) ? 'not run (--quick)' : `${(t / 1000).toFixed(2)} s: ${t <= limit ? 'met' : 'not met'}`);
const md = `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.
Input: \`bench/generate.mjs\` (seed 1): columns email,type,timestamp,campaign,url; 250,000 contacts in random order.
Peak RSS is the process's maximum resident set (worker threads included).

| input | job | wall | rows/s | peak RSS |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

Targets (issue 6): the 5M-row job in ≤ 2.5 s and ≤ 200 MB; first milestone ≥ 1M rows/s. ${
  five === undefined
    ? 'Not judged (--quick runs 1M rows only).'
    : `This run, 2 threads: ${five.two.wall.toFixed(2)} s (${verdictOf(five.two.wall <= 2.5)}), ${five.two.maxRssMB.toFixed(0)} MB (${verdictOf(five.two.maxRssMB <= 200)}), ${(5 / five.two.wall).toFixed(2)}M rows/s (milestone ${verdictOf(5 / five.two.wall >= 1)}); ${(five.baseline.wall / five.two.wall).toFixed(1)}× the baseline.`
}
Where the time goes (\`node --cpu-prof\` and each thread's timeline, 5M rows, 2 threads): start-up
~0.2 s (loading the CLI ~0.1 s, probe, worker start and its module load). Each thread then passes
over every line of the file but reads only its own half of the contacts (threads split the records
by a hash of the e-mail cell, so neither looks up nor keeps the other's addresses): the pass over
the other half's lines (newline search, the e-mail cell's hash) costs ~0.4 s, its own ~2.5M rows
~2 s (batched e-mail → id lookups ~0.35 s, cache-bound; times, cells, campaign/URL ids). Dedupe
~0.4 s (rows moved into contact order, per-contact insertion sort); scoring its ~125k contacts
~1–1.5 s (\`evaluateContact\` with machine classification, repeats, decay, caps and the ledger per
contact). Nothing of the model is switched off. Memory: the main thread ~68 MB (Node itself ~42
MB, the CLI's modules); per worker thread its isolate and modules (~20 MB), a V8 heap of ~30–40 MB
(its contacts' e-mails and dictionaries, the scoring), ~14 bytes a row of columns for its rows and
the row order of dedupe (4 bytes a row); the columns move into contact order inside their own
memory. What would move it: an \`evaluateContact\` for ranking only that builds no Hit or ledger
objects; a cheaper pass over the other thread's lines; dedupe without the row order (each contact's
rows sorted where they lie); fewer bytes a row (the bounce class in the type id).

## The other jobs on the 1M-row file

| job | wall | peak RSS |
| --- | --- | --- |
${others.map(([what, m]) => `| ${what} | ${m.wall.toFixed(2)} s | ${m.maxRssMB.toFixed(0)} MB |`).join('\n')}

Both read the file the columnar way (one thread: below 256 MB, copying every contact back from a
second thread costs what it saves). \`lists\` scores every contact in full but without the per-event
ledger, which no list shows; \`report\` classifies machine traffic and scores the contacts from the
table, and streams the classified events, one at a time, into its counts.
On the object path (measured once, 2026-12-02) they took 46.9 s / 2.2 GB and 47.8 s / 2.0 GB, with
the same output. What bounds them now: the 250k \`ScoredContact\` objects and the collector (~2 s of
\`lists\`), the allocation (~1 s), writing a line per unassigned lead (~1 s); for the report, its
counting per campaign, link and topic (sets of contacts) and the collector (the 5M-row report:
~23 s, 1.6 GB; it took 52 s and 4.2 GB when it classified a copy of every event).

## Allocation (\`node bench/allocate.mjs\`)

\`\`\`
${allocate.trim()}
\`\`\`

Allocation targets (issue 6): 50k leads × 125 reps exact in ≤ 1 s: ${verdict(exact50k, 1000)}. 1M scored
contacts into 500 reps' lists (\`allocateCalls\` end to end, one allocation per process, median of 3) in ≤ 3 s: ${verdict(lists1M, 3000)}
(${Number.isNaN(solver1M) ? 'the 1M-lead solver run: not run' : `the exact solver alone: ${(solver1M / 1000).toFixed(2)} s on 10M pairs`}).
Where the time goes at 1M leads (\`node --cpu-prof\`): the collector ~1 s (one mark-compact of a heap
holding the million leads, ~0.5 s, and the scavenges), the solver ~1 s (per rep only as many
candidates as it and the reps it shares leads with can hold; 30,000 augmenting paths, every one of
them direct, a lead to a rep with room, yet each search settles ~110 of the 500 reps to prove it),
finding the leads the solver could place ~0.25 s, the million output objects for unplaced leads
~0.2 s, checking and sorting the leads ~0.25 s, pairing ~0.2 s. The machine's speed varies by ±15 %
between runs. What would move it: fewer objects per lead (the output's unassigned list is one per
lead), and a solver that proves direct placements without a full search (tighter potentials, or
placing a batch of them per search), keeping its tie-breaking.
`;
writeFileSync(join(import.meta.dirname, 'RESULTS.md'), md);
console.log(md);
