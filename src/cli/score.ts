import type { ScoredContact } from '../model/scored.js';
import { toSafeCsv } from '../report/csvSafe.js';
import { COMMON_OPTIONS, EVENT_OPTIONS, SCORING_OPTIONS, intOption, stringOption } from './args.js';
import type { Command, CommandContext } from './context.js';
import { UsageError } from './exitCodes.js';
import { loadInputs } from './inputs.js';
import { formatFromOut, shownPath, writeOutput } from './output.js';
import { scoreInputs, THREAD_OPTIONS, threadsOption } from './scoring.js';

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
    ...THREAD_OPTIONS,
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
  const threads = await threadsOption(ctx, 'score');
  const inputs = await loadInputs(ctx, 'score', { table: { threads, top } });
  const { scored: shown, summary } = scoreInputs(inputs, top);
  const path = await writeOutput(ctx, out, render(shown, format));
  for (const line of [...inputs.summary, summary]) ctx.info(line);
  if (path !== undefined) ctx.info(`Wrote ${shown.length} contacts to ${shownPath(path, ctx.io.cwd)}`);
  return 0;
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
