import type { EventTable } from '../ingest/eventTable.js';
import type { EngagementEvent } from '../model/event.js';
import type { TimeInput } from '../model/time.js';
import { classifyHits } from './machine.js';
import { createScorer } from './createScorer.js';
import { scorerInternals, type ScoreOptions } from './scorer.js';
import { compareHits } from './state.js';
import { collectLinkEvidence, tableContactState } from './tableState.js';

/**
 * The events of a deduplicated {@link EventTable} classified as `classifyMachineEvents` classifies
 * the events up to `asOf` (the campaign report's evidence): the same rules, from the same per-contact
 * state, without a scorer holding every event. Contact by contact, every row: opens, clicks and other
 * scored events up to `asOf` get `machine` (and `machineReason`); `sent`/`delivered` and rows after
 * `asOf` carry no `machine` field.
 *
 * @example
 * const events = classifyEventTable(table, { asOf: '2026-11-23T12:00:00Z' });
 * events.filter((e) => e.machine).length //=> machine opens and clicks
 */
export function classifyEventTable(table: EventTable, options: ClassifyTableOptions): EngagementEvent[] {
  return [...classifiedTableEvents(table, options)];
}

/** Options of {@link classifyEventTable}: the moment, the model, and (for streaming) only the rows up to `asOf`. */
export interface ClassifyTableOptions {
  asOf: TimeInput;
  model?: ScoreOptions['model'];
  /** Leave out the rows after `asOf` (count them with {@link rowsAfter}). @default false */
  upToAsOf?: boolean;
}

/**
 * {@link classifyEventTable} one event at a time, so that a caller that reads them once (the
 * campaign report) never holds them all.
 *
 * @example
 * assembleCampaignReport({ ...parts, events: classifiedTableEvents(table, { asOf, upToAsOf: true }), eventsAfterAsOf: rowsAfter(table, asOf), scored });
 */
export function* classifiedTableEvents(table: EventTable, options: ClassifyTableOptions): Generator<EngagementEvent> {
  const s = scorerInternals(createScorer({ asOf: options.asOf, ...(options.model === undefined ? {} : { model: options.model }) }));
  collectLinkEvidence(table, s);
  const upTo = options.upToAsOf === true;
  for (let c = 0; c < table.contacts.length; c++) {
    const contact = table.contacts[c]!;
    const first = table.firstRow(c);
    const count = table.rowCount(c);
    const st = tableContactState(table, c, s.asOf, true);
    const hits = st.hits.sort(compareHits);
    const reasons = classifyHits(hits, st.delivered, s.ctx);
    // Per row: undefined (not classified), null (human) or the machine reason.
    const verdict = new Array<string | null | undefined>(count);
    for (let i = 0; i < hits.length; i++) verdict[hits[i]!.ref] = reasons[i] ?? null;
    for (let k = 0; k < count; k++) {
      const e = table.eventOf(first + k, contact);
      if (upTo && e.at > s.asOf) continue;
      const v = verdict[k];
      if (v !== undefined) {
        e.machine = v !== null;
        if (v !== null) e.machineReason = v;
      }
      yield e;
    }
  }
}

/** How many rows of a deduplicated table come after `asOf` (epoch ms). */
export function rowsAfter(table: EventTable, asOf: number): number {
  let n = 0;
  for (let c = 0; c < table.contacts.length; c++) {
    const first = table.firstRow(c);
    for (let r = first; r < first + table.rowCount(c); r++) if (table.atOf(r) > asOf) n++;
  }
  return n;
}
