import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readContainer } from '../ingest/container.js';
import { detectSample, sampleKeys } from '../ingest/detect.js';
import type { IngestResult } from '../ingest/result.js';
import type { EngagementEvent } from '../model/event.js';
import { COMMON_OPTIONS, EVENT_OPTIONS, intOption } from './args.js';
import type { Command, CommandContext } from './context.js';
import { eventReadOptions, readEventFiles } from './events.js';
import { UsageError } from './exitCodes.js';
import { createProgress } from './progress.js';

const { rejected: _r, 'max-rejected': _m, ...READ_OPTIONS } = EVENT_OPTIONS;

/** `leadrank detect`: which provider, why, the columns, sample events and what would be rejected. */
export const detectCommand: Command = {
  name: 'detect',
  summary: 'Show which provider a file comes from, and how it would be read',
  usage: 'leadrank detect <file> [--input-format NAME] [--mapping FILE] [--timezone ZONE] [--events N] [--json]',
  description:
    'Reads one export and shows: the provider detected and why (every candidate with its score), the columns seen,\n' +
    'the first normalised events, and a summary of what would be rejected or ignored, by code, with examples.',
  options: {
    events: { type: 'string', short: 'n', value: 'N', description: 'How many normalised events to show (default 5).' },
    json: { type: 'boolean', description: 'Print the findings as JSON.' },
    ...READ_OPTIONS,
    ...COMMON_OPTIONS,
  },
  examples: ['leadrank detect exports/sendgrid-webhook.json', 'leadrank detect website-activity.csv --mapping mapping.json --timezone Europe/Berlin'],
  run,
};

async function run(ctx: CommandContext): Promise<number> {
  const [file, ...extra] = ctx.args.positionals;
  if (file === undefined) throw new UsageError('name the file to inspect', 'detect');
  if (extra.length > 0) throw new UsageError(`detect reads one file at a time (got ${ctx.args.positionals.length})`, 'detect');
  const count = intOption(ctx.args, 'events', 'detect', 0) ?? 5;
  const options = await eventReadOptions(ctx.args, ctx.io.cwd, 'detect');
  const read = await readEventFiles([file], options, ctx.io.cwd, createProgress(ctx.io.stderr, { quiet: ctx.quiet }));
  const meta = read.files[0]!.meta;
  const result: IngestResult = { events: read.events, rejected: read.rejected, meta };
  const columns = await columnsOf(resolve(ctx.io.cwd, file));
  const findings = {
    file,
    format: meta.format,
    container: meta.container,
    detection: meta.detection ?? { format: meta.format, score: 1, reasons: [options.format ? `--input-format ${options.format}` : '--mapping given'], candidates: [] },
    columns,
    records: meta.records,
    events: meta.events,
    duplicates: meta.duplicates,
    ignored: meta.ignored,
    rejected: byCode(result),
    notes: meta.notes,
    sample: read.events.slice(0, count),
  };
  ctx.io.stdout.write(ctx.args.values['json'] === true ? `${JSON.stringify(findings, null, 2)}\n` : render(findings));
  return 0;
}

function byCode(result: IngestResult): { code: string; count: number; examples: { record: number; field?: string; message: string }[] }[] {
  const groups = new Map<string, IngestResult['rejected']>();
  for (const r of result.rejected) groups.set(r.code, [...(groups.get(r.code) ?? []), r]);
  return [...groups]
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
    .map(([code, list]) => ({ code, count: list.length, examples: list.slice(0, 3).map((r) => ({ record: r.record, ...(r.field === undefined ? {} : { field: r.field }), message: r.message })) }));
}

/** The column names (CSV headers, or keys of the first records) from the start of the file. */
async function columnsOf(path: string): Promise<string[]> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(256 * 1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    let bytes = buf.subarray(0, bytesRead);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      try {
        bytes = gunzipSync(bytes, { finishFlush: 2 });
      } catch {
        return [];
      }
    }
    let text = bytes.toString('utf8');
    if (bytesRead === buf.length) {
      const cut = text.lastIndexOf('\n');
      if (cut > 0 && !/^\s*[[{]/.test(text.replace(/^\uFEFF/, '')) ) text = text.slice(0, cut);
    }
    try {
      return sampleKeys(detectSample(readContainer(text)));
    } catch {
      return [];
    }
  } finally {
    await handle.close();
  }
}

type Findings = {
  file: string;
  format: string;
  container: string;
  detection: { format: string; score: number; reasons: string[]; candidates: { format: string; score: number; reasons: string[] }[] };
  columns: string[];
  records: number;
  events: number;
  duplicates: number;
  ignored: Record<string, number>;
  rejected: ReturnType<typeof byCode>;
  notes: string[];
  sample: EngagementEvent[];
};

function render(f: Findings): string {
  const out: string[] = [`${f.file}: ${f.format} (${f.container})`, ''];
  out.push(`Why: ${f.detection.reasons.join('; ') || '-'} (score ${f.detection.score})`);
  const others = f.detection.candidates.filter((c) => c.format !== f.format && c.score > 0);
  if (others.length > 0) out.push(`Also considered: ${others.map((c) => `${c.format} ${c.score}`).join(', ')}`);
  out.push(`Columns: ${f.columns.length === 0 ? '(none found at the start of the file)' : f.columns.join(', ')}`, '');
  const ignored = Object.entries(f.ignored).map(([k, v]) => `${k} ${v}`).join(', ');
  out.push(`Records: ${f.records} → ${f.events} events, ${f.duplicates} duplicates, ${f.rejected.reduce((a, r) => a + r.count, 0)} rejected, ignored: ${ignored || 'none'}`);
  for (const r of f.rejected) {
    out.push(`  rejected ${r.code}: ${r.count}`);
    for (const e of r.examples) out.push(`    record ${e.record}${e.field ? ` (${e.field})` : ''}: ${e.message}`);
  }
  for (const n of f.notes) out.push(`Note: ${n}`);
  if (f.sample.length > 0) {
    out.push('', `First ${f.sample.length} events, normalised:`);
    for (const e of f.sample) {
      const extra = [e.campaign && `campaign ${JSON.stringify(e.campaign)}`, e.url, e.machine ? `machine (${e.machineReason ?? 'flagged'})` : undefined, e.bounce && `${e.bounce} bounce`]
        .filter(Boolean)
        .join(', ');
      out.push(`  ${new Date(e.at).toISOString()}  ${e.type.padEnd(11)} ${e.contact}${extra ? `  ${extra}` : ''}  (record ${e.source.record})`);
    }
  }
  return `${out.join('\n')}\n`;
}
