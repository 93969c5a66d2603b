import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { AllocationLike, CampaignReport } from '../feedback/campaignReport.js';
import { assembleCampaignReport, buildCampaignReport, campaignReportContext } from '../feedback/campaignReport.js';
import { LeadrankError } from '../model/errors.js';
import { classifiedTableEvents, rowsAfter } from '../score/classifyEventTable.js';
import { campaignReportFiles } from '../node/writeCampaignReport.js';
import { writeFiles } from '../node/writeFiles.js';
import { renderCampaignReportCsv } from '../report/campaignReportCsv.js';
import { renderCampaignReportJson } from '../report/campaignReportJson.js';
import { renderCampaignReportMarkdown } from '../report/campaignReportMarkdown.js';
import { COMMON_OPTIONS, EVENT_OPTIONS, SCORING_OPTIONS, stringOption } from './args.js';
import type { Command, CommandContext } from './context.js';
import { UsageError } from './exitCodes.js';
import { loadInputs } from './inputs.js';
import { formatFromOut, shownPath, writeOutput, wroteLines } from './output.js';
import { leadsOfInputs } from './scoring.js';

const FORMATS = ['md', 'csv', 'json'] as const;
type ReportFormat = (typeof FORMATS)[number];

/** `leadrank report`: the campaign report for marketing. */
export const reportCommand: Command = {
  name: 'report',
  summary: 'The campaign report for marketing: e-mail figures, leads, and what sales made of them',
  usage: 'leadrank report <events…> [--outcomes FILE] [--allocation allocation.json] [--contacts FILE] [--config FILE] [--as-of TIME] [--out FILE | --out-dir DIR] [--format md|csv|json]',
  description:
    'Per campaign and per link and topic: delivered, unique human opens, machine opens filtered, clicks, bounces,\n' +
    'unsubscribes, complaints; leads per tier; called, connected, interested, meetings, won; the rates between them;\n' +
    'per-rep follow-up (with --allocation, assigned against called). Markdown on stdout by default; --out-dir writes every format.',
  options: {
    outcomes: { type: 'string', value: 'FILE', description: 'Call outcomes (CSV or JSON).' },
    allocation: { type: 'string', value: 'FILE', description: 'The allocation.json of the lists the calls followed (from `leadrank lists`).' },
    out: { type: 'string', short: 'o', value: 'FILE', description: 'Write to this file (format from its extension).' },
    'out-dir': { type: 'string', value: 'DIR', description: 'Write campaign-report.md, .csv, .json and rep-follow-up.csv into this folder.' },
    format: { type: 'string', short: 'f', value: 'FORMAT', description: 'md (default), csv or json.' },
    ...SCORING_OPTIONS,
    ...EVENT_OPTIONS,
    ...COMMON_OPTIONS,
  },
  examples: [
    'leadrank report sendgrid.json mailgun.json --outcomes calls.csv --allocation lists/allocation.json --as-of 2026-11-23 > report.md',
    'leadrank report events.ndjson --outcomes calls.csv --out-dir report/',
  ],
  run,
};

async function run(ctx: CommandContext): Promise<number> {
  const out = stringOption(ctx.args, 'out');
  const outDir = stringOption(ctx.args, 'out-dir');
  if (out !== undefined && outDir !== undefined) throw new UsageError('give --out FILE or --out-dir DIR, not both', 'report');
  const given = stringOption(ctx.args, 'format');
  if (given !== undefined && !(FORMATS as readonly string[]).includes(given)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got ${JSON.stringify(given)})`, 'report');
  }
  const allocationPath = stringOption(ctx.args, 'allocation');
  const inputs = await loadInputs(ctx, 'report', { outcomes: 'optional', table: { threads: 1, top: undefined }, ledger: false });
  const allocation = allocationPath === undefined ? undefined : await readAllocation(resolve(ctx.io.cwd, allocationPath));
  const options = {
    asOf: inputs.asOf.ms,
    model: inputs.config.scoring,
    ...(inputs.contacts ? { contacts: inputs.contacts.rows } : {}),
    ...(inputs.outcomes ? { outcomes: inputs.outcomes.rows } : {}),
    ...(allocation ? { allocation } : {}),
  };
  // Read the columnar way, the events are classified and the contacts scored from the table, contact
  // by contact, and the events go to the report one at a time (the same flags and tiers as the
  // report gives them from event objects, without holding a million of them); else from the events.
  const table = inputs.events.table;
  let report: CampaignReport;
  if (table === undefined) report = buildCampaignReport(inputs.events.events, options);
  else {
    const { model, parts } = campaignReportContext(options);
    report = assembleCampaignReport({
      ...parts,
      events: classifiedTableEvents(table, { asOf: parts.asOf, model, upToAsOf: true }),
      eventsAfterAsOf: rowsAfter(table, parts.asOf),
      scored: new Map(leadsOfInputs(inputs).leads.map((s) => [s.contact, s])),
    });
  }
  const lines = [...inputs.summary];
  if (outDir !== undefined) {
    const dir = resolve(ctx.io.cwd, outDir);
    lines.push(...wroteLines(await writeFiles(dir, campaignReportFiles(report)), dir, ctx.io.cwd));
  } else {
    const format = formatFromOut(given as ReportFormat | undefined, out, FORMATS, 'md');
    const text = format === 'json' ? renderCampaignReportJson(report) : format === 'csv' ? renderCampaignReportCsv(report) : renderCampaignReportMarkdown(report);
    const path = await writeOutput(ctx, out, text);
    if (path !== undefined) lines.push(`Wrote the campaign report to ${shownPath(path, ctx.io.cwd)}`);
  }
  for (const line of lines) ctx.info(line);
  return 0;
}

/** Reads an `allocation.json` written by `leadrank lists`. */
export async function readAllocation(path: string): Promise<AllocationLike> {
  const file = basename(path);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new LeadrankError([{ code: 'unreadable_file', file, message: `cannot be read as JSON: ${why}` }]);
  }
  const a = raw as { lists?: unknown; asOf?: unknown } | null;
  const ok = a !== null && typeof a === 'object' && Array.isArray(a.lists) && a.lists.every((l) => l && typeof l === 'object' && Array.isArray((l as { entries?: unknown }).entries) && typeof (l as { rep?: { id?: unknown } }).rep?.id === 'string');
  if (!ok) throw new LeadrankError([{ code: 'invalid_allocation', file, message: 'is not an allocation.json written by `leadrank lists` (needs lists[].rep.id and lists[].entries[])' }]);
  return a as AllocationLike;
}

