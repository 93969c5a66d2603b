// Seeded generator of the benchmark input (not a test, never committed as data):
// an events CSV with columns email,type,timestamp,campaign,url, contacts in random order.
//   node bench/generate.mjs OUT.csv [--rows=5000000] [--contacts=250000] [--seed=1]
// The same arguments always write the same bytes.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** mulberry32: a small seeded PRNG, so the data are reproducible. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CAMPAIGNS = ['spring-tractors-2026', 'vet-care-webinar', 'irrigation-update', 'harvest-deals', 'feed-newsletter-05', 'dairy-tech-days', 'combine-launch', 'autumn-service'];
const PATHS = ['/pricing', '/demo', '/tractors/x9', '/tractors/compact-2', '/veterinary/vaccines', '/irrigation/pivots', '/blog/soil-health', '/careers', '/contact', '/combines/c7', '/feed/calculator', '/unsubscribe'];
// delivered, open, click dominate, as in a real export; the negatives are rare.
const TYPES = [['delivered', 30], ['open', 38], ['click', 26], ['bounce', 2], ['unsubscribe', 1], ['complaint', 0.2], ['reply', 1.8], ['page_view', 1]];
const TOTAL = TYPES.reduce((a, [, w]) => a + w, 0);

/** Writes `rows` event rows for `contacts` contacts; resolves with the bytes written. */
export async function generateEvents(out, { rows = 5_000_000, contacts = 250_000, seed = 1 } = {}) {
  const rand = rng(seed);
  const stream = createWriteStream(out);
  let bytes = 0;
  let buf = 'email,type,timestamp,campaign,url\n';
  const start = Date.UTC(2026, 0, 1) / 1000;
  const span = 330 * 86400;
  for (let i = 0; i < rows; i += 1) {
    const c = Math.floor(rand() * contacts);
    let r = rand() * TOTAL;
    let type = 'delivered';
    for (const [t, w] of TYPES) if ((r -= w) < 0) { type = t; break; }
    const ts = new Date((start + Math.floor(rand() * span)) * 1000).toISOString().replace('.000Z', 'Z');
    const campaign = CAMPAIGNS[Math.floor(rand() * CAMPAIGNS.length)];
    const url = type === 'click' || type === 'page_view' ? `https://www.agri${c % 7}.example${PATHS[Math.floor(rand() * PATHS.length)]}` : '';
    buf += `contact${c}@farm${c % 5003}.example.com,${type},${ts},${campaign},${url}\n`;
    if (buf.length > 1 << 20) {
      bytes += buf.length;
      if (!stream.write(buf)) await once(stream, 'drain');
      buf = '';
    }
  }
  bytes += buf.length;
  stream.end(buf);
  await once(stream, 'finish');
  return bytes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (n, d) => Number(process.argv.find((a) => a.startsWith(`--${n}=`))?.split('=')[1] ?? d);
  const out = process.argv[2];
  if (!out || out.startsWith('--')) { console.error('usage: node bench/generate.mjs OUT.csv [--rows=N] [--contacts=N] [--seed=N]'); process.exit(1); }
  const bytes = await generateEvents(out, { rows: arg('rows', 5e6), contacts: arg('contacts', 25e4), seed: arg('seed', 1) });
  console.log(`${out}: ${(bytes / 1e6).toFixed(0)} MB`);
}
