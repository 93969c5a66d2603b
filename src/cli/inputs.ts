import { resolve } from 'node:path';
import type { Contact } from '../model/contact.js';
import type { CallOutcome } from '../model/outcome.js';
import type { Rep } from '../model/rep.js';
import { writeOneFile } from '../node/writeFiles.js';
import { requireOption, stringOption } from './args.js';
import type { AsOf } from './asOf.js';
import { asOfLine, resolveAsOf } from './asOf.js';
import type { LoadedConfig } from './config.js';
import { loadConfig } from './config.js';
import type { CommandContext } from './context.js';
import type { EventsTableRead } from './events.js';
import { eventReadOptions, readEventFiles, readEventTableFiles } from './events.js';
import { UsageError } from './exitCodes.js';
import { createProgress } from './progress.js';
import { scoreTableInThreads, threadsAvailable } from './tableThreads.js';
import type { AnyRejection } from './rejected.js';
import { checkRejectLimit, rejectLimit, rejectedCsv } from './rejected.js';
import { eventsSummary, rejectedSummary, tableSummary } from './summary.js';
import type { TableRead } from './tables.js';
import { readContactsFile, readOutcomesFile, readRepsFile } from './tables.js';

/** Everything a scoring command reads: config, asOf, events, and the tables it asked for. */
export interface RunInputs {
  asOf: AsOf;
  config: LoadedConfig;
  /** The events read; on a columnar read, `table` (or the threads' `scores`) instead of event objects. */
  events: EventsTableRead;
  contacts?: TableRead<Contact>;
  reps?: TableRead<Rep>;
  outcomes?: TableRead<CallOutcome>;
  /** Summary lines so far (inputs); commands add theirs. */
  summary: string[];
}

/** Which tables a command reads: `required` ones fail with a usage error when missing. */
export interface InputNeeds {
  reps?: 'required';
  outcomes?: 'required' | 'optional';
  /**
   * The command can score from an `EventTable`: event files the table takes are read into one
   * (`events.table`), or, with `threads` > 1, read and scored on worker threads (`events.scores`).
   */
  table?: { threads: number; top: number | undefined };
  /**
   * `false`: the command shows nothing of the per-event ledger, so contacts are scored without one
   * (`reasons.ledger` off; every other field of each `ScoredContact` is the same). @default true
   */
  ledger?: false;
}

/**
 * Reads a command's inputs: `--as-of` (printed), `--config`, the event files (positionals), contacts,
 * reps and outcomes; writes `--rejected`; enforces `--max-rejected` (exit code 2).
 *
 * @example
 * const inputs = await loadInputs(ctx, 'lists', { reps: 'required', outcomes: 'optional' });
 */
export async function loadInputs(ctx: CommandContext, command: string, needs: InputNeeds = {}): Promise<RunInputs> {
  const { args, io } = ctx;
  if (args.positionals.length === 0) throw new UsageError('name at least one event file (an export of your e-mail provider)', command);
  const limit = rejectLimit(args, command);
  const asOf = resolveAsOf(args, io, command);
  ctx.info(asOfLine(asOf));
  const configPath = stringOption(args, 'config');
  const loaded = await loadConfig(configPath === undefined ? undefined : resolve(io.cwd, configPath));
  const config = needs.ledger === false ? { ...loaded, scoring: { ...loaded.scoring, reasons: { ...loaded.scoring.reasons, ledger: false } } } : loaded;
  const readOptions = await eventReadOptions(args, io.cwd, command);
  const repsPath = needs.reps === 'required' ? requireOption(args, 'reps', command, 'the sales reps file (CSV or JSON: id, capacity, territories, expertise)') : undefined;
  const outcomesPath =
    needs.outcomes === 'required' ? requireOption(args, 'outcomes', command, 'the call outcomes file (CSV or JSON: contact, date, disposition)') : needs.outcomes === 'optional' ? stringOption(args, 'outcomes') : undefined;
  const contactsPath = stringOption(args, 'contacts');

  const contacts = contactsPath === undefined ? undefined : await readContactsFile(contactsPath, io.cwd);
  const progress = createProgress(io.stderr, { quiet: ctx.quiet });
  // The columnar path where the command can use it (each returns undefined for input it cannot take), else objects.
  const table = needs.table;
  let events: EventsTableRead | undefined;
  if (table !== undefined && table.threads > 1 && threadsAvailable()) {
    const scoring = { asOf: asOf.ms, model: config.scoring, contacts: contacts?.rows, top: table.top };
    events = await scoreTableInThreads(args.positionals, readOptions, io.cwd, scoring, table.threads, progress);
  } else if (table !== undefined) events = await readEventTableFiles(args.positionals, readOptions, io.cwd, progress);
  events ??= await readEventFiles(args.positionals, readOptions, io.cwd, progress);
  const reps = repsPath === undefined ? undefined : await readRepsFile(repsPath, io.cwd);
  const outcomes = outcomesPath === undefined ? undefined : await readOutcomesFile(outcomesPath, io.cwd, readOptions.timezone);

  const rejected: AnyRejection[] = [...events.rejected, ...(contacts?.rejected ?? []), ...(reps?.rejected ?? []), ...(outcomes?.rejected ?? [])];
  const records = events.files.reduce((a, f) => a + f.meta.records, 0) + [contacts, reps, outcomes].reduce((a, t) => a + (t?.meta.records ?? 0), 0);
  const rejectedPath = stringOption(args, 'rejected');
  if (rejectedPath !== undefined) await writeOneFile(resolve(io.cwd, rejectedPath), rejectedCsv(rejected));

  const summary = [
    ...eventsSummary(events),
    ...(contacts ? [tableSummary('Contacts', contacts)] : []),
    ...(reps ? [tableSummary('Reps', reps)] : []),
    ...(outcomes ? [tableSummary('Outcomes', outcomes)] : []),
    ...rejectedSummary(rejected, rejectedPath),
  ];
  try {
    checkRejectLimit(rejected.length, records, limit, rejectedPath);
  } catch (error) {
    for (const line of summary) ctx.info(line);
    throw error;
  }
  return { asOf, config, events, ...(contacts ? { contacts } : {}), ...(reps ? { reps } : {}), ...(outcomes ? { outcomes } : {}), summary };
}
