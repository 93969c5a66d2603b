import type { EngagementEvent } from '../model/event.js';
import type { ScoredContact } from '../model/scored.js';
import { createScorer } from './createScorer.js';
import type { ScoreOptions } from './scorer.js';

/**
 * Scores contacts from engagement events at `asOf` and ranks them (score, then last engagement, then
 * contact). Deterministic: the same events in any order give byte-identical output. Events after
 * `asOf` do not count and are reported (`futureEvents`). CRM contacts without events are listed with
 * their fit score; contacts with events but no record are listed without `details`.
 *
 * @example
 * const ranked = scoreContacts(events, { asOf: '2026-11-23T12:00:00Z', contacts });
 * ranked[0] //=> { rank: 1, contact: 'bill.johnson@johnsonfarms.com', score: 33.14, tier: 'hot', label: 'C1', … }
 * ranked[0].reasons[0].text //=> "Submitted a form (https://agri.example.com/quote?model=x9) in 'Spring tractor promo' 4 days ago (+22.3)"
 */
export function scoreContacts(events: Iterable<EngagementEvent>, options: ScoreOptions): ScoredContact[] {
  const scorer = createScorer(options);
  for (const event of events) scorer.add(event);
  return scorer.finalize();
}
