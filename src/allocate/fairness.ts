import { assignmentValue } from './strategies/problem.js';
import type { AssignmentProblem, AssignmentStrategy, AssignmentVector } from './strategies/problem.js';

/** The result of a fair run: the assignment, and what fairness cost against the unconstrained one. */
export interface FairResult {
  assignment: AssignmentVector;
  unconstrainedValue: number;
  value: number;
  /** Hot leads each rep may take in this run (rep index → quota), for reps that can take any. */
  quota: Map<number, number>;
}

/**
 * Runs `strategy` with a cap on hot leads per rep so they are dealt evenly: with H hot leads that some
 * available rep can take, and the m reps who can take one, rep r may take at most
 * ⌈H · weight_r / Σ weight⌉ − (hot leads it already has). Exact under that cap: each rep is split into
 * a slot group that takes any lead (the hot quota) and one that takes only other leads, so total and
 * hot capacities nest. The unconstrained value is computed too, so the cost of fairness is reported.
 *
 * @example
 * dealHotLeadsEvenly(problem, solveOptimal, isHot, new Int32Array(problem.repCount)).quota //=> Map { 0 => 2, 1 => 2 }
 */
export function dealHotLeadsEvenly(
  problem: AssignmentProblem,
  strategy: AssignmentStrategy,
  isHot: (lead: number) => boolean,
  hotAlready: Int32Array,
): FairResult {
  const free = strategy(problem);
  const unconstrainedValue = assignmentValue(problem, free);
  const { leadCount: n, repCount: R, capacity, weight, edgeStart, edgeRep, edgeValue } = problem;
  const canTakeHot = new Uint8Array(R);
  let hot = 0;
  for (let l = 0; l < n; l += 1) {
    if (!isHot(l)) continue;
    let any = false;
    for (let e = edgeStart[l]!; e < edgeStart[l + 1]!; e += 1) {
      const r = edgeRep[e]!;
      if ((capacity[r] ?? 0) > 0 || hotAlready[r]! > 0) {
        canTakeHot[r] = 1;
        any = true;
      }
    }
    if (any) hot += 1;
  }
  let totalHot = hot;
  let weightSum = 0;
  for (let r = 0; r < R; r += 1) {
    if (!canTakeHot[r]) continue;
    weightSum += weight[r] ?? 1;
    totalHot += hotAlready[r]!;
  }
  const quota = new Map<number, number>();
  const hotCap: number[] = [];
  for (let r = 0; r < R; r += 1) {
    const q = canTakeHot[r] ? Math.ceil((totalHot * (weight[r] ?? 1)) / weightSum - 1e-9) : 0;
    if (canTakeHot[r]) quota.set(r, q);
    hotCap.push(Math.min(capacity[r] ?? 0, Math.max(0, q - hotAlready[r]!)));
  }
  // Virtual reps: r → slot group r (any lead, hotCap[r]) and R + r (other leads only, the rest).
  const start = new Int32Array(n + 1);
  const reps: number[] = [];
  const values: number[] = [];
  for (let l = 0; l < n; l += 1) {
    start[l] = reps.length;
    const h = isHot(l);
    for (let e = edgeStart[l]!; e < edgeStart[l + 1]!; e += 1) {
      reps.push(edgeRep[e]!);
      values.push(edgeValue[e]!);
    }
    if (!h) {
      for (let e = edgeStart[l]!; e < edgeStart[l + 1]!; e += 1) {
        reps.push(R + edgeRep[e]!);
        values.push(edgeValue[e]!);
      }
    }
  }
  start[n] = reps.length;
  const split: AssignmentProblem = {
    leadCount: n,
    repCount: 2 * R,
    capacity: [...hotCap, ...Array.from({ length: R }, (_, r) => (capacity[r] ?? 0) - hotCap[r]!)],
    weight: [...weight, ...weight],
    score: problem.score,
    owner: Int32Array.from({ length: n }, (_, l) => problem.owner[l] ?? -1),
    edgeStart: start,
    edgeRep: Int32Array.from(reps),
    edgeValue: Float64Array.from(values),
  };
  const virtual = strategy(split);
  const assignment = virtual.map((r) => (r >= R ? r - R : r));
  return { assignment, unconstrainedValue, value: assignmentValue(problem, assignment), quota };
}
