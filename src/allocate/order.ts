const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * Lead indices by score, highest first, ties by index: the order of every pass that takes the best
 * leads first. A stable radix sort on the bits of each score (four 16-bit digits) replaces a
 * comparator called some 20 times a lead (1M leads: ~30 ms instead of ~1 s). -0 ties with 0, as it
 * does for `a - b`; scores are finite (checked by `normalizeLeads`).
 *
 * @example
 * orderByScore(Float64Array.of(1, 3, 1, 2)) //=> Int32Array [1, 3, 0, 2]
 */
export function orderByScore(score: ArrayLike<number>): Int32Array {
  const n = score.length;
  const f = new Float64Array(1);
  const bits = new Uint32Array(f.buffer);
  const [loAt, hiAt] = LITTLE_ENDIAN ? [0, 1] : [1, 0];
  // Keys that order as the scores do, highest first: flip the bits of a negative number, the
  // sign bit of a positive one, then invert the whole (descending).
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  let idx = new Int32Array(n);
  for (let i = 0; i < n; i += 1) {
    f[0] = score[i]! === 0 ? 0 : score[i]!;
    const h = bits[hiAt]!;
    const l = bits[loAt]!;
    const negative = h >>> 31 === 1;
    hi[i] = negative ? h : ~(h | 0x80000000) >>> 0;
    lo[i] = negative ? l : ~l >>> 0;
    idx[i] = i;
  }
  let hi2 = new Uint32Array(n);
  let lo2 = new Uint32Array(n);
  let idx2 = new Int32Array(n);
  const count = new Int32Array(65537);
  for (let pass = 0; pass < 4; pass += 1) {
    const word = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    count.fill(0);
    for (let i = 0; i < n; i += 1) count[((word[i]! >>> shift) & 0xffff) + 1]! += 1;
    if (count[(((word[0] ?? 0) >>> shift) & 0xffff) + 1] === n) continue; // one digit everywhere
    for (let d = 0; d < 65536; d += 1) count[d + 1]! += count[d]!;
    for (let i = 0; i < n; i += 1) {
      const at = count[(word[i]! >>> shift) & 0xffff]!;
      count[(word[i]! >>> shift) & 0xffff]! += 1;
      hi2[at] = hi[i]!;
      lo2[at] = lo[i]!;
      idx2[at] = idx[i]!;
    }
    [hi, hi2, lo, lo2, idx, idx2] = [hi2, hi, lo2, lo, idx2, idx];
  }
  return idx;
}
