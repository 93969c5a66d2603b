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
// The score runs and the baseline: ROUNDS rounds, each running the three jobs one after another,
// so that a slow spell of this shared host falls on the baseline as on leadrank; each figure is the
// median of its runs (wall and peak RSS each), `range` keeps the lowest and highest, and `ratio`
// is the median of the rounds' leadrank-to-baseline wall ratios.
const ROUNDS = 5;
// The issue's anchor job in DuckDB, run in the same rounds (a devDependency: skipped if it does not load here).
const duckdb = await import('@duckdb/node-api').then(
  () => true,
  () => false,
);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = (r) => ({
  wall: median(r.map((m) => m.wall)),
  maxRssMB: median(r.map((m) => m.maxRssMB)),
  range: { wall: [Math.min(...r.map((m) => m.wall)), Math.max(...r.map((m) => m.wall))], rss: [Math.min(...r.map((m) => m.maxRssMB)), Math.max(...r.map((m) => m.maxRssMB))] },
});
for (const n of sizes) {
  const file = join(dir, `events-${n}.csv`);
  if (!existsSync(file)) await generateEvents(file, { rows: n, contacts: 250_000, seed: 1 });
  const mb = statSync(file).size / 1e6;
  const cli = (threads) => measure('cli', 'score', file, '--top', '1000', '--as-of', '2026-12-01', '--quiet', '--threads', String(threads));
  const one = [];
  const two = [];
  const base = [];
  const duck = [[], []];
  for (let round = 0; round < ROUNDS; round++) {
    one.push(cli(1));
    two.push(cli(2));
    base.push(measure('baseline', file, '1000'));
    if (duckdb) for (const t of [1, 2]) duck[t - 1].push(measure('duckdb', file, '1000', String(t)));
  }
  const runs = [
    ['leadrank score --top 1000 (full model), 1 thread', summary(one)],
    ['leadrank score --top 1000 (full model), 2 threads', summary(two)],
    ['baseline: papaparse streaming + Map per contact', summary(base)],
    ...(duckdb ? [['DuckDB: read_csv → GROUP BY → ORDER BY (the baseline\'s model), 1 thread', summary(duck[0])], ['DuckDB: the same SQL, 2 threads', summary(duck[1])]] : []),
  ];
  const ratios = (of, to) => {
    const r = of.map((m, i) => m.wall / to[i].wall);
    return { median: median(r), range: [Math.min(...r), Math.max(...r)] };
  };
  if (n === 5_000_000) five = { two: runs[1][1], baseline: runs[2][1], ratio: median(two.map((m, i) => m.wall / base[i].wall)), toDuck: duckdb ? ratios(two, duck[1]) : undefined };
  for (const [what, m] of runs) rows.push(`| ${(n / 1e6).toFixed(0)}M rows (${mb.toFixed(0)} MB) | ${what} | ${m.wall.toFixed(2)} s | ${Math.round(n / m.wall).toLocaleString('en')} | ${m.maxRssMB.toFixed(0)} MB |`);
}
// The other jobs of the weekly loop: call lists for 20 reps, then the campaign report, on the 1M-row
// file; and the call lists on the 5M-row one (the same 250k contacts: memory follows the contacts).
const others = [];
{
  const reps = join(dir, 'reps-20.csv');
  const topics = ['tractors', 'dairy', 'service', 'parts'];
  writeFileSync(reps, `id,name,capacity,expertise\n${Array.from({ length: 20 }, (_, i) => `rep${i},Rep ${i},60,${topics[i % 4]}`).join('\n')}\n`);
  const asOf = ['--as-of', '2026-12-01', '--quiet'];
  for (const n of sizes) {
    const file = join(dir, `events-${n}.csv`);
    const label = `${n / 1e6}M`;
    const out = join(dir, `lists-${label}`);
    others.push([`${label} rows`, 'leadrank lists --reps (20 reps × 60)', measure('cli', 'lists', file, '--reps', reps, '--out-dir', out, ...asOf)]);
    if (n === 1_000_000) others.push([`${label} rows`, 'leadrank report --allocation (the lists above)', measure('cli', 'report', file, '--allocation', join(out, 'allocation.json'), '--out', join(dir, `report-${label}.md`), ...asOf)]);
  }
}
const allocate = execFileSync(process.execPath, [join(import.meta.dirname, 'allocate.mjs'), ...(process.argv.includes('--quick') ? ['--quick'] : [])], { encoding: 'utf8' });
const ms = (re) => Number(re.exec(allocate)?.[1] ?? NaN);
const exact50k = ms(/territories: 50,000 leads × 125 reps[^\n]*\n\s+optimal (\d+) ms/);
const solver1M = ms(/territories: 1,000,000 leads × 500 reps[^\n]*\n\s+optimal (\d+) ms/);
const lists1M = ms(/allocateCalls end to end: 1,000,000 leads × 500 reps × capacity 60: (\d+) ms/);
const verdictOf = (ok) => (ok ? 'met' : 'not met');
// The issue's anchors were measured when the baseline took 8.2 s on the 5M-row file. This machine's
// speed drifts (a shared host: the same baseline has taken 12.6–24.5 s), so the targets are also read
// against the baseline of this run. An estimate: it assumes every job slowed down as the baseline did.
const ANCHOR_BASELINE_S = 8.2;
function anchorNote() {
  if (five === undefined) return '';
  const f = ANCHOR_BASELINE_S / five.baseline.wall;
  const alloc = Number.isNaN(lists1M) ? '' : `, the 1M-lead allocation ~${((lists1M / 1000) * f).toFixed(1)} s (target 3 s)`;
  return (
    `Scaled to the machine the issue's anchors were measured on (the baseline then took ${ANCHOR_BASELINE_S} s, in this run ` +
    `${five.baseline.wall.toFixed(1)} s: × ${f.toFixed(2)}), an estimate that assumes every job slowed down alike: the 5M-row job on 2 threads ` +
    `~${(five.ratio * ANCHOR_BASELINE_S).toFixed(2)} s (target 2.5 s: ${verdictOf(five.ratio * ANCHOR_BASELINE_S <= 2.5)}; the median of the rounds' ratios to the baseline, ` +
    `${five.ratio.toFixed(3)}, × ${ANCHOR_BASELINE_S} s)${alloc}.`
  );
}
const verdict = (t, limit) => (Number.isNaN(t) ? 'not run (--quick)' : `${(t / 1000).toFixed(2)} s: ${t <= limit ? 'met' : 'not met'}`);
const md = `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.
Input: \`bench/generate.mjs\` (seed 1): columns email,type,timestamp,campaign,url; 250,000 contacts in random order.
Peak RSS is the process's maximum resident set (worker threads included), in MB of 2^20 bytes (MiB,
as Node's \`resourceUsage\` and \`ps\` count them; in millions of bytes a figure is 4.9 % larger). Each score and baseline
row is the median of ${ROUNDS} runs (wall and peak RSS taken separately), taken in rounds that run
the jobs one after another, so that a slow spell of this shared host slows the baseline and DuckDB
too. DuckDB runs the issue's anchor SQL (read_csv → GROUP BY → ORDER BY with the baseline's weights
and half-life: far less than leadrank's model) from its Node package, a devDependency kept for this
comparison only. The two yardsticks need not agree: on this host the baseline script has slowed
more than DuckDB since the issue's anchors were measured, so the ratio to DuckDB is the stricter.

| input | job | wall | rows/s | peak RSS |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

Targets (issue 6): the 5M-row job in ≤ 2.5 s and ≤ 200 MB; first milestone ≥ 1M rows/s. ${
  five === undefined
    ? 'Not judged (--quick runs 1M rows only).'
    : `This run, 2 threads: ${five.two.wall.toFixed(2)} s (${verdictOf(five.two.wall <= 2.5)}; runs ${five.two.range.wall.map((w) => w.toFixed(2)).join('–')} s), ${five.two.maxRssMB.toFixed(0)} MB (${verdictOf(five.two.maxRssMB <= 200)}; runs ${five.two.range.rss.map((m) => m.toFixed(0)).join('–')} MB; in millions of bytes ${((five.two.maxRssMB * 2 ** 20) / 1e6).toFixed(0)}, ${verdictOf((five.two.maxRssMB * 2 ** 20) / 1e6 <= 200)} if the issue's MB are those), ${(5 / five.two.wall).toFixed(2)}M rows/s (milestone ${verdictOf(5 / five.two.wall >= 1)}); ${(five.baseline.wall / five.two.wall).toFixed(1)}× the baseline.${
        five.toDuck === undefined
          ? ' (DuckDB did not load: not compared.)'
          : ` Against DuckDB on 2 threads in the same rounds (the target's other form, ≤ 2×): ${five.toDuck.median.toFixed(2)}× (${verdictOf(five.toDuck.median <= 2)}; rounds ${five.toDuck.range.map((r) => r.toFixed(2)).join('–')}×).`
      }`
}
Where the time goes (5M rows, 2 threads, 2026-12-04: each step's end logged by both workers in
runs of ~4.0 s wall, and \`node --cpu-prof\` of each thread, self time per worker): start-up ~0.27 s
(the CLI's modules load in ~0.19 s, zod ~60 ms of it, then the probe; each worker's module load);
the read ~2.3 s; the dedupe ~0.45 s; ranking ~0.7 s; the best contacts ~0.1 s (the threads compare
their best 1,000's rank keys, then each scores in full only its share of the overall top 1,000);
the main thread's merge and output ~0.1 s. Of each worker's ~4.2 s of CPU: reading ~2.0 s (it
passes over every line of the file but takes only its own half of the contacts, split by a hash
of the e-mail cell: the line loop ~0.28 s and finding each line's owner ~0.3 s for all 5M lines,
then for its ~2.5M rows the batched e-mail → id lookups ~0.49 s, the times ~0.16 s, the cells and
their checks ~0.2 s, the campaign and URL dictionary lookups ~0.17 s, new contacts ~0.15 s, appending
~0.1 s); the dedupe ~0.6 s (rows gathered into contact order ~0.28 s, then each contact's rows
sorted and thinned where they lie ~0.3 s); ranking its ~125k contacts ~0.7 s (machine
classification ~0.23 s, per-contact state ~0.19 s, \`evaluateContact\` ~0.14 s, decay ~0.05 s, link
evidence ~0.05 s); the collector ~0.25 s. Nothing of the model is switched off.
Measured step by step on 2026-12-04 (alternating with the build before; in-process scoring of the
5M-row table on one thread): a table's hits carry what their ids decide (kind, link and campaign
rules, topics, multipliers, repeat key), worked out once per distinct row of ids instead of per hit
(1,320 → 1,110 ms); machine classification groups a contact's hits without a Map or arrays per
contact (\`Map.clear()\` makes a new table even when empty: that call alone had cost more than the
grouping) and by a counting sort (1,620 → 1,340 ms with the ledger's kind lookups once per scorer);
the top-N threshold by quickselect; through the CLI, 2 threads: 4.50 → 3.82 s (median of 4, with
the threads scoring in full only their share of the top 1,000: ~80 ms of it). Tried and dropped:
reusing one pool of Hit objects for the rank keys (within the noise). What would move the time:
one pass that finds each line's owner for both threads (each worker hashes the e-mail cell of the
other's ~2.5M lines too, ~0.3 s); starting the workers' read before the main thread loads zod
(~0.1 s); the dedupe's gather in place (one random pass instead of one a column).

Memory (each thread's heap and ArrayBuffers logged at each step, the RSS sampled every 10 ms; 5M
rows, 2 threads, 2026-12-03): the main thread ~66 MB (Node itself ~40 MB, most of it the binary's mapped
pages; zod ~12 MB; the CLI's code ~9 MB; a young generation that start-up grew to 8 MB, which V8
does not give back, not even to a full collection) and each worker's isolate and modules ~18 MB, so ~100 MB before a row is read; then per
worker ~18 MB of columns (7 bytes a row after the dedupe: the type id, which stands for the type
and its bounce class, the time in seconds, campaign and URL ids in a byte each while there are
fewer than 255 strings; 11 while reading, with the contact id) and a V8 heap of ~25 MB (its ~125k e-mails ~7.5 MB, code ~2.7 MB, the rest the
scoring's garbage between collections). Measured step by step on 2026-12-03 (median of 5–7 runs,
alternating with the build before): 250 → 233 MB when each worker packs its best contacts into
bytes as it scores them and the main thread unpacks them only after the workers have exited (the
peak had been there: the main thread's heap grew by ~40 MB while the workers still held theirs),
and runs one full garbage collection after the read (V8 frees an ArrayBuffer only in a full
collection, and the read's hash tables stayed allocated through the scoring); → 210 MB when the
dedupe sorts each contact's rows where they lie and keeps no row order (4 bytes a row), collected
after the dedupe; → 205 MB when the e-mail → id map goes after the dedupe; → 195 MB when the
workers load no zod (the main thread checks the model and contacts; zod costs ~10 MB a thread);
the bounce class in the type id (a byte a row less) was within the noise (195 → 193 MB). The peak
is now where the workers end their read and dedupe (~190–200 MB; the dedupe adds ~3 MB to what
the read ends with, as its row order takes the place of the read's hash tables, freed just before),
the scoring stays ~10 MB below it. (\`/usr/bin/time\` and \`/proc/<pid>/status\` count in KiB:
~198,000–202,000 KiB for the same runs, 193–197 MB here.)
What would move it further: no papaparse in the workers (~6 MB each; they use it to parse the
header of the probe and the rare quoted record). Tried and dropped: scoring
one part on the main thread instead of a second worker (+8–13 MB, because the main thread's young
generation is V8's default size, while the workers' is capped at 2 MB); a 4 MB young generation
for the workers (no faster, +5 MB); reading without the table's e-mail → id map, the fast reader's
byte map alone (the same time within the noise, and on one thread V8 then let the heap grow to
~146 MB before a full collection in 2 of 6 runs: 320 MB instead of ~225 MB).

## The other jobs

| input | job | wall | peak RSS |
| --- | --- | --- | --- |
${others.map(([input, what, m]) => `| ${input} | ${what} | ${m.wall.toFixed(2)} s | ${m.maxRssMB.toFixed(0)} MB |`).join('\n')}

They read the file the columnar way on one thread: the commands that need every contact do not
take a second by default, because its worker would copy every full \`ScoredContact\` back (5M rows,
\`lists\`: 20.6 s / 1.0 GB on one thread, 29.8 s / 1.6 GB on two, measured once on 2026-12-02).
\`lists\` (and \`segments\`, \`report\`) score lean leads from the table: score, tier, grade,
interests, flags and details of every contact; the reasons of a lead are made from the table only
when its call-list entry reads them (~1,200 of 250k). \`report\` classifies machine traffic from the
table and streams the classified events, one at a time, into its counts.
Same output as before (every file's md5), measured once on 2026-12-02 against the build before the
lean leads: \`lists\` 1M rows 15.0 s / 1.10 GB → 11.1 s / 785 MB, \`report\` 12.7 s / 896 MB → 9.7 s /
687 MB, \`segments\` 11.4 s / 585 MB → 7.6 s / 406 MB (on the object path they took ~47 s and 2 GB).
\`lists\` writes \`allocation.json\` (all 245k unplaced leads, 59 MB), \`unassigned.csv\` (34 MB) and
the JSON lists in pieces as they are made, never as one string: 1M rows 795 MB → 395 MB, the same
bytes (measured on 2026-12-03). What bounds \`lists\` at 1M rows (phase marks): reading ~30 %,
scoring the lean leads ~20 %, the allocation ~15 %, rendering and writing the files the rest. The
report keeps a campaign's recipients, openers, clickers and bounces as a bit per contact (5M rows,
962 → 764 MB, same report, measured on 2026-12-03) and its first touches (engaged, per link and
topic: the times its funnels start from) as a time per contact once they are many (→ 678 MB).

## Allocation (\`node bench/allocate.mjs\`)

\`\`\`
${allocate.trim()}
\`\`\`

Allocation targets (issue 6): 50k leads × 125 reps exact in ≤ 1 s: ${verdict(exact50k, 1000)}. 1M scored
contacts into 500 reps' lists (\`allocateCalls\` end to end, one allocation per process, median of 3) in ≤ 3 s: ${verdict(lists1M, 3000)}
(${Number.isNaN(solver1M) ? 'the 1M-lead solver run: not run' : `the exact solver alone: ${(solver1M / 1000).toFixed(2)} s on 10M pairs`}).
${anchorNote()}
Where the time goes at 1M leads (\`node --cpu-prof\`, 2026-12-02): the collector ~30 % (one
mark-compact of a heap holding the benchmark's million lead objects, ~0.65 s, and the scavenges),
the solver ~20 % (per rep only as many candidates as it and the reps it shares leads with can hold;
30,000 augmenting paths, all direct; each search starts from ~500 sources, ~260 of them at reduced
distance 0, which it takes from a list in rep order beside the heap, and settles ~110 reps; a heap
of moves re-checks its top only when one of its leads moved: the solver alone went from 2.5 s to
1.5–2.0 s on the unpruned 1M-lead problem, same assignment), then in about equal parts finding the
leads the solver could place, checking and sorting the leads, screening, pairing and the million
output objects for unplaced leads. What would move it: fewer objects per lead (the output's
unassigned list is one per lead; the arrays a lead takes on the way), and a solver that keeps its
search state between paths (the ~110 reps it settles are mostly the same each time).
`;
writeFileSync(join(import.meta.dirname, 'RESULTS.md'), md);
console.log(md);
