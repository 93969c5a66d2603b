import type { Interest } from '../model/scored.js';
import type { ExpertiseMatch } from './types.js';

/**
 * Compares a rep's topics with a lead's interests (strongest first): `exact` when the top interest is
 * one of the rep's topics, `partial` when another interest is (or a topic contains the other, e.g.
 * `tractors` and `tractor-parts`), else `none`. Case-insensitive.
 *
 * @example
 * matchExpertise(['tractors'], [{ topic: 'tractors', weight: 3 }]) //=> { match: 'exact', topic: 'tractors' }
 */
export function matchExpertise(
  expertise: readonly string[],
  interests: readonly Pick<Interest, 'topic'>[],
): { match: ExpertiseMatch; topic?: string } {
  if (expertise.length === 0 || interests.length === 0) return { match: 'none' };
  const mine = expertise.map((e) => e.trim().toLowerCase());
  const top = interests[0]?.topic.toLowerCase();
  if (top !== undefined && mine.includes(top)) return { match: 'exact', topic: interests[0]?.topic as string };
  for (const i of interests) {
    const t = i.topic.toLowerCase();
    if (mine.some((m) => m === t || (m.length >= 4 && t.length >= 4 && (m.includes(t) || t.includes(m))))) {
      return { match: 'partial', topic: i.topic };
    }
  }
  return { match: 'none' };
}
