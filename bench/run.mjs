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
Where the time goes (5M rows, 2 threads, 2026-12-06: each step's end marked by both workers in 5
runs, and \`node --cpu-prof\` of each thread, self time per worker in a run of 3.95 s): the main
thread loads the CLI (~0.2 s, zod ~90 ms of it) before it starts the workers; then each worker
reads for ~2.3–2.5 s, trades rows (~0.03 s), dedupes (~0.35–0.45 s), ranks its ~125k contacts
(~0.73 s) and scores its share of the best 1,000 in full (the threads compare their best 1,000's
rank keys first); the main thread's merge and output ~0.1 s. Each worker's CPU: the batched e-mail
→ contact lookups ~0.36 s (a random probe of a 125k-key table for each of its 2.5M rows); finding
the owner of every one of the 5M lines ~0.33 s (each worker hashes the e-mail cell of the other's
lines too); the collector ~0.33 s (~880 scavenges of the 2 MB young generation, ~750 of them while
ranking, which makes ~6 KB of short-lived objects a contact); the dedupe ~0.23 s and its gather
~0.15 s; machine classification ~0.15–0.22 s; the per-contact state ~0.15 s; \`evaluateContact\`
~0.11 s; appending rows ~0.16 s; splitting cells ~0.12 s; the times ~0.12 s; the type, campaign and
URL dictionaries ~0.25 s; the line loops ~0.2 s; idle ~0.05–0.07 s. Nothing of the model is
switched off.
Measured step by step on 2026-12-06 (alternating with the build before; medians): each worker reads
the next 512 KiB while it parses the last (two buffers, the unfinished record copied into a gap
before the next chunk): a worker's idle time 0.16–0.28 → 0.05–0.07 s, wall 4.26 → 4.17 s (6 runs
each); the reader's e-mail index also files each canonical address, so the table keeps no
address → id \`Map\` while it is read (an insert cost ~650 ns in a worker's small young generation,
~0.15 s a worker): peak RSS 197.3 → 192.7 MB (7 runs each), the wall within the noise.
Tried and dropped on 2026-12-06: moving the rows into contact order in place (following the
permutation's cycles: no row order of 4 bytes a row, the dedupe's memory flat) cost +0.5 s of CPU a
worker, as a random permutation is one long chain of dependent cache misses where the gather's
reads are independent; an 8 MB young generation for the workers (−0.07 s, +12 MB); blocking reads
instead of the overlapped ones (about the same gain, but a library's read must not block its
event loop). On 2026-12-04: a table's hits carry what their ids decide (1,320 → 1,110 ms for the
5M-row table on one thread); machine classification without a Map or arrays per contact and by a
counting sort (1,620 → 1,340 ms); the top-N threshold by quickselect; each thread scores in full
only its share of the top 1,000 (~80 ms). What would move the time (each a structural change): the
workers splitting the file by bytes instead of each reading every line (they would then trade about
half the rows: by estimate about what it saves, ~0.3 s a worker, and ~14 MB more at the trade); a
ranking pass that reuses its hit and ledger objects (most of the collector's ~0.33 s a worker and
the allocation behind it); starting the workers before the main thread loads zod (~0.1 s).

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
~198,000–202,000 KiB for the same runs, 193–197 MB here.) On 2026-12-06 (RSS sampled every 5 ms
from the main thread, after the e-mail map went): the read ends at ~184–187 MB, the dedupe holds
~188–192 MB (its row order, 4 bytes a row: ~10 MB a worker), the ranking climbs from ~171 to
~186–190 MB (V8 keeps the old-space pages it committed: a full collection every 32k contacts did
not stop the climb) and the end (the best scored in full, packed, unpacked) reaches ~188–192 MB.
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
Where the time goes at 1M leads (\`node --cpu-prof\`, 2026-12-06, a run of ~4.2 s): the collector
~0.9 s (~0.3 s of it finishing the marking the benchmark's own lead generation started, on
\`allocateCalls\`'s clock, and one mark-compact of ~0.6 s of a heap holding the million lead
objects), the exact solver ~0.33 s, finding the leads it may place ~0.22 s, checking and sorting
the leads by contact ~0.37 s, the rest in about equal parts (the order by score, screening,
pairing, the problem's arrays, the lists). The million output objects for unplaced leads are made
in contact order and put at their place in score order (on 2026-12-06: that loop ~1.1 → ~0.4 s;
end to end, 4 alternating runs in a slow spell of this host, median ~5.3 → ~4.7 s). What would move
it: fewer objects per lead (the output's unassigned list is one per lead), a sort of the contacts
that does not compare strings (a radix sort on their characters: 1M shuffled addresses take ~1.3 s
with the comparator, ~0.85 s with V8's own string sort; the benchmark's leads come nearly sorted,
~0.37 s), and a solver that keeps its search state between paths.
`;
writeFileSync(join(import.meta.dirname, 'RESULTS.md'), md);
console.log(md);
