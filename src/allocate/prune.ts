import type { PairRow } from './pairFit.js';
import { selectSmallest } from './strategies/select.js';

/**
 * Finding each rep's neighbours costs Σ (size of a distinct rep set)²: past this (many distinct
 * sets, as a custom `fit` makes one per lead, or very large ones) there is no pruning.
 */
const MAX_NEIGHBOUR_WORK = 20_000_000;

/**
 * The leads among `rest` that the exact solver could place, so that it is handed a fraction of the
 * pairs (the 1M-lead benchmark: 17 % of the leads) and gives the same assignment.
 *
 * `solveOptimal` keeps, per rep r, at most need(r) = cap(r) + Σ cap of the reps that share a lead
 * with r of its best candidates, and while finding that number looks at no more than its best
 * 2 · need(r). Every lead among those has a value at r of at least T(r), the 2 · need(r)-th largest
 * value there, less the solver's rounding (it scales values to 30-bit integers). A lead below that
 * at every one of its reps is never a candidate anywhere, and taking it out changes neither the
 * candidates, their order, nor the lead order. Leads with a pair worth exactly 0 stay (the solver
 * fills leftover room with them).
 *
 * @param rest - lead indices, ascending; compacted in place to the kept ones (no second array of a million entries)
 * @param rows - each lead's pair row
 * @param score - each lead's score (value = score × fit)
 * @param capacity - each rep's remaining capacity
 * @returns the kept lead indices, ascending: the start of `rest` (`rest` itself, untouched, when nothing can be pruned)
 */
export function leadsTheSolverMayPlace(rest: Int32Array, rows: readonly PairRow[], score: Float64Array, capacity: readonly number[]): Int32Array {
  const R = capacity.length;
  if (rest.length >= 2 ** 25) return rest;
  const sets = new Set<Int32Array>();
  let work = 0;
  for (let x = 0; x < rest.length; x += 1) {
    const reps = rows[rest[x]!]!.reps;
    if (sets.has(reps)) continue;
    sets.add(reps);
    work += reps.length * reps.length;
    if (work > MAX_NEIGHBOUR_WORK) return rest;
  }
  const room = (r: number): number => Math.max(0, capacity[r] ?? 0);
  // need(r), from the rep sets that contain r.
  const setsOf: Int32Array[][] = Array.from({ length: R }, () => []);
  for (const s of sets) for (const r of s) setsOf[r]!.push(s);
  const bound = new Int32Array(R);
  const mark = new Int32Array(R).fill(-1);
  for (let r = 0; r < R; r += 1) {
    if (room(r) === 0) continue;
    let need = room(r);
    mark[r] = r;
    for (const s of setsOf[r]!) {
      for (const q of s) {
        if (mark[q] === r) continue;
        mark[q] = r;
        need += room(q);
      }
    }
    bound[r] = 2 * need;
  }
  // T(r): per rep its bound(r)-th largest value, from a buffer of twice the bound that holds the
  // values negated and is cut to the bound's smallest (quickselect) when full; from then on only
  // values above the smallest kept go in.
  const start = new Int32Array(R + 1);
  for (let r = 0; r < R; r += 1) start[r + 1] = start[r]! + 2 * bound[r]!;
  if (start[R]! >= rest.length * 8) return rest; // would keep most pairs anyway
  const buffer = new Float64Array(start[R]!);
  const size = new Int32Array(R);
  const above = new Float64Array(R).fill(-Infinity);
  const cut = (r: number): void => {
    const at = start[r]!;
    const b = bound[r]!;
    const negated = buffer.subarray(at, at + size[r]!);
    selectSmallest(negated, b);
    let most = -Infinity;
    for (let k = 0; k < b; k += 1) if (negated[k]! > most) most = negated[k]!;
    above[r] = -most;
    size[r] = b;
  };
  let maxValue = 0;
  for (let x = 0; x < rest.length; x += 1) {
    const i = rest[x]!;
    const { reps, fit } = rows[i]!;
    for (let j = 0; j < reps.length; j += 1) {
      const r = reps[j]!;
      const v = score[i]! * fit[j]!;
      if (v > maxValue) maxValue = v;
      if (bound[r] === 0 || !(v > 0) || !(v > above[r]!)) continue;
      if (size[r] === 2 * bound[r]!) cut(r);
      buffer[start[r]! + size[r]!] = -v;
      size[r]! += 1;
    }
  }
  for (let r = 0; r < R; r += 1) if (size[r]! > bound[r]!) cut(r);
  // At least one unit of the solver's rounding: it scales the largest value to 2^30 (fewer bits
  // from 4M leads on, and at least 2^27 below the 2^25 leads checked above).
  const margin = maxValue * 2 ** -27;
  const threshold = new Float64Array(R);
  for (let r = 0; r < R; r += 1) threshold[r] = bound[r] === 0 ? Infinity : size[r]! < bound[r]! ? -Infinity : above[r]! - margin;
  let k = 0; // k ≤ x: the kept ones overwrite only entries already read
  for (let x = 0; x < rest.length; x += 1) {
    const i = rest[x]!;
    const { reps, fit } = rows[i]!;
    for (let j = 0; j < reps.length; j += 1) {
      const v = score[i]! * fit[j]!;
      if (v === 0 || v >= threshold[reps[j]!]!) {
        rest[k++] = i;
        break;
      }
    }
  }
  return rest.subarray(0, k);
}

