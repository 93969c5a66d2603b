#!/usr/bin/env node
// `npm run demo`: the whole loop on the bundled fixtures, through the real CLI (dist/cli/main.js):
// provider exports → call lists → the reps' call outcomes → campaign report and segments for marketing
// → next week's call lists. Everything goes to ./demo-output/.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const cli = resolve(repo, 'dist/cli/main.js');
const exportsDir = resolve(repo, 'fixtures/scenario/exports');
const out = resolve(process.cwd(), 'demo-output');
const at = (p) => p; // the CLI runs in the exports folder: file names as a user types them
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const events = [at('sendgrid-webhook.json'), at('mailgun-events.json'), at('website-activity.csv'), '--mapping', at('website-mapping.json'), '--timezone', 'Europe/Berlin'];
const common = [...events, '--contacts', at('contacts.csv'), '--config', at('leadrank.json')];

function leadrank(title, args) {
  process.stdout.write(`\n== ${title}\n(in ${relative(process.cwd(), exportsDir)}) $ leadrank ${args.map((a) => (a.startsWith('/') ? relative(process.cwd(), a) || '.' : a)).join(' ')}\n`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: exportsDir, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    process.stderr.write(`demo: leadrank ${args[0]} failed with exit code ${r.status}\n`);
    process.exit(r.status ?? 1);
  }
}

leadrank('Monday 2026-11-16: call lists from three exports (SendGrid, Mailgun, the website)', [
  'lists', ...common, '--reps', at('reps.csv'), '--as-of', '2026-11-16T08:00:00Z', '--out-dir', resolve(out, '1-lists-2026-11-16'),
]);
mkdirSync(resolve(out, '2-calls'), { recursive: true });
copyFileSync(resolve(exportsDir, 'outcomes.csv'), resolve(out, '2-calls/outcomes.csv'));
process.stdout.write('\n== The week: the reps call and log outcomes\nCopied the call log to demo-output/2-calls/outcomes.csv\n');
leadrank('Monday 2026-11-23: the campaign report for marketing', [
  'report', ...common, '--outcomes', resolve(out, '2-calls/outcomes.csv'), '--allocation', resolve(out, '1-lists-2026-11-16/allocation.json'),
  '--as-of', '2026-11-23T12:00:00Z', '--out-dir', resolve(out, '3-report'),
]);
leadrank('Segments for the next campaign', [
  'segments', ...common, '--outcomes', resolve(out, '2-calls/outcomes.csv'), '--as-of', '2026-11-23T12:00:00Z', '--out-dir', resolve(out, '4-segments'),
]);
leadrank("Next week's call lists (cooldowns, callbacks, do-not-call from the outcomes)", [
  'lists', ...common, '--reps', at('reps.csv'), '--outcomes', resolve(out, '2-calls/outcomes.csv'), '--as-of', '2026-11-23T12:00:00Z',
  '--out-dir', resolve(out, '5-lists-2026-11-23'), '--format', 'md',
]);

const shown = relative(process.cwd(), out) || '.';
process.stdout.write(`
Done. The files are in ${shown}/:
  ${shown}/1-lists-2026-11-16/   call-list-<rep>.csv per rep, call-lists.csv, unassigned.csv, allocation.json
  ${shown}/2-calls/              outcomes.csv (the reps' call log)
  ${shown}/3-report/             campaign-report.md / .csv / .json, rep-follow-up.csv
  ${shown}/4-segments/           segment-<name>.csv per segment, segments-excluded.csv, segments.json
  ${shown}/5-lists-2026-11-23/   next week's lists as Markdown (start with call-lists.md)
`);
