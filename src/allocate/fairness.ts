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
 * Runs `strategy` so that hot leads are dealt evenly (±1, by weight): with H hot leads (those some
 * rep with room can take, plus those already placed) and the reps who can take one, rep r gets at
 * least ⌊H · w_r / Σw⌋ hot leads wherever the eligibility allows it, and never more than ⌈H · w_r / Σw⌉.
 * Each rep is split into slot groups (hot-floor slots that pay a bonus larger than any total value,
 * slots up to the ceiling, and slots for other leads only), so total and hot capacities nest and the
 * strategy solves one ordinary problem. With `'optimal'` the result is the best value among the fair
 * assignments, up to the solver's rounding (2^-30 of the largest value, which includes the bonus).
 * The unconstrained value is computed too, so the cost of fairness is reported.
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
  for (let r = 0; r < R; r += 1) if (hotAlready[r]! > 0) canTakeHot[r] = 1;
  let totalHot = hot;
  let weightSum = 0;
  for (let r = 0; r < R; r += 1) {
    if (!canTakeHot[r]) continue;
    weightSum += weight[r] ?? 1;
    totalHot += hotAlready[r]!;
  }
  const quota = new Map<number, number>();
  // Three slot groups per rep r: F (index r) takes any lead and pays a bonus for a hot one, up to the
  // floor of the rep's share; A (R + r) takes any lead, up to the ceiling; B (2R + r) takes other leads.
  const capF: number[] = [];
  const capA: number[] = [];
  const capB: number[] = [];
  for (let r = 0; r < R; r += 1) {
    const share = canTakeHot[r] ? (totalHot * (weight[r] ?? 1)) / weightSum : 0;
    const floor = Math.floor(share + 1e-9);
    const ceil = Math.ceil(share - 1e-9);
    if (canTakeHot[r]) quota.set(r, ceil);
    const cap = capacity[r] ?? 0;
    const f = Math.min(cap, Math.max(0, floor - hotAlready[r]!));
    const a = Math.min(cap - f, Math.max(0, ceil - hotAlready[r]! - f));
    capF.push(f);
    capA.push(a);
    capB.push(cap - f - a);
  }
  // The bonus outweighs any total value, so the solver first gives every rep its floor of hot leads
  // wherever that is possible, then maximises value.
  let bonus = 1;
  for (let l = 0; l < n; l += 1) {
    let best = 0;
    for (let e = edgeStart[l]!; e < edgeStart[l + 1]!; e += 1) best = Math.max(best, edgeValue[e]!);
    bonus += best;
  }
  const start = new Int32Array(n + 1);
  const reps: number[] = [];
  const values: number[] = [];
  for (let l = 0; l < n; l += 1) {
    start[l] = reps.length;
    const h = isHot(l);
    for (let g = 0; g < (h ? 2 : 3); g += 1) {
      for (let e = edgeStart[l]!; e < edgeStart[l + 1]!; e += 1) {
        reps.push(g * R + edgeRep[e]!);
        values.push(edgeValue[e]! + (h && g === 0 ? bonus : 0));
      }
    }
  }
  start[n] = reps.length;
  const split: AssignmentProblem = {
    leadCount: n,
    repCount: 3 * R,
    capacity: [...capF, ...capA, ...capB],
    weight: [...weight, ...weight, ...weight],
    score: problem.score,
    owner: Int32Array.from({ length: n }, (_, l) => problem.owner[l] ?? -1),
    edgeStart: start,
    edgeRep: Int32Array.from(reps),
    edgeValue: Float64Array.from(values),
  };
  const virtual = strategy(split);
  const assignment = virtual.map((r) => (r < 0 ? r : r % R));
  return { assignment, unconstrainedValue, value: assignmentValue(problem, assignment), quota };
}
