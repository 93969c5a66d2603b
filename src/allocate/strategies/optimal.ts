import { LeadHeap } from './heap.js';
import type { AssignmentProblem, AssignmentVector } from './problem.js';
import { fillWithZeroValue } from './fill.js';
import { NodeHeap } from './nodeHeap.js';
import { selectSmallest } from './select.js';

/**
 * The exact strategy: maximises Σ value over assigned pairs subject to capacities (a b-matching /
 * transportation problem) by successive shortest augmenting paths on the small rep graph.
 *
 * - Pruning: a lead can only be in an optimal solution at rep r if it is among r's best
 *   K = Σ capacity candidates (otherwise an unassigned better candidate could replace it).
 * - Each augmenting path starts at the best unassigned candidate of some rep, moves leads between
 *   reps (per rep pair, a heap of the cheapest lead to move) and ends at a rep with room. Dijkstra with
 *   potentials on the R + 2 node graph finds the best path; the search stops at the first rep with
 *   room, so most paths cost O(R).
 * - It stops when the best path no longer gains value: the result is optimal (SSP on a convex cost).
 * - Values are scaled to integers (relative precision 2^-30), so the arithmetic is exact and the
 *   result identical on every platform. Ties go to the lower lead and rep index.
 *
 * @example
 * const p = buildProblem([[{ rep: 0, value: 3 }, { rep: 1, value: 2 }], [{ rep: 0, value: 3 }]], [1, 1]);
 * solveOptimal(p) //=> Int32Array [1, 0]
 */
