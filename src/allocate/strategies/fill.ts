import type { AssignmentProblem, AssignmentVector } from './problem.js';

/**
 * Gives leftover room to unassigned leads whose only edges are worth 0 (a fit of 0): it fills lists
 * without changing the total value. Leads in index order, reps in index order.
 *
 * @example
 * fillWithZeroValue(buildProblem([[{ rep: 0, value: 0 }]], [1]), Int32Array.of(-1)) //=> Int32Array [0]
 */
export function fillWithZeroValue(problem: AssignmentProblem, assign: AssignmentVector): AssignmentVector {
  const load = new Int32Array(problem.repCount);
  for (let l = 0; l < problem.leadCount; l += 1) if (assign[l]! >= 0) load[assign[l]!]! += 1;
  for (let l = 0; l < problem.leadCount; l += 1) {
    if (assign[l]! >= 0) continue;
    for (let e = problem.edgeStart[l]!; e < problem.edgeStart[l + 1]!; e += 1) {
      const r = problem.edgeRep[e]!;
      if (problem.edgeValue[e] === 0 && load[r]! < (problem.capacity[r] ?? 0)) {
        assign[l] = r;
        load[r]! += 1;
        break;
      }
    }
  }
  return assign;
}
