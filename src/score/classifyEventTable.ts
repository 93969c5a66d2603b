import type { EventTable } from '../ingest/eventTable.js';
import type { EngagementEvent } from '../model/event.js';
import type { TimeInput } from '../model/time.js';
import { classifyHits } from './machine.js';
import { createScorer, scorerInternals, type ScoreOptions } from './scorer.js';
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
 * buildCampaignReport(events, { asOf: '2026-11-23T12:00:00Z', classified: true });
 */
export function classifyEventTable(table: EventTable, options: { asOf: TimeInput; model?: ScoreOptions['model'] }): EngagementEvent[] {
  const s = scorerInternals(createScorer({ asOf: options.asOf, ...(options.model === undefined ? {} : { model: options.model }) }));
  collectLinkEvidence(table, s);
  const out: EngagementEvent[] = [];
  for (let c = 0; c < table.contacts.length; c++) {
    const contact = table.contacts[c]!;
    const rows = table.contactRows(c);
    const st = tableContactState(table, rows, s.asOf, true);
    const hits = st.hits.sort(compareHits);
    const reasons = classifyHits(hits, st.delivered, s.ctx);
    // Per row: undefined (not classified), null (human) or the machine reason.
    const verdict = new Array<string | null | undefined>(rows.length);
    for (let i = 0; i < hits.length; i++) verdict[hits[i]!.ref] = reasons[i] ?? null;
    for (let k = 0; k < rows.length; k++) {
      const e = table.eventOf(rows[k]!, contact);
      const v = verdict[k];
      if (v !== undefined) {
        e.machine = v !== null;
        if (v !== null) e.machineReason = v;
      }
      out.push(e);
    }
  }
  return out;
}
