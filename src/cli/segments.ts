import { resolve } from 'node:path';
import { buildSegments } from '../feedback/segments.js';
import { segmentFiles } from '../node/writeSegments.js';
import type { SegmentsFormat } from '../node/writeSegments.js';
import { writeFiles } from '../node/writeFiles.js';
import { COMMON_OPTIONS, EVENT_OPTIONS, SCORING_OPTIONS, choiceOption, requireOption } from './args.js';
import type { Command, CommandContext } from './context.js';
import { loadInputs } from './inputs.js';
import { wroteLines } from './output.js';
import { EVERY_CONTACT_BYTES, leadsOfInputs, THREAD_OPTIONS, threadsOption } from './scoring.js';

/** `leadrank segments`: contact lists for marketing's next campaign. */
export const segmentsCommand: Command = {
  name: 'segments',
  summary: "Contact lists for marketing's next campaign, from scores and call outcomes",
  usage: 'leadrank segments <events…> --outcomes FILE --out-dir DIR [--contacts FILE] [--config FILE] [--as-of TIME] [--format csv|json|md]',
  description:
    'Applies the segment rules (the config\'s "segments", or the defaults: hot-not-yet-called, interested-nurture,\n' +
    'not-interested-90-days, unreachable, won) to the scored contacts and their call outcomes. CSV gives one file per\n' +
    'segment, ready to upload to an e-mail provider, and segments-excluded.csv; every format also writes segments.json.',
  options: {
    outcomes: { type: 'string', value: 'FILE', description: 'Call outcomes (CSV or JSON).' },
    'out-dir': { type: 'string', short: 'o', value: 'DIR', description: 'Folder for the segment files.' },
    format: { type: 'string', short: 'f', value: 'FORMAT', description: 'csv (default), json or md.' },
    ...SCORING_OPTIONS,
    ...THREAD_OPTIONS,
    ...EVENT_OPTIONS,
    ...COMMON_OPTIONS,
  },
  examples: ['leadrank segments sendgrid.json mailgun.json --contacts contacts.csv --outcomes calls.csv --out-dir segments/'],
  run,
};

async function run(ctx: CommandContext): Promise<number> {
  const outDir = resolve(ctx.io.cwd, requireOption(ctx.args, 'out-dir', 'segments', 'the folder to write the segments into'));
  const format = choiceOption<SegmentsFormat>(ctx.args, 'format', 'segments', ['csv', 'json', 'md'], 'csv');
  const threads = await threadsOption(ctx, 'segments', EVERY_CONTACT_BYTES);
  const inputs = await loadInputs(ctx, 'segments', { outcomes: 'required', table: { threads, top: undefined }, ledger: false });
  const { leads } = leadsOfInputs(inputs);
  const seg = inputs.config.segments;
  const result = buildSegments(leads, {
    asOf: inputs.asOf.ms,
    outcomes: inputs.outcomes?.rows ?? [],
    ...(seg?.rules === undefined ? {} : { rules: seg.rules }),
    ...(seg?.excludeFlags === undefined ? {} : { excludeFlags: seg.excludeFlags }),
  });
  const written = await writeFiles(outDir, segmentFiles(result, format));
  const sizes = result.segments.map((s) => `${s.name} ${s.contacts.length}`).join(', ');
  const lines = [...inputs.summary, `Segments: ${sizes}; ${result.excluded.length} kept out by flags`, ...wroteLines(written, outDir, ctx.io.cwd)];
  for (const line of lines) ctx.info(line);
  return 0;
}
