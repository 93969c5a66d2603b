// Runs one command in this process and prints {wall, maxRssMB} as JSON on the last line of stderr:
//   node bench/measure.mjs cli score events.csv --top 1000 …   (the built CLI, worker threads included)
//   node bench/measure.mjs baseline events.csv 1000             (the straightforward script)
//   node bench/measure.mjs duckdb events.csv 1000 2             (the DuckDB anchor: SQL, 2 threads)
import { createReadStream } from 'node:fs';
import { resourceUsage } from 'node:process';
import Papa from 'papaparse';

const [kind, ...args] = process.argv.slice(2);
const started = performance.now();
if (kind === 'cli') {
  const { main } = await import('../dist/cli/main.js');
  const code = await main(args, { stdout: { write: () => true } });
  if (code !== 0) process.exit(code);
} else if (kind === 'duckdb') {
  // The anchor: read_csv → GROUP BY → ORDER BY in DuckDB, the same weights and half-life as
  // the baseline (a devDependency, for this comparison only).
  const [file, top, threads] = args;
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const connection = await db.connect();
  const weights = "('open', 1.0), ('click', 3.0), ('reply', 10.0), ('page_view', 2.0), ('bounce', -5.0), ('unsubscribe', -10.0), ('complaint', -20.0)";
  const columns = "{'email': 'VARCHAR', 'type': 'VARCHAR', 'timestamp': 'TIMESTAMP', 'campaign': 'VARCHAR', 'url': 'VARCHAR'}";
  const result = await connection.runAndReadAll(
    `WITH w(type, weight) AS (VALUES ${weights})
     SELECT lower(trim(email)) AS email, sum(w.weight * pow(0.5, (epoch(TIMESTAMP '2026-12-01 00:00:00') - epoch(timestamp)) / 86400.0 / 14)) AS score
     FROM read_csv('${file.replaceAll("'", "''")}', header = true, columns = ${columns}) JOIN w USING (type)
     GROUP BY 1 ORDER BY score DESC LIMIT ${Number(top)}`,
  );
  if (result.getRows().length !== Number(top)) throw new Error('duckdb: unexpected result');
} else {
  // papaparse streaming + a Map per contact, per-type weights and a 14-day half-life, sort, top N.
  const [file, top] = args;
  const weights = { open: 1, click: 3, reply: 10, page_view: 2, bounce: -5, unsubscribe: -10, complaint: -20 };
  const asOf = Date.parse('2026-12-01T00:00:00Z');
  const scores = new Map();
  await new Promise((done) => {
    Papa.parse(createReadStream(file), {
      header: true,
      step: ({ data }) => {
        const w = weights[data.type];
        if (w === undefined) return;
        const age = (asOf - Date.parse(data.timestamp)) / 86_400_000;
        const email = data.email.trim().toLowerCase();
        scores.set(email, (scores.get(email) ?? 0) + w * 0.5 ** (age / 14));
      },
      complete: done,
    });
  });
  [...scores].sort((a, b) => b[1] - a[1]).slice(0, Number(top));
}
const wall = (performance.now() - started) / 1000;
process.stderr.write(`\n${JSON.stringify({ wall, maxRssMB: resourceUsage().maxRSS / 1024 })}\n`);
