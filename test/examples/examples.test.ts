import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// CI runs the examples and the built CLI: they import 'leadrank' / 'leadrank/node' through the
// package's exports map, so dist/ must be built (it is, here, when missing or older than src/).
const repo = new URL('../../', import.meta.url).pathname;
const examples = readdirSync(join(repo, 'examples')).filter((f) => f.endsWith('.mjs')).sort();

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

beforeAll(() => {
  const built = ['dist/index.js', 'dist/node/index.js', 'dist/cli/main.js', 'dist/leadrank.schema.json'].map((f) => join(repo, f));
  const stale = built.some((f) => !existsSync(f)) || Math.min(...built.map((f) => statSync(f).mtimeMs)) < newest(join(repo, 'src'));
  if (stale) execFileSync(process.execPath, [join(repo, 'node_modules/tsup/dist/cli-default.js')], { cwd: repo, stdio: 'ignore' });
  if (stale || !existsSync(built[3]!)) execFileSync(process.execPath, [join(repo, 'scripts/build-schema.mjs')], { cwd: repo, stdio: 'ignore' });
}, 240_000);

const node = (args: string[], cwd = repo) => spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 60_000 });

describe('examples/', () => {
  it('has the examples the README links to, and the README quotes the quick start as it runs', () => {
    expect(examples).toEqual(['crm-integration.mjs', 'custom-mapping.mjs', 'mailchimp-export.mjs', 'quick-start.mjs', 'weekly-feedback-loop.mjs']);
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    const quickStart = readFileSync(join(repo, 'examples/quick-start.mjs'), 'utf8');
    expect(readme).toContain('```js\n' + quickStart + '```');
  });

  it.each(examples)('%s runs and prints its result', (file) => {
    const r = node([join('examples', file)]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().length).toBeGreaterThan(0);
  });

  it('embeds the core in the CRM integration without node: imports', () => {
    const code = readFileSync(join(repo, 'examples/crm-integration.mjs'), 'utf8');
    expect(code).not.toMatch(/from ['"]node:|require\(|leadrank\/node/);
  });
});

describe('the built CLI (dist/cli/main.js, the package bin)', () => {
  it('runs with a shebang, shows help and exits 0', () => {
    const main = readFileSync(join(repo, 'dist/cli/main.js'), 'utf8');
    expect(main.startsWith('#!/usr/bin/env node')).toBe(true);
    const r = node(['dist/cli/main.js', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: leadrank <command> [options]');
  });

  it('scores the scenario exports from their folder and exits 1 on a usage error', () => {
    const cwd = join(repo, 'fixtures/scenario/exports');
    const ok = node([join(repo, 'dist/cli/main.js'), 'score', 'sendgrid-webhook.json', 'mailgun-events.json', '--as-of', '2026-11-23T12:00:00Z', '--top', '2', '-q'], cwd);
    expect(ok.status).toBe(0);
    expect(ok.stdout.split('\n')).toHaveLength(4);
    const bad = node([join(repo, 'dist/cli/main.js'), 'lists', 'sendgrid-webhook.json', '--out-dir', 'x'], cwd);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--reps is required');
  });

  it('scores a large CSV on worker threads exactly as on one thread (rejections and record numbers too)', async () => {
    const { generateEvents } = (await import(join(repo, 'bench/generate.mjs'))) as { generateEvents: (file: string, o: object) => Promise<void> };
    const dir = mkdtempSync(join(tmpdir(), 'leadrank-threads-'));
    const file = join(dir, 'events.csv');
    await generateEvents(file, { rows: 30_000, contacts: 3_000, seed: 3 });
    appendFileSync(file, 'not-an-email,open,2026-11-01T10:00:00Z,spring,\ncontact1@farm1.example.com,open,yesterday,spring,\n"contact2@farm2.example.com",click,2026-11-02T10:00:00Z,"a, b",https://agri.example/pricing\n');
    const run = (threads: number) => {
      const r = node([join(repo, 'dist/cli/main.js'), 'score', file, '--as-of', '2026-12-01', '--top', '50', '--format', 'json', '--threads', String(threads), '--rejected', join(dir, `rejected-${threads}.csv`)], dir);
      expect(r.status).toBe(0);
      return { out: r.stdout, summary: r.stderr.replace(`rejected-${threads}.csv`, 'rejected-N.csv'), rejected: readFileSync(join(dir, `rejected-${threads}.csv`), 'utf8') };
    };
    const one = run(1);
    expect(JSON.parse(one.out)).toHaveLength(50);
    expect(one.rejected.split('\n').filter((l) => l.includes('invalid')).length).toBe(2);
    for (const threads of [2, 3]) expect(run(threads)).toEqual(one);
  });

  it('starts worker threads that load no validation library (zod costs ~10 MB a thread; the main thread checks the inputs)', () => {
    const worker = readFileSync(join(repo, 'dist/cli/tableWorker.js'), 'utf8');
    expect(worker).toContain('rankEventTableWith');
    expect(worker).not.toMatch(/from ["']zod/);
  });

  it('ships the JSON Schema next to the build', () => {
    expect(readFileSync(join(repo, 'dist/leadrank.schema.json'), 'utf8')).toBe(readFileSync(join(repo, 'schema/leadrank.schema.json'), 'utf8'));
  });
});
