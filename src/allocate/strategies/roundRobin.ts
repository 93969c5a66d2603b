import { orderByScore } from '../order.js';
import type { AssignmentProblem, AssignmentVector } from './problem.js';

/**
 * Deterministic weighted rotation, LeanData style: leads go hottest first (score, then index); a lead
 * whose owner can take it goes to the owner (this does not move the rotation); otherwise the eligible
 * rep with room and the lowest pointer gets it, and that rep's pointer rises by 1 / weight. Ties go
 * to the lower rep index. Equal counts for equal weights, whatever the values.
 *
 * @example
 * const p = buildProblem([[{ rep: 0, value: 1 }, { rep: 1, value: 9 }], [{ rep: 0, value: 1 }, { rep: 1, value: 9 }]], [2, 2], [5, 4]);
 * solveRoundRobin(p) //=> Int32Array [0, 1]
 */
export function solveRoundRobin(problem: AssignmentProblem): AssignmentVector {
  const { leadCount: n, repCount: R, capacity, weight, score, owner, edgeStart, edgeRep } = problem;
  const assign = new Int32Array(n).fill(-1);
  const load = new Int32Array(R);
  const pointer = new Float64Array(R);
  const order = orderByScore(score);
  for (let k = 0; k < n; k += 1) {
    const l = order[k]!;
    const own = owner[l] ?? -1;
    let chosen = -1;
    let bestPointer = Infinity;
    for (let e = edgeStart[l]!; e < edgeStart[l + 1]!; e += 1) {
      const r = edgeRep[e]!;
      if (load[r]! >= (capacity[r] ?? 0)) continue;
      if (r === own) {
        chosen = r;
        bestPointer = -Infinity;
        break;
      }
      if (pointer[r]! < bestPointer || (pointer[r] === bestPointer && r < chosen)) {
        bestPointer = pointer[r]!;
        chosen = r;
      }
    }
    if (chosen < 0) continue;
    assign[l] = chosen;
    load[chosen]! += 1;
    if (chosen !== own) pointer[chosen]! += 1 / (weight[chosen] ?? 1);
  }
  return assign;
}
