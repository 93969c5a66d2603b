import type { EngagementEvent } from '../model/event.js';
import { evaluateContact } from './evaluate.js';
import { createScorer } from './createScorer.js';
import { scorerInternals, type ScoreOptions } from './scorer.js';
import { compareStrings } from './state.js';

/**
 * The weight-free features of one contact's engagement: per event type, Σ link multiplier ×
 * campaign multiplier × decay; per topic, Σ decay; plus `fixed` points from link rules that override
 * the weight. Over counted events only (human, deduplicated, within the daily cap), so that under the
 * model that produced them
 * `engagement = Σ weights.events[t] × events[t] + Σ weights.topics[k] × topics[k] + fixed`
 * before the floor at 0 and the total cap.
 */
export interface ContactFeatures {
  contact: string;
  events: Record<string, number>;
  topics: Record<string, number>;
  fixed: number;
}

/**
 * Computes {@link ContactFeatures} for every contact with events (sorted by contact), for fitting
 * weights (e.g. logistic regression on won/lost) and writing them back as `weights.events` and
 * `weights.topics` of a scoring config.
 *
 * @example
 * const [f] = contactFeatures(events, { asOf: '2026-11-23T12:00:00Z' });
 * f //=> { contact: 'anna.schmidt@hofgut-schmidt.de', events: { click: 2.8…, open: 0.91…, reply: 0.95… }, topics: { tractors: 0.91… }, fixed: 0 }
 */
export function contactFeatures(events: Iterable<EngagementEvent>, options: ScoreOptions): ContactFeatures[] {
  const scorer = createScorer(options);
  for (const e of events) scorer.add(e);
  const s = scorerInternals(scorer);
  const emails = [...s.states.keys()].sort(compareStrings);
  return emails.map((contact) => {
    const ev = evaluateContact(s.states.get(contact)!, s.asOf, s.ctx);
    const ev2: Record<string, number> = {};
    const topics: Record<string, number> = {};
    let fixed = 0;
    for (const e of ev.entries) {
      if (e.capped) continue;
      ev2[e.kind] = (ev2[e.kind] ?? 0) + e.factor;
      fixed += e.fixed;
      for (const t of e.topics) topics[t] = (topics[t] ?? 0) + e.topicFactor;
    }
    const sorted = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).sort((a, b) => compareStrings(a[0], b[0])));
    return { contact, events: sorted(ev2), topics: sorted(topics), fixed };
  });
}