export function solveOptimal(problem: AssignmentProblem): AssignmentVector {
  const { leadCount: n, repCount: R, capacity, edgeStart, edgeRep, edgeValue } = problem;
  let maxValue = 0;
  for (let e = 0; e < edgeValue.length; e += 1) if (edgeValue[e]! > maxValue) maxValue = edgeValue[e]!;
  const assign = new Int32Array(n).fill(-1);
  if (maxValue <= 0 || R === 0) return fillWithZeroValue(problem, assign);
  const cands = buildCandidates(problem, maxValue);
  const { candLead, candW, kept, scale } = cands;
  const wq = (e: number): number => Math.round(edgeValue[e]! * scale);

  const version = new Int32Array(n);
  const load = new Int32Array(R);
  const ptr = new Int32Array(R);
  const heaps: (LeadHeap | undefined)[] = new Array<LeadHeap | undefined>(R * R);
  const adjacency: number[][] = Array.from({ length: R }, () => []);
  const T = R;
  const pi = new Float64Array(R + 1);
  const dist = new Float64Array(R + 1);
  const visited = new Uint8Array(R + 1);
  const prev = new Int32Array(R + 1);
  const prevLead = new Int32Array(R + 1);
  const queue = new NodeHeap(4 * R + 4);

  const weightAt = (l: number, r: number): number => {
    for (let e = edgeStart[l]!; e < edgeStart[l + 1]!; e += 1) if (edgeRep[e] === r && kept[e]) return wq(e);
    return 0;
  };
  // Each rep's best unassigned candidate, refreshed only when one of its candidates was placed
  // (leads never leave the solution, so nothing else can change it).
  const srcLead = new Int32Array(R).fill(-1);
  const srcW = new Float64Array(R);
  const stale = new Uint8Array(R).fill(1);
  const place = (l: number, r: number): void => {
    const from = assign[l]!;
    if (from === -1) {
      for (let e = edgeStart[l]!; e < edgeStart[l + 1]!; e += 1) if (kept[e]) stale[edgeRep[e]!] = 1;
    } else {
      // Its entries in the heaps of moves out of `from` go stale: those heaps check their top again.
      for (let e = edgeStart[l]!; e < edgeStart[l + 1]!; e += 1) heaps[from * R + edgeRep[e]!]?.touch();
    }
    assign[l] = r;
    version[l]! += 1;
    const v = version[l]!;
    const here = weightAt(l, r);
    for (let e = edgeStart[l]!; e < edgeStart[l + 1]!; e += 1) {
      const k = edgeRep[e]!;
      if (k === r || !kept[e]) continue;
      const idx = r * R + k;
      let h = heaps[idx];
      if (h === undefined) {
        h = new LeadHeap();
        heaps[idx] = h;
        adjacency[r]!.push(k);
      }
      h.push(here - wq(e), l, v);
    }
  };

  // Initial potentials: the cheapest way into each rep is its best candidate.
  let minPi = 0;
  for (let r = 0; r < R; r += 1) {
    pi[r] = candW[r]!.length > 0 ? -candW[r]![0]! : 0;
    if (pi[r]! < minPi) minPi = pi[r]!;
  }
  pi[T] = minPi;

  // The sources at reduced distance 0 (about half the reps in the 1M-lead benchmark, the full reps
  // whose best candidate is unchanged), in ascending rep order: the search takes them from this list
  // and everything else from the heap, always the smaller (distance, node) of the two, which is the
  // order one heap of all of them pops. Each costs O(1) instead of a heap sift.
  const zeros = new Int32Array(R);
  for (;;) {
    dist.fill(Infinity);
    visited.fill(0);
    queue.clear();
    let zeroCount = 0;
    for (let r = 0; r < R; r += 1) {
      if (stale[r]) {
        stale[r] = 0;
        const leads = candLead[r]!;
        let p = ptr[r]!;
        while (p < leads.length && assign[leads[p]!] !== -1) p += 1;
        ptr[r] = p;
        srcLead[r] = p < leads.length ? leads[p]! : -1;
        srcW[r] = p < leads.length ? candW[r]![p]! : 0;
      }
      if (srcLead[r]! < 0) continue;
      dist[r] = -srcW[r]! - pi[r]!;
      prev[r] = -1;
      prevLead[r] = srcLead[r]!;
      if (dist[r] === 0) zeros[zeroCount++] = r;
      else queue.add(dist[r]!, r);
    }
    queue.build();
    let z = 0;
    while (z < zeroCount || queue.size > 0) {
      let node: number;
      let d: number;
      const top = queue.topDist();
      if (z < zeroCount && (top > 0 || (top === 0 && zeros[z]! < queue.topNode()))) {
        node = zeros[z++]!;
        d = 0;
      } else {
        node = queue.pop();
        d = queue.lastDist;
      }
      // The sink is pushed as -1 so that it wins ties: the search stops as early as it can.
      const u = node < 0 ? T : node;
      if (visited[u] || d > dist[u]!) continue;
      if (u === T) break;
      visited[u] = 1;
      const du = dist[u]! + pi[u]!;
      if (load[u]! < (capacity[u] ?? 0)) {
        const nd = du - pi[T]!;
        if (nd < dist[T]!) {
          dist[T] = nd;
          prev[T] = u;
          queue.push(nd, -1);
        }
      }
      const base = u * R;
      for (const j of adjacency[u]!) {
        if (visited[j]) continue;
        const h = heaps[base + j]!;
        const l = h.top(version);
        if (l < 0) continue;
        const nd = du + h.topKey() - pi[j]!;
        if (nd < dist[j]!) {
          dist[j] = nd;
          prev[j] = u;
          prevLead[j] = l;
          queue.push(nd, j);
        }
      }
    }
    const dT = dist[T]!;
    if (dT === Infinity || dT + pi[T]! >= 0) break;
    for (let v = 0; v <= R; v += 1) pi[v]! += visited[v] && dist[v]! < dT ? dist[v]! : dT;
    let j = prev[T]!;
    load[j]! += 1;
    for (;;) {
      const i = prev[j]!;
      place(prevLead[j]!, j);
      if (i < 0) break;
      j = i;
    }
  }
  return fillWithZeroValue(problem, assign);
}

interface Candidates {
  /** Per rep: candidate leads, best first. */
  candLead: Int32Array[];
  /** Per rep: their scaled values. */
  candW: Float64Array[];
  /** Per edge: 1 when the edge survived pruning. */
  kept: Uint8Array;
  /** Values times this, rounded, are the integers the solver works with. */
  scale: number;
}

/**
 * Scales values to integers and lists, per rep with room, its positive candidates best first
 * (value, then lead index), pruned to those that can be in an optimal solution (see keepCount).
 * Sorting uses one packed numeric key (scaled value and lead index in 52 bits) so the native
 * typed-array sort does the work.
 */
