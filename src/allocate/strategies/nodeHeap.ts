/**
 * A binary min-heap of (distance, node) pairs for Dijkstra, with lazy entries (a node may be pushed
 * several times; stale entries are skipped by the caller). Ties go to the lower node number.
 */
export class NodeHeap {
  private dist: Float64Array;
  private node: Int32Array;
  private n = 0;

  constructor(capacity: number) {
    this.dist = new Float64Array(Math.max(4, capacity));
    this.node = new Int32Array(Math.max(4, capacity));
  }

  get size(): number {
    return this.n;
  }

  clear(): void {
    this.n = 0;
  }

  /** The smallest entry's distance (Infinity when empty), without removing it. */
  topDist(): number {
    return this.n > 0 ? this.dist[0]! : Infinity;
  }

  /** The smallest entry's node; read only when the heap is not empty. */
  topNode(): number {
    return this.node[0]!;
  }

  push(d: number, v: number): void {
    if (this.n === this.dist.length) this.grow();
    const { dist, node } = this;
    let i = this.n;
    this.n += 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pd = dist[p]!;
      if (pd < d || (pd === d && node[p]! < v)) break;
      dist[i] = pd;
      node[i] = node[p]!;
      i = p;
    }
    dist[i] = d;
    node[i] = v;
  }

  /** Appends an entry without ordering: call {@link build} before the next push or pop. */
  add(d: number, v: number): void {
    if (this.n === this.dist.length) this.grow();
    this.dist[this.n] = d;
    this.node[this.n] = v;
    this.n += 1;
  }

  /** Orders the entries added since the last clear in O(n) (Floyd), not O(n log n) pushes. */
  build(): void {
    for (let i = (this.n >> 1) - 1; i >= 0; i -= 1) this.siftDown(i, this.dist[i]!, this.node[i]!, this.n);
  }

  /** Removes the smallest entry and returns its node (the distance is {@link lastDist}). */
  pop(): number {
    const { dist, node } = this;
    const top = node[0]!;
    this.lastDist = dist[0]!;
    this.n -= 1;
    const n = this.n;
    if (n > 0) this.siftDown(0, dist[n]!, node[n]!, n);
    return top;
  }

  /** Places (d, v) at `start` or below it among the first `n` entries. */
  private siftDown(start: number, d: number, v: number, n: number): void {
    const { dist, node } = this;
    let i = start;
    for (;;) {
      const a = 2 * i + 1;
      if (a >= n) break;
      const b = a + 1;
      let c = a;
      if (b < n && (dist[b]! < dist[a]! || (dist[b] === dist[a] && node[b]! < node[a]!))) c = b;
      if (d < dist[c]! || (d === dist[c] && v < node[c]!)) break;
      dist[i] = dist[c]!;
      node[i] = node[c]!;
      i = c;
    }
    dist[i] = d;
    node[i] = v;
  }

  lastDist = 0;

  private grow(): void {
    const dist = new Float64Array(this.dist.length * 2);
    const node = new Int32Array(this.node.length * 2);
    dist.set(this.dist);
    node.set(this.node);
    this.dist = dist;
    this.node = node;
  }
}
