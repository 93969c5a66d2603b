import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { ScoredContact } from '../model/scored.js';
import { scoreContacts } from '../score/scoreContacts.js';
import type { LeadFields } from '../score/finalize.js';
import { leadsOfEventTable, scoreEventTable } from '../score/scoreEventTable.js';
import type { OptionSpecs } from './args.js';
import { intOption } from './args.js';
import type { CommandContext } from './context.js';
import type { RunInputs } from './inputs.js';
import { scoredSummary, tierSummary } from './summary.js';

/** `--threads`, for the commands that score event files (`score`, `lists`, `segments`). */
export const THREAD_OPTIONS: OptionSpecs = Object.freeze({
  threads: {
    type: 'string',
    value: 'N',
    description:
      'Worker threads for large CSV exports (each reads and scores a part of the contacts; same output as 1). Default on a machine with 2 cores: 2 for score when the inputs pass 32 MB, else 1 (lists and segments: 1).',
  },
});

/**
 * `--threads N`, or the default: two threads when the event files pass `minBytes`. For `score --top`
 * that is ~32 MB (a worker costs ~50 ms to start). The commands that need every contact (`lists`,
 * `segments`) stay on one thread unless asked ({@link EVERY_CONTACT_BYTES}).
 *
 * @example
 * const threads = await threadsOption(ctx, 'lists', EVERY_CONTACT_BYTES);
 */
export async function threadsOption(ctx: CommandContext, command: string, minBytes = TOP_BYTES): Promise<number> {
  const given = intOption(ctx.args, 'threads', command, 1);
  if (given !== undefined) return given;
  if (availableParallelism() < 2) return 1;
  const sizes = await Promise.all(ctx.args.positionals.map((p) => stat(resolve(ctx.io.cwd, p)).then((s) => s.size, () => 0)));
  return sizes.reduce((a, b) => a + b, 0) >= minBytes ? 2 : 1;
}

/** Input size from which `score` (the best `--top` contacts) uses two threads by default. */
export const TOP_BYTES = 32 * 1024 * 1024;
/**
 * Input size from which `lists` and `segments` (every contact) use two threads by default: none.
 * On one thread they score lean leads from the table (`leadsOfInputs`); the workers would copy every
 * full `ScoredContact` back, which is slower at any size (5M rows: lists 20.6 s / 1.0 GB on one
 * thread, 29.8 s / 1.6 GB on two; segments 19.4 s / 0.7 GB and 28.7 s / 1.6 GB).
 */
export const EVERY_CONTACT_BYTES = Number.POSITIVE_INFINITY;

/** The ranked contacts of a run (or its best `top`), and the summary line for them. */
export interface RunScores {
  scored: ScoredContact[];
  summary: string;
}

/**
 * Scores a run's events: from the columnar read when `loadInputs` made one (a table, or the scores
 * its worker threads returned), else with `scoreContacts` on the event objects. Both give the same
 * ranking (tested); `top` keeps only the best contacts' objects (all are still scored and counted).
 *
 * @example
 * const inputs = await loadInputs(ctx, 'lists', { reps: 'required', table: { threads, top: undefined } });
 * const { scored, summary } = scoreInputs(inputs);
 */
export function scoreInputs(inputs: RunInputs, top?: number): RunScores {
  const options = { asOf: inputs.asOf.ms, model: inputs.config.scoring, ...(inputs.contacts ? { contacts: inputs.contacts.rows } : {}) };
  const { scores, table } = inputs.events;
  if (scores !== undefined || table !== undefined) {
    const { scored, contacts, tiers } = scores ?? scoreEventTable(table!, { ...options, ...(top === undefined ? {} : { top }) });
    return { scored, summary: tierSummary(contacts, tiers) };
  }
  const scored = scoreContacts(inputs.events.events, options);
  return { scored: top === undefined ? scored : scored.slice(0, top), summary: scoredSummary(scored) };
}

/**
 * A run's contacts as leads for `allocateCalls`, and the summary line. From a table read on one
 * thread, lean leads whose reasons are made only for the leads a list shows (`leadsOfEventTable`:
 * the same allocation); otherwise the scored contacts of {@link scoreInputs}.
 *
 * @example
 * const { leads } = leadsOfInputs(inputs);
 * const allocation = allocateCalls(leads, reps, { asOf: inputs.asOf.ms });
 */
export function leadsOfInputs(inputs: RunInputs): { leads: readonly LeadFields[]; summary: string } {
  const { scores, table } = inputs.events;
  if (scores === undefined && table !== undefined) {
    const options = { asOf: inputs.asOf.ms, model: inputs.config.scoring, ...(inputs.contacts ? { contacts: inputs.contacts.rows } : {}) };
    const { leads, contacts, tiers } = leadsOfEventTable(table, options);
    return { leads, summary: tierSummary(contacts, tiers) };
  }
  const { scored, summary } = scoreInputs(inputs);
  return { leads: scored, summary };
}