function buildCandidates(problem: AssignmentProblem, maxValue: number): Candidates {
  const { leadCount: n, repCount: R, capacity, edgeStart, edgeRep, edgeValue } = problem;
  const leadBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const valueBits = Math.min(30, 52 - leadBits);
  const top = 2 ** valueBits;
  const leadSpan = 2 ** leadBits;
  const scale = top / maxValue;
  let totalCap = 0;
  const roomy = new Uint8Array(R);
  for (let r = 0; r < R; r += 1) {
    totalCap += Math.max(0, capacity[r] ?? 0);
    roomy[r] = (capacity[r] ?? 0) > 0 ? 1 : 0;
  }
  // An edge is a candidate when its rep has room and its value is positive once scaled
  // (Math.round(x) > 0 exactly when x ≥ 0.5).
  const candidate = (e: number): boolean => edgeValue[e]! * scale >= 0.5 && roomy[edgeRep[e]!] === 1;
  const keyOf = (e: number, l: number): number => (top - Math.round(edgeValue[e]! * scale)) * leadSpan + l;
  // How many of rep r's candidates (keys, best first once ordered) can be in an optimal solution.
  // If lead l sits at r outside r's best K, and those K leads outnumber what r (less l's place) and
  // the reps they could go to instead can hold, one of them is unassigned and may take l's place for
  // at least the same value. So K = cap(r) + Σ cap of the other reps those K leads reach is enough
  // (and never more than Σ cap). Finding K grows a guess: a few hundred candidates a rep, not all.
  // `slice` holds the rep's best keys, maybe not all `m` of them: -1 means it needs more.
  const mark = new Int32Array(R);
  let stamp = 0;
  const keepCount = (slice: Float64Array, r: number, m: number): number => {
    const have = slice.length;
    const ceiling = Math.min(m, totalCap);
    let k = Math.min(ceiling, Math.max(1, 2 * (capacity[r] ?? 0)));
    let selected = 0; // slice[0, selected) holds the best `selected` candidates
    let scanned = 0; // the reps reachable from slice[0, scanned) are counted in `need`
    let need = capacity[r] ?? 0;
    stamp += 1;
    mark[r] = stamp;
    for (;;) {
      if (k > have) return -1;
      if (k < have) selectSmallest(slice.subarray(selected), k - selected);
      selected = k;
      // Once `need` reaches the ceiling the answer is the ceiling: no more scanning.
      for (; scanned < k && need <= k && need < ceiling; scanned += 1) {
        const l = slice[scanned]! % leadSpan;
        for (let e = edgeStart[l]!; e < edgeStart[l + 1]!; e += 1) {
          const q = edgeRep[e]!;
          if (mark[q] === stamp) continue;
          mark[q] = stamp;
          need += Math.max(0, capacity[q] ?? 0);
        }
      }
      if (need <= k || k === ceiling) {
        if (need < k) {
          selectSmallest(slice.subarray(0, k), need);
          return need;
        }
        return k;
      }
      k = Math.min(ceiling, Math.max(need, 2 * k));
    }
  };
  // First keep each rep's best few keys (bestKeys: one pass, a small buffer a rep); only a rep whose
  // count needs more gathers all its keys in a second pass. "Few" is 1.5 × the count its first
  // leads (in index order) would ask for: with territories a few hundred, with every rep eligible
  // about Σ capacity.
  const degree = new Int32Array(R);
  for (let e = 0; e < edgeRep.length; e += 1) degree[edgeRep[e]!]! += 1;
  const guess = sampledNeed(problem, degree);
  const bound = new Int32Array(R);
  for (let r = 0; r < R; r += 1) bound[r] = roomy[r] ? Math.min(degree[r]!, Math.max(64, Math.ceil(1.5 * guess[r]!))) : 0;
  const best = bestKeys(problem, bound, degree, candidate, keyOf);
  const count = best.total;
  const counts = new Int32Array(R);
  const again = new Int32Array(R);
  let more = false;
  for (let r = 0; r < R; r += 1) {
    counts[r] = keepCount(best.keys.subarray(best.start[r]!, best.start[r]! + best.size[r]!), r, count[r]!);
    if (counts[r]! < 0) {
      again[r] = count[r]!;
      more = true;
    }
  }
  const all = more ? bestKeys(problem, again, degree, candidate, keyOf) : undefined;
  const candLead: Int32Array[] = [];
  const candW: Float64Array[] = [];
  const threshold = new Float64Array(R);
  let kept = 0;
  for (let r = 0; r < R; r += 1) {
    const from = counts[r]! < 0 ? all! : best;
    let slice = from.keys.subarray(from.start[r]!, from.start[r]! + from.size[r]!);
    const k = counts[r]! < 0 ? keepCount(slice, r, count[r]!) : counts[r]!;
    if (k < slice.length) slice = slice.subarray(0, k);
    slice.sort();
    const leads = new Int32Array(slice.length);
    const ws = new Float64Array(slice.length);
    for (let i = 0; i < slice.length; i += 1) {
      const key = slice[i]!;
      const l = key % leadSpan;
      leads[i] = l;
      ws[i] = top - (key - l) / leadSpan;
    }
    candLead.push(leads);
    candW.push(ws);
    threshold[r] = slice.length > 0 ? slice[slice.length - 1]! : -1;
    kept += slice.length;
  }
  // Mark the surviving edges: from each candidate lead's edge list when they are few, else in one
  // pass over all edges (keys are unique, so an edge survived iff its key is within its rep's cut).
  const survived = new Uint8Array(edgeValue.length);
  if (kept <= n) {
    for (let r = 0; r < R; r += 1) {
      for (const l of candLead[r]!) {
        for (let e = edgeStart[l]!; e < edgeStart[l + 1]!; e += 1) if (edgeRep[e] === r) survived[e] = 1;
      }
    }
  } else {
    for (let l = 0; l < n; l += 1) {
      for (let e = edgeStart[l]!; e < edgeStart[l + 1]!; e += 1) {
        const t = threshold[edgeRep[e]!]!;
        if (t >= 0 && candidate(e) && keyOf(e, l) <= t) survived[e] = 1;
      }
    }
  }
  return { candLead, candW, kept: survived, scale };
}

