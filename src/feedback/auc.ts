/**
 * The area under the ROC curve: the chance that a random positive scores above a random negative
 * (ties count half), computed from ranks (Mann–Whitney). `null` when either class is empty.
 *
 * @param scores - one score per contact
 * @param labels - 1 positive, 0 negative, in the same order
 * @example
 * rocAuc([3, 2, 1], [1, 0, 0]) //=> 1
 * rocAuc([1, 1], [1, 0]) //=> 0.5
 */
export function rocAuc(scores: readonly number[], labels: readonly number[]): number | null {
  const idx = scores.map((s, i) => ({ s, y: labels[i] ?? 0 })).sort((a, b) => a.s - b.s);
  const pos = idx.filter((r) => r.y === 1).length;
  const neg = idx.length - pos;
  if (pos === 0 || neg === 0) return null;
  let rankSum = 0;
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && (idx[j + 1] as { s: number }).s === (idx[i] as { s: number }).s) j++;
    const avg = (i + j + 2) / 2; // 1-based ranks i+1 … j+1
    for (let k = i; k <= j; k++) if ((idx[k] as { y: number }).y === 1) rankSum += avg;
    i = j + 1;
  }
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}
