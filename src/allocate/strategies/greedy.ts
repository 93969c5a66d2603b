import type { AssignmentProblem, AssignmentVector } from './problem.js';

/**
 * The greedy baseline: the most valuable pair first (value, then lead index, then rep index), while
 * the lead is free and the rep has room. Fast, but on realistic instances it loses value against
 * `'optimal'`; kept as a strategy for comparison.
 *
 * @example
 * const p = buildProblem([[{ rep: 0, value: 3 }, { rep: 1, value: 2 }], [{ rep: 0, value: 3 }]], [1, 1]);
 * solveGreedy(p) //=> Int32Array [0, -1]
 */
export function solveGreedy(problem: AssignmentProblem): AssignmentVector {
  const { leadCount: n, repCount: R, capacity, edgeStart, edgeRep, edgeValue } = problem;
  const leadOf = new Int32Array(edgeRep.length);
  for (let l = 0; l < n; l += 1) for (let e = edgeStart[l]!; e < edgeStart[l + 1]!; e += 1) leadOf[e] = l;
  const order = Array.from({ length: edgeRep.length }, (_, e) => e).sort(
    (a, b) => edgeValue[b]! - edgeValue[a]! || leadOf[a]! - leadOf[b]! || edgeRep[a]! - edgeRep[b]!,
  );
  const assign = new Int32Array(n).fill(-1);
  const load = new Int32Array(R);
  for (const e of order) {
    const l = leadOf[e]!;
    const r = edgeRep[e]!;
    if (assign[l] !== -1 || load[r]! >= (capacity[r] ?? 0)) continue;
    assign[l] = r;
    load[r]! += 1;
  }
  return assign;
}
