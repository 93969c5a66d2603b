import type { ScoredContact } from '../model/scored.js';

/** What the ranking order reads of a scored contact. */
export type RankedFields = { readonly score: number; readonly lastEngagement?: number | undefined; readonly contact: string };

/**
 * The ranking order, a total order: score (desc), then last engagement (desc; none last), then
 * contact (asc, by code units), so ties never depend on input order.
 *
 * @example
 * [b, a].sort(compareScoredContacts) // a first when a.score > b.score
 */
export function compareScoredContacts(a: RankedFields, b: RankedFields): number {
  if (a.score !== b.score) return b.score - a.score;
  const la = a.lastEngagement ?? Number.NEGATIVE_INFINITY;
  const lb = b.lastEngagement ?? Number.NEGATIVE_INFINITY;
  if (la !== lb) return lb > la ? 1 : -1;
  return a.contact < b.contact ? -1 : a.contact > b.contact ? 1 : 0;
}

/**
 * Sorts scored contacts by {@link compareScoredContacts} and numbers them from 1 (mutates `rank`).
 *
 * @example
 * rankScoredContacts(list).map((c) => c.rank) //=> [1, 2, 3]
 */
export function rankScoredContacts(list: ScoredContact[]): ScoredContact[] {
  list.sort(compareScoredContacts);
  list.forEach((c, i) => {
    c.rank = i + 1;
  });
  return list;
}
