import { resolve } from 'node:path';
import { allocateCalls } from '../allocate/allocateCalls.js';
import type { AllocateOptions } from '../allocate/options.js';
import { writeCallLists } from '../node/writeCallLists.js';
import type { CallListFormat } from '../node/writeCallLists.js';
import { COMMON_OPTIONS, EVENT_OPTIONS, SCORING_OPTIONS, choiceOption, requireOption } from './args.js';
import type { Command, CommandContext } from './context.js';
import { loadInputs } from './inputs.js';
import { wroteLines } from './output.js';
import { EVERY_CONTACT_BYTES, leadsOfInputs, THREAD_OPTIONS, threadsOption } from './scoring.js';
import { allocationSummary } from './summary.js';

/** `leadrank lists`: from exports to one call list per rep plus the unassigned leads. */
export const listsCommand: Command = {
  name: 'lists',
  summary: 'Score the exports and write one call list per rep, plus the unassigned leads',
  usage: 'leadrank lists <events…> --reps FILE --out-dir DIR [--contacts FILE] [--outcomes FILE] [--config FILE] [--as-of TIME] [--format csv|json|md]',
  description:
    'The main job: reads the event files (several providers at once), scores the contacts, and deals the leads to the\n' +
    'reps by territory, expertise, ownership and capacity. Past call outcomes give cooldowns, do-not-call, callbacks.\n' +
    'The out-dir gets call-list-<rep>.<ext> per rep, call-lists.<ext> (all), unassigned.<ext>, and always allocation.json\n' +
    '(the whole Allocation object, one stable file for scripts).',
  options: {
    reps: { type: 'string', short: 'r', value: 'FILE', description: 'Sales reps (CSV or JSON: id, capacity, territories, expertise, time zone, out of office).' },
    'out-dir': { type: 'string', short: 'o', value: 'DIR', description: 'Folder for the call lists (created if missing).' },
    format: { type: 'string', short: 'f', value: 'FORMAT', description: 'csv (default, spreadsheet-safe), json or md.' },
    outcomes: { type: 'string', value: 'FILE', description: 'Past call outcomes (CSV or JSON: contact, date, disposition, interest, callback).' },
    ...SCORING_OPTIONS,
    ...THREAD_OPTIONS,
    ...EVENT_OPTIONS,
    ...COMMON_OPTIONS,
  },
  examples: [
    'leadrank lists sendgrid.json mailgun.json --reps reps.csv --contacts contacts.csv --outcomes calls.csv --config leadrank.json --out-dir lists/',
    'leadrank lists events.csv --mapping mapping.json --reps reps.csv --as-of 2026-11-23 --out-dir lists/ --format md',
  ],
  run,
};

async function run(ctx: CommandContext): Promise<number> {
  const outDir = resolve(ctx.io.cwd, requireOption(ctx.args, 'out-dir', 'lists', 'the folder to write the call lists into'));
  const format = choiceOption<CallListFormat>(ctx.args, 'format', 'lists', ['csv', 'json', 'md'], 'csv');
  const threads = await threadsOption(ctx, 'lists', EVERY_CONTACT_BYTES);
  const inputs = await loadInputs(ctx, 'lists', { reps: 'required', outcomes: 'optional', table: { threads, top: undefined }, ledger: false });
  const { leads, summary } = leadsOfInputs(inputs);
  const policy = inputs.config.allocation as Omit<AllocateOptions, 'asOf'>;
  const allocation = allocateCalls(leads, inputs.reps?.rows ?? [], {
    ...policy,
    asOf: inputs.asOf.ms,
    ...(inputs.outcomes ? { outcomes: inputs.outcomes.rows } : {}),
  });
  const written = await writeCallLists(outDir, allocation, { format });
  const lines = [...inputs.summary, summary, allocationSummary(allocation.stats, allocation.lists.length), ...wroteLines(written, outDir, ctx.io.cwd)];
  for (const line of lines) ctx.info(line);
  return 0;
}
