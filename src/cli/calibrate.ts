import { calibrateWeights } from '../feedback/calibrate.js';
import type { CalibrateOptions } from '../feedback/calibrate.js';
import { renderCalibrationMarkdown } from '../feedback/calibrationMarkdown.js';
import { COMMON_OPTIONS, EVENT_OPTIONS, SCORING_OPTIONS, choiceOption, requireOption, stringOption } from './args.js';
import { configFromJson } from './config.js';
import type { LoadedConfig } from './config.js';
import type { Command, CommandContext } from './context.js';
import { UsageError } from './exitCodes.js';
import { SCHEMA_REFERENCE } from './init.js';
import { loadInputs } from './inputs.js';
import { shownPath, writeOutput } from './output.js';

/** `leadrank calibrate`: fit event-type and topic weights from historical outcomes; write a config. */
export const calibrateCommand: Command = {
  name: 'calibrate',
  summary: 'Fit the scoring weights to past call outcomes and write them as a config',
  usage: 'leadrank calibrate <events…> --outcomes FILE --out FILE [--config FILE] [--contacts FILE] [--as-of TIME] [--labels auto|won_lost|interest] [--holdout 0.3] [--report FILE]',
  description:
    'Labels contacts from their call outcomes (won against lost, or interested against not), fits the event-type and\n' +
    'link-topic weights with a deterministic, regularised logistic regression, and reports the ranking quality (AUC)\n' +
    'before and after on a held-out part. --out gets a leadrank.json with the calibrated weights (on top of --config),\n' +
    'which the other commands accept with --config. The calibration report goes to stdout (or --report).',
  options: {
    outcomes: { type: 'string', value: 'FILE', description: 'Historical call outcomes (CSV or JSON).' },
    out: { type: 'string', short: 'o', value: 'FILE', description: 'Where to write the calibrated config (JSON).' },
    report: { type: 'string', value: 'FILE', description: 'Write the calibration report (Markdown) here instead of stdout.' },
    labels: { type: 'string', value: 'MODE', description: 'auto (default), won_lost or interest.' },
    holdout: { type: 'string', value: 'SHARE', description: 'Share of labelled contacts held out for the AUC (default 0.3).' },
    l2: { type: 'string', value: 'PENALTY', description: 'L2 penalty on standardised coefficients (default 1).' },
    ...SCORING_OPTIONS,
    ...EVENT_OPTIONS,
    ...COMMON_OPTIONS,
  },
  examples: ['leadrank calibrate events-2026.ndjson --outcomes calls-2026.csv --config leadrank.json --out leadrank.calibrated.json'],
  run,
};

async function run(ctx: CommandContext): Promise<number> {
  const out = requireOption(ctx.args, 'out', 'calibrate', 'the file to write the calibrated config into, e.g. leadrank.calibrated.json');
  const labels = choiceOption(ctx.args, 'labels', 'calibrate', ['auto', 'won_lost', 'interest'] as const, 'auto');
  const holdout = numberOption(ctx.args.values['holdout'], 'holdout');
  const l2 = numberOption(ctx.args.values['l2'], 'l2');
  const inputs = await loadInputs(ctx, 'calibrate', { outcomes: 'required', table: { threads: 1, top: undefined } });
  const options: CalibrateOptions = {
    asOf: inputs.asOf.ms,
    model: inputs.config.scoring,
    labels,
    ...(inputs.contacts ? { contacts: inputs.contacts.rows } : {}),
    ...(holdout === undefined ? {} : { holdout }),
    ...(l2 === undefined ? {} : { l2 }),
  };
  // Read the columnar way, the table gives the same events back (after deduplication) as objects.
  const events = inputs.events.table?.toEvents() ?? inputs.events.events;
  const result = calibrateWeights(events, inputs.outcomes?.rows ?? [], options);
  const config = calibratedConfig(inputs.config, result.config.weights);
  configFromJson(config, out); // what we write must load
  const path = await writeOutput(ctx, out, `${JSON.stringify(config, null, 2)}\n`);
  const reportPath = await writeOutput(ctx, stringOption(ctx.args, 'report'), renderCalibrationMarkdown(result));
  const auc = (x: number | null): string => (x === null ? 'n/a' : String(x));
  const lines = [
    ...inputs.summary,
    `Calibrated on ${result.counts.train.positive + result.counts.train.negative} contacts (${result.labels}); held-out AUC ${auc(result.holdoutAuc.before)} → ${auc(result.holdoutAuc.after)}`,
    ...(path === undefined ? [] : [`Wrote the calibrated config to ${shownPath(path, ctx.io.cwd)}: pass it with --config`]),
    ...(reportPath === undefined ? [] : [`Wrote the calibration report to ${shownPath(reportPath, ctx.io.cwd)}`]),
  ];
  for (const line of lines) ctx.info(line);
  return 0;
}

/** The config to write: the given config's sections, with the calibrated weights over its scoring section. */
function calibratedConfig(base: LoadedConfig, weights: { events: Record<string, number>; topics: Record<string, number> }) {
  const scoring = base.scoringInput;
  const given = (scoring['weights'] ?? {}) as { events?: Record<string, number>; topics?: Record<string, number> };
  return {
    $schema: SCHEMA_REFERENCE,
    scoring: { ...scoring, weights: { ...given, events: { ...given.events, ...weights.events }, topics: { ...given.topics, ...weights.topics } } },
    ...(Object.keys(base.allocation).length > 0 ? { allocation: base.allocation } : {}),
    ...(base.segments === undefined ? {} : { segments: base.segments }),
  };
}

function numberOption(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number (got ${JSON.stringify(value)})`, 'calibrate');
  return n;
}
