/**
 * Partially orders `a` in place so that its first `k` numbers are its `k` smallest (quickselect).
 * The exact solver uses it to keep each rep's best candidates, and its pruning (on negated values)
 * to find each rep's largest values.
 *
 * @example
 * const a = Float64Array.of(5, 1, 4, 2);
 * selectSmallest(a, 2); // a.subarray(0, 2) holds 1 and 2, in some order
 */
export function selectSmallest(a: Float64Array, k: number): void {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const x = a[lo]!;
    const y = a[(lo + hi) >> 1]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i += 1;
      while (a[j]! > pivot) j -= 1;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i += 1;
        j -= 1;
      }
    }
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else return;
  }
}
