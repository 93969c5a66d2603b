import { round } from './callList.js';
import type { AllocationStats, CallList, RepStats, UnassignedLead } from './types.js';

/**
 * Sums an allocation: total value, capacity used, and per rep the count, value, hot leads and share.
 *
 * @example
 * computeStats(lists, unassigned, 25, 'optimal', undefined).totalValue //=> 187.4
 */
export function computeStats(
  lists: readonly CallList[],
  unassigned: readonly UnassignedLead[],
  leads: number,
  strategy: string,
  fairness: AllocationStats['fairness'],
): AllocationStats {
  const totalHot = lists.reduce((s, l) => s + l.entries.filter((e) => e.tier === 'hot').length, 0);
  const perRep: RepStats[] = lists.map((l) => {
    const hot = l.entries.filter((e) => e.tier === 'hot').length;
    return {
      rep: l.rep.id,
      capacity: l.rep.capacity,
      count: l.entries.length,
      value: round(l.entries.reduce((s, e) => s + e.value, 0)),
      hot,
      hotShare: totalHot === 0 ? 0 : round(hot / totalHot),
      capacityUsed: l.rep.capacity === 0 ? 0 : round(l.entries.length / l.rep.capacity),
    };
  });
  const assigned = perRep.reduce((s, r) => s + r.count, 0);
  const capacity = perRep.reduce((s, r) => s + r.capacity, 0);
  const unassignedByReason: AllocationStats['unassignedByReason'] = {};
  for (let i = 0; i < unassigned.length; i += 1) {
    const { reason } = unassigned[i]!;
    unassignedByReason[reason] = (unassignedByReason[reason] ?? 0) + 1;
  }
  const stats: AllocationStats = {
    strategy,
    leads,
    assigned,
    unassigned: unassigned.length,
    unassignedByReason,
    totalValue: round(perRep.reduce((s, r) => s + r.value, 0)),
    capacity,
    capacityUsed: capacity === 0 ? 0 : round(assigned / capacity),
    perRep,
  };
  if (fairness !== undefined) stats.fairness = fairness;
  return stats;
}
