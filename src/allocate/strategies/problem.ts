/**
 * The assignment problem every strategy solves, in compact arrays. Leads are indexed in contact order
 * and reps in id order, so index order is a stable tie-break. Edges are stored per lead (CSR): the
 * reps `edgeRep[edgeStart[l]] … edgeRep[edgeStart[l + 1] - 1]` may take lead `l`, each with a value
 * `edgeValue` (score × fit, ≥ 0).
 */
export interface AssignmentProblem {
  leadCount: number;
  repCount: number;
  /** Calls each rep can take on this list (0 when away). */
  capacity: readonly number[];
  /** Relative share per rep for rotation and fairness. */
  weight: readonly number[];
  /** Lead scores, for rotation order. */
  score: ArrayLike<number>;
  /** The rep index that owns each lead, or -1. */
  owner: ArrayLike<number>;
  edgeStart: Int32Array;
  edgeRep: Int32Array;
  edgeValue: Float64Array;
}

/** The rep index chosen for each lead, or -1 when the lead stays unassigned. */
export type AssignmentVector = Int32Array;

/** A strategy: any function from a problem to an assignment that respects capacities and edges. */
export type AssignmentStrategy = (problem: AssignmentProblem) => AssignmentVector;

/**
 * Builds a problem from plain per-lead edge lists (handy for tests and custom callers).
 *
 * @example
 * const p = buildProblem([[{ rep: 0, value: 3 }], []], [1], [10, 5]);
 * p.edgeStart //=> Int32Array [0, 1, 1]
 */
export function buildProblem(
  edges: readonly (readonly { rep: number; value: number }[])[],
  capacity: readonly number[],
  score: readonly number[] = edges.map(() => 0),
  owner: readonly number[] = edges.map(() => -1),
  weight: readonly number[] = capacity.map(() => 1),
): AssignmentProblem {
  const total = edges.reduce((s, e) => s + e.length, 0);
  const edgeStart = new Int32Array(edges.length + 1);
  const edgeRep = new Int32Array(total);
  const edgeValue = new Float64Array(total);
  let k = 0;
  edges.forEach((list, l) => {
    edgeStart[l] = k;
    for (const e of [...list].sort((a, b) => a.rep - b.rep)) {
      edgeRep[k] = e.rep;
      edgeValue[k] = e.value;
      k += 1;
    }
  });
  edgeStart[edges.length] = k;
  return { leadCount: edges.length, repCount: capacity.length, capacity, weight, score, owner, edgeStart, edgeRep, edgeValue };
}

/** Σ value over the assigned pairs. */
export function assignmentValue(problem: AssignmentProblem, assignment: AssignmentVector): number {
  let total = 0;
  for (let l = 0; l < problem.leadCount; l += 1) {
    const r = assignment[l] ?? -1;
    if (r < 0) continue;
    for (let e = problem.edgeStart[l] ?? 0; e < (problem.edgeStart[l + 1] ?? 0); e += 1) {
      if (problem.edgeRep[e] === r) total += problem.edgeValue[e] ?? 0;
    }
  }
  return total;
}
