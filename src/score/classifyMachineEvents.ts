import type { EngagementEvent } from '../model/event.js';
import { classifyHits } from './machine.js';
import { createScorer } from './createScorer.js';
import { scorerInternals } from './scorer.js';
import type { ScoringModel, ScoringModelInput } from './schema.js';
import { compareHits } from './state.js';

/** Options of {@link classifyMachineEvents}. */
export interface ClassifyMachineOptions {
  model?: ScoringModelInput | ScoringModel;
}

/**
 * Classifies each event as human or machine traffic with exactly the rules the scorer uses (same
 * code). Returns the events in input order, copied: opens, clicks and other scored events get
 * `machine: true` and `machineReason` (e.g. `apple_mpp`, `link_burst`) or `machine: false`;
 * `sent`/`delivered` events are returned unchanged. Nothing is dropped, whatever the time.
 *
 * @example
 * classifyMachineEvents(events).filter((e) => e.machine).length //=> machine opens and clicks
 */
export function classifyMachineEvents(events: readonly EngagementEvent[], options: ClassifyMachineOptions = {}): EngagementEvent[] {
  const scorer = createScorer({ asOf: 8.64e15, ...(options.model === undefined ? {} : { model: options.model }) });
  const s = scorerInternals(scorer);
  s.nextRef = 0;
  for (const e of events) scorer.add(e);
  const out: EngagementEvent[] = events.map((e) => ({ ...e }));
  for (const st of s.states.values()) {
    const hits = [...st.hits].sort(compareHits);
    const reasons = classifyHits(hits, st.delivered, s.ctx);
    hits.forEach((h, i) => {
      const e = out[h.ref];
      if (!e) return;
      const reason = reasons[i];
      if (reason === undefined) {
        e.machine = false;
        delete e.machineReason;
      } else {
        e.machine = true;
        e.machineReason = reason;
      }
    });
  }
  return out;
}
