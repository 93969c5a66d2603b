import type { AssignmentProblem, AssignmentVector } from '../../src/allocate/strategies/problem.js';

/** Exhaustive search over every lead's choice (stay out, or one of its reps): the true optimum. */
export function bruteForceValue(p: AssignmentProblem): number {
  const load = new Array<number>(p.repCount).fill(0);
  let best = 0;
  const go = (l: number, acc: number): void => {
    if (l === p.leadCount) {
      if (acc > best) best = acc;
      return;
    }
    go(l + 1, acc);
    for (let e = p.edgeStart[l]!; e < p.edgeStart[l + 1]!; e += 1) {
      const r = p.edgeRep[e]!;
      if (load[r]! >= (p.capacity[r] ?? 0)) continue;
      load[r]! += 1;
      go(l + 1, acc + p.edgeValue[e]!);
      load[r]! -= 1;
    }
  };
  go(0, 0);
  return best;
}

/** Throws when an assignment breaks a capacity or uses a pair that has no edge. */
export function checkFeasible(p: AssignmentProblem, a: AssignmentVector): void {
  const load = new Array<number>(p.repCount).fill(0);
  for (let l = 0; l < p.leadCount; l += 1) {
    const r = a[l]!;
    if (r < 0) continue;
    let ok = false;
    for (let e = p.edgeStart[l]!; e < p.edgeStart[l + 1]!; e += 1) if (p.edgeRep[e] === r) ok = true;
    if (!ok) throw new Error(`lead ${l} given to rep ${r} without an edge`);
    load[r]! += 1;
    if (load[r]! > (p.capacity[r] ?? 0)) throw new Error(`rep ${r} over capacity`);
  }
}
