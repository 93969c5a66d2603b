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
  for (const [what, m] of runs) rows.push(`| ${(n / 1e6).toFixed(0)}M rows (${mb.toFixed(0)} MB) | ${what} | ${m.wall.toFixed(2)} s | ${Math.round(n / m.wall).toLocaleString('en')} | ${m.maxRssMB.toFixed(0)} MB |`);
}
const allocate = execFileSync(process.execPath, [join(import.meta.dirname, 'allocate.mjs'), '--quick'], { encoding: 'utf8' });
const md = `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.
Input: \`bench/generate.mjs\` (seed 1): columns email,type,timestamp,campaign,url; 250,000 contacts in random order.
Peak RSS is the process's maximum resident set (worker threads included).

| input | job | wall | rows/s | peak RSS |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

Targets (issue 6): the 5M-row job in ≤ 2.5 s and ≤ 200 MB; first milestone ≥ 1M rows/s. Not met yet.
Where the time goes (\`node --cpu-prof\`, 5M rows, 1 thread, ~9.5 s): reading ~4.5 s (the byte-level
CSV pass: line split, e-mail → id by bytes, type/campaign/URL ids, timestamps), dedupe ~0.8 s
(per-contact sort), scoring ~4.2 s (\`evaluateContact\` 2.3 s: machine classification, repeats,
decay, caps per contact; building the reducer state 1.1 s). With 2 threads each thread still scans
every line (contacts are split by a hash of the e-mail), so reading does not halve; RSS holds the
event columns (~21 bytes a row) plus a V8 heap per thread. What would move it: split the file by
byte ranges across threads and merge the tables (SharedArrayBuffer columns), and a typed-array
\`evaluateContact\` that builds no Hit/ledger objects for contacts outside the top N.

## Allocation (\`node bench/allocate.mjs --quick\`)

\`\`\`
${allocate.trim()}
\`\`\`
`;
writeFileSync(join(import.meta.dirname, 'RESULTS.md'), md);
console.log(md);