/**
 * Per rep: its capacity plus that of the other reps its first 32 leads (in index order) can go
 * to. A guess at what keepCount will ask for, from a sample rather than from its best leads.
 */
function sampledNeed(problem: AssignmentProblem, degree: Int32Array): Float64Array {
  const { leadCount: n, repCount: R, capacity, edgeStart, edgeRep } = problem;
  const S = 32;
  const sample = new Int32Array(R * S);
  const taken = new Int32Array(R);
  let open = 0;
  for (let r = 0; r < R; r += 1) if (degree[r]! > 0) open += 1;
  for (let l = 0; l < n && open > 0; l += 1) {
    for (let e = edgeStart[l]!; e < edgeStart[l + 1]!; e += 1) {
      const r = edgeRep[e]!;
      const t = taken[r]!;
      if (t === S || t === degree[r]) continue;
      sample[r * S + t] = l;
      taken[r] = t + 1;
      if (t + 1 === S || t + 1 === degree[r]) open -= 1;
    }
  }
  const need = new Float64Array(R);
  const mark = new Int32Array(R).fill(-1);
  for (let r = 0; r < R; r += 1) {
    mark[r] = r; // marks the reps counted for r
    let sum = Math.max(0, capacity[r] ?? 0);
    for (let i = 0; i < taken[r]!; i += 1) {
      const l = sample[r * S + i]!;
      for (let e = edgeStart[l]!; e < edgeStart[l + 1]!; e += 1) {
        const q = edgeRep[e]!;
        if (mark[q] === r) continue;
        mark[q] = r;
        sum += Math.max(0, capacity[q] ?? 0);
      }
    }
    need[r] = sum;
  }
  return need;
}

/**
 * Per rep, its `bound[r]` smallest candidate keys (unordered) and how many candidates it has, in
 * one pass over the edges. A rep's region holds up to twice its bound; when full it is cut to the
 * bound (quickselect), and from then on only keys below the largest one kept are let in.
 */
function bestKeys(
  problem: AssignmentProblem,
  bound: Int32Array,
  degree: Int32Array,
  candidate: (e: number) => boolean,
  keyOf: (e: number, l: number) => number,
): { keys: Float64Array; start: Int32Array; size: Int32Array; total: Int32Array } {
  const { leadCount: n, repCount: R, edgeStart, edgeRep } = problem;
  const room = new Int32Array(R);
  const start = new Int32Array(R + 1);
  for (let r = 0; r < R; r += 1) {
    room[r] = bound[r] === 0 ? 0 : Math.max(bound[r]!, Math.min(2 * bound[r]!, degree[r]!));
    start[r + 1] = start[r]! + room[r]!;
  }
  const keys = new Float64Array(start[R]!);
  const size = new Int32Array(R);
  const total = new Int32Array(R);
  const below = new Float64Array(R).fill(Infinity);
  const cut = (r: number): void => {
    const at = start[r]!;
    const b = bound[r]!;
    const kept = keys.subarray(at, at + b);
    selectSmallest(keys.subarray(at, at + size[r]!), b);
    let max = -Infinity;
    for (let i = 0; i < b; i += 1) if (kept[i]! > max) max = kept[i]!;
    below[r] = max;
    size[r] = b;
  };
  for (let l = 0; l < n; l += 1) {
    for (let e = edgeStart[l]!; e < edgeStart[l + 1]!; e += 1) {
      const r = edgeRep[e]!;
      if (bound[r] === 0 || !candidate(e)) continue;
      total[r]! += 1;
      const key = keyOf(e, l);
      if (key >= below[r]!) continue;
      if (size[r] === room[r]) cut(r);
      keys[start[r]! + size[r]!] = key;
      size[r]! += 1;
    }
  }
  for (let r = 0; r < R; r += 1) if (size[r]! > bound[r]!) cut(r);
  return { keys, start, size, total };
}
