// Streaming benchmark of readEvents (not a test): generates an export of N records (default 1M)
// on disk, reads it back through leadrank/node's readEvents with onEvent (events are not kept), and
// reports time, throughput and peak memory, sampled on every progress callback.
//   node bench/ingest-stream.mjs                 1M SendGrid NDJSON records
//   node bench/ingest-stream.mjs --csv           1M generic CSV rows
//   node bench/ingest-stream.mjs --json          1M SendGrid records in one JSON array
//   node bench/ingest-stream.mjs --gz            gzip the file first
//   node bench/ingest-stream.mjs --n=200000      another size
// The source is bundled on the fly with esbuild (no build step needed).
import { build } from 'esbuild';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';

const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}`));
const N = Number(arg('n=')?.slice(4) ?? 1_000_000);
const kind = arg('csv') ? 'csv' : arg('json') ? 'json' : 'ndjson';
const gz = Boolean(arg('gz'));
const dir = mkdtempSync(join(tmpdir(), 'leadrank-bench-'));

const bundle = join(dir, 'node.mjs');
await build({ entryPoints: ['src/node/index.ts'], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'silent',
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } });
const { readEvents } = await import(pathToFileURL(bundle).href);

const EVENTS = ['processed', 'delivered', 'open', 'open', 'click', 'click', 'bounce', 'unsubscribe'];
function* lines() {
  if (kind === 'csv') yield 'email,event,timestamp,url,campaign\n';
  if (kind === 'json') yield '[\n';
  for (let i = 0; i < N; i += 1) {
    const event = EVENTS[i % EVENTS.length];
    const email = `user${i % 50_000}@farm${i % 97}.example`;
    const ts = 1714554000 + i;
    const url = event === 'click' ? `https://shop.example.com/p/${i % 40}` : '';
    if (kind === 'csv') yield `${email},${event},${ts},${url},Spring promo\n`;
    else {
      const rec = JSON.stringify({ email, timestamp: ts, event, sg_event_id: `ev${i}`, sg_message_id: `m${i % 50_000}.filter.0`, ...(url ? { url } : {}), category: ['spring'] });
      yield kind === 'json' ? `${rec}${i < N - 1 ? ',' : ''}\n` : `${rec}\n`;
    }
  }
  if (kind === 'json') yield ']\n';
}

const file = join(dir, `export.${kind}${gz ? '.gz' : ''}`);
const batched = Readable.from((function* () {
  let buf = '';
  for (const l of lines()) {
    buf += l;
    if (buf.length > 1 << 16) { yield buf; buf = ''; }
  }
  if (buf) yield buf;
})());
await pipeline(batched, ...(gz ? [createGzip()] : []), createWriteStream(file));
const size = statSync(file).size;

const mb = (b) => `${(b / 1024 / 1024).toFixed(0)} MB`;
console.log(`readEvents ${kind}${gz ? '.gz' : ''}: ${N.toLocaleString('en')} records, file ${mb(size)}`);
let failed = false;
for (const dedupe of [false, true]) {
  globalThis.gc?.();
  const base = process.memoryUsage();
  let peakHeap = base.heapUsed;
  let peakRss = base.rss;
  let events = 0;
  const started = performance.now();
  const result = await readEvents(file, {
    ...(kind === 'csv' ? { format: 'csv' } : {}),
    dedupe,
    onEvent: () => { events += 1; },
    onProgress: () => {
      const m = process.memoryUsage();
      if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
      if (m.rss > peakRss) peakRss = m.rss;
    },
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(`  dedupe ${dedupe ? 'on ' : 'off'}: ${seconds.toFixed(1)} s, ${Math.round(N / seconds).toLocaleString('en')} records/s; ` +
    `heap ${mb(base.heapUsed)} → peak ${mb(peakHeap)}, rss ${mb(base.rss)} → peak ${mb(peakRss)}; ` +
    `format=${result.meta.format} records=${result.meta.records} events=${result.meta.events} (onEvent saw ${events}) duplicates=${result.meta.duplicates} rejected=${result.meta.rejected}`);
  if (result.meta.records !== N) failed = true;
}
console.log('  (the file is never held whole; with dedupe on, the only state that grows is one key per unique event)');
rmSync(dir, { recursive: true, force: true });
if (failed) process.exit(1);
