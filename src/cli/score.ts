import type { ScoredContact } from '../model/scored.js';
import { toSafeCsv } from '../report/csvSafe.js';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { scoreContacts } from '../score/scoreContacts.js';
import { scoreEventTable } from '../score/scoreEventTable.js';
import { COMMON_OPTIONS, EVENT_OPTIONS, SCORING_OPTIONS, intOption, stringOption } from './args.js';
import type { Command, CommandContext } from './context.js';
import { UsageError } from './exitCodes.js';
import type { EventsTableRead } from './events.js';
import { loadInputs } from './inputs.js';
import { formatFromOut, shownPath, writeOutput } from './output.js';
import { scoredSummary, tierSummary } from './summary.js';

const FORMATS = ['text', 'json', 'csv', 'md'] as const;
type ScoreFormat = (typeof FORMATS)[number];

/** `leadrank score`: ranked contacts with tiers, interests and reasons. */
export const scoreCommand: Command = {
  name: 'score',
  summary: 'Rank contacts by engagement and fit, with tiers and reasons',
  usage: 'leadrank score <events…> [--contacts FILE] [--config FILE] [--as-of TIME] [--top N] [--out FILE] [--format text|json|csv|md]',
  description:
    'Reads the event files (any providers, detected per file), scores every contact at --as-of and prints the ranking:\n' +
    'score, label (fit grade A–D + tier 1–4), top interest and the strongest reason. JSON gives the whole ScoredContact objects.',
  options: {
    ...SCORING_OPTIONS,
    top: { type: 'string', value: 'N', description: 'Only the N best contacts.' },
    out: { type: 'string', short: 'o', value: 'FILE', description: 'Write to this file instead of stdout (format from its extension).' },
    format: { type: 'string', short: 'f', value: 'FORMAT', description: 'text (default on stdout), json, csv or md.' },
    threads: {
      type: 'string',
      value: 'N',
      description: 'Worker threads for large CSV exports (each scores a part of the contacts; same output as 1). Default: 2 when the inputs pass 32 MB and the machine has 2 cores, else 1.',
    },
    ...EVENT_OPTIONS,
    ...COMMON_OPTIONS,
  },
  examples: [
    'leadrank score exports/sendgrid.json exports/mailgun.json --contacts contacts.csv --as-of 2026-11-23 --top 10',
    'leadrank score events.csv --mapping mapping.json --out ranked.csv',
  ],
  run,
};

async function run(ctx: CommandContext): Promise<number> {
  const top = intOption(ctx.args, 'top', 'score', 1);
  const out = stringOption(ctx.args, 'out');
  const given = stringOption(ctx.args, 'format');
  if (given !== undefined && !(FORMATS as readonly string[]).includes(given)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got ${JSON.stringify(given)})`, 'score');
  }
  const format = formatFromOut(given as ScoreFormat | undefined, out, FORMATS, 'text');
  const threads = intOption(ctx.args, 'threads', 'score', 1) ?? (await defaultThreads(ctx));
  const inputs = await loadInputs(ctx, 'score', { table: { threads, top } });
  const options = { asOf: inputs.asOf.ms, model: inputs.config.scoring, ...(inputs.contacts ? { contacts: inputs.contacts.rows } : {}) };
  let shown: ScoredContact[];
  let summary: string;
  const columnar = 'table' in inputs.events || 'scores' in inputs.events ? (inputs.events as EventsTableRead) : undefined;
  if (columnar?.table !== undefined || columnar?.scores !== undefined) {
    // Columnar: the same ranking, with only the shown contacts' objects kept.
    const { scored, contacts, tiers } = columnar.scores ?? scoreEventTable(columnar.table!, { ...options, ...(top === undefined ? {} : { top }) });
    shown = scored;
    summary = tierSummary(contacts, tiers);
  } else {
    const scored = scoreContacts(inputs.events.events, options);
    shown = top === undefined ? scored : scored.slice(0, top);
    summary = scoredSummary(scored);
  }
  const path = await writeOutput(ctx, out, render(shown, format));
  for (const line of [...inputs.summary, summary]) ctx.info(line);
  if (path !== undefined) ctx.info(`Wrote ${shown.length} contacts to ${shownPath(path, ctx.io.cwd)}`);
  return 0;
}

/** Two threads pay off past ~32 MB of input (a worker costs ~50 ms to start). */
async function defaultThreads(ctx: CommandContext): Promise<number> {
  if (availableParallelism() < 2) return 1;
  const sizes = await Promise.all(ctx.args.positionals.map((p) => stat(resolve(ctx.io.cwd, p)).then((s) => s.size, () => 0)));
  return sizes.reduce((a, b) => a + b, 0) >= 32 * 1024 * 1024 ? 2 : 1;
}

function render(scored: readonly ScoredContact[], format: ScoreFormat): string {
  if (format === 'json') return `${JSON.stringify(scored, null, 2)}\n`;
  if (format === 'csv') return toSafeCsv(CSV_COLUMNS, scored.map(csvRow));
  if (format === 'md') return markdown(scored);
  return text(scored);
}

const CSV_COLUMNS = ['rank', 'contact', 'name', 'company', 'score', 'engagement', 'fit', 'tier', 'grade', 'label', 'interests', 'reasons', 'last_engagement', 'flags'] as const;

function nameOf(s: ScoredContact): string {
  const d = s.details;
  return d?.name ?? ([d?.firstName, d?.lastName].filter(Boolean).join(' ') || '');
}

function flagsOf(s: ScoredContact): string {
  return Object.entries(s.flags).filter(([, v]) => v).map(([k]) => k).join('; ');
}

function csvRow(s: ScoredContact) {
  return {
    rank: s.rank, contact: s.contact, name: nameOf(s), company: s.details?.company ?? '', score: s.score, engagement: s.engagement, fit: s.fit,
    tier: s.tier, grade: s.grade, label: s.label, interests: s.interests.map((i) => i.topic).join('; '), reasons: s.reasons.map((r) => r.text).join(' | '),
    last_engagement: s.lastEngagement === undefined ? '' : new Date(s.lastEngagement).toISOString(), flags: flagsOf(s),
  };
}

function text(scored: readonly ScoredContact[]): string {
  const rows = scored.map((s) => [String(s.rank), String(s.score), s.label, s.tier, s.contact, s.interests[0]?.topic ?? '-', flagsOf(s) || '-', s.reasons[0]?.text ?? '']);
  const head = ['rank', 'score', 'label', 'tier', 'contact', 'interest', 'flags', 'top reason'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === head.length - 1 ? 0 : (r[i] ?? '').length))));
  const line = (r: readonly string[]): string => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return `${[line(head), ...rows.map(line)].join('\n')}\n`;
}

function markdown(scored: readonly ScoredContact[]): string {
  const cell = (t: string): string => t.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const lines = ['| rank | contact | score | label | interests | flags | top reason |', '| --- | --- | --- | --- | --- | --- | --- |'];
  for (const s of scored) {
    lines.push(`| ${s.rank} | ${cell(s.contact)} | ${s.score} | ${s.label} | ${cell(s.interests.map((i) => i.topic).join(', '))} | ${flagsOf(s)} | ${cell(s.reasons[0]?.text ?? '')} |`);
  }
  return `${lines.join('\n')}\n`;
}
