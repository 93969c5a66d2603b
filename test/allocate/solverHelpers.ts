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

/**
 * The optimum by a plain min-cost flow (successive shortest paths, Bellman–Ford, explicit graph):
 * slow but independent of the solver's pruning, for instances too big for brute force.
 */
export function flowValue(p: AssignmentProblem): number {
  // Nodes: 0 source, 1..n leads, n+1..n+R reps, n+R+1 sink.
  const n = p.leadCount;
  const R = p.repCount;
  const sink = n + R + 1;
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const head = new Array<number[]>(sink + 1).fill(undefined as never).map(() => [] as number[]);
  const edge = (a: number, b: number, c: number, w: number): void => {
    head[a]!.push(to.length);
    to.push(b), cap.push(c), cost.push(w);
    head[b]!.push(to.length);
    to.push(a), cap.push(0), cost.push(-w);
  };
  for (let l = 0; l < n; l += 1) {
    edge(0, 1 + l, 1, 0);
    for (let e = p.edgeStart[l]!; e < p.edgeStart[l + 1]!; e += 1) edge(1 + l, 1 + n + p.edgeRep[e]!, 1, -p.edgeValue[e]!);
  }
  for (let r = 0; r < R; r += 1) edge(1 + n + r, sink, Math.max(0, p.capacity[r] ?? 0), 0);
  let total = 0;
  for (;;) {
    const dist = new Array<number>(sink + 1).fill(Infinity);
    const via = new Array<number>(sink + 1).fill(-1);
    dist[0] = 0;
    for (let round = 0; round <= sink; round += 1) {
      let changed = false;
      for (let a = 0; a <= sink; a += 1) {
        if (dist[a] === Infinity) continue;
        for (const k of head[a]!) {
          if (cap[k]! > 0 && dist[a]! + cost[k]! < dist[to[k]!]! - 1e-12) {
            dist[to[k]!] = dist[a]! + cost[k]!;
            via[to[k]!] = k;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    if (dist[sink] === Infinity || dist[sink]! >= 0) return total;
    total -= dist[sink]!;
    for (let v = sink; v !== 0; v = to[via[v]! ^ 1]!) {
      cap[via[v]!]! -= 1;
      cap[via[v]! ^ 1]! += 1;
    }
  }
}
