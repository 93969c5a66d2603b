/** What {@link ByteKeys.get} returns for a key it does not hold. */
export const MISSING = -0x80000000;

/**
 * An open-addressing hash map from byte strings (a range of a buffer) to 32-bit integers. Keys are
 * copied into one arena, so a lookup hashes and compares bytes where they lie in the input: no
 * string is made per row, and the table stays a few compact arrays the cache can hold. This is what
 * turns "e-mail → contact id" from a string-keyed `Map` lookup (~1 µs at random order) into a few
 * hundred nanoseconds.
 *
 * @example
 * const keys = new ByteKeys();
 * keys.set(buf, 0, 9, 7);
 * keys.get(buf, 0, 9) //=> 7
 */
export class ByteKeys {
  private mask = 1023;
  private hashes = new Int32Array(1024);
  private values = new Int32Array(1024);
  private starts = new Int32Array(1024).fill(-1);
  private lengths = new Int32Array(1024);
  private arena = new Uint8Array(1 << 16);
  private used = 0;
  private count = 0;

  /** Keys held. */
  get size(): number {
    return this.count;
  }

  /** The value of the key `buf[start, end)`, or {@link MISSING}. */
  get(buf: Uint8Array, start: number, end: number): number {
    const h = hashBytes(buf, start, end);
    const slot = this.find(buf, start, end, h);
    return this.starts[slot]! < 0 ? MISSING : this.values[slot]!;
  }

  /** Sets the value of the key `buf[start, end)`. */
  set(buf: Uint8Array, start: number, end: number, value: number): void {
    const h = hashBytes(buf, start, end);
    let slot = this.find(buf, start, end, h);
    if (this.starts[slot]! >= 0) {
      this.values[slot] = value;
      return;
    }
    if ((this.count + 1) * 2 > this.mask + 1) {
      this.grow();
      slot = this.find(buf, start, end, h);
    }
    const len = end - start;
    if (this.used + len > this.arena.length) {
      const next = new Uint8Array(Math.max(this.arena.length * 2, this.used + len));
      next.set(this.arena.subarray(0, this.used));
      this.arena = next;
    }
    this.arena.set(buf.subarray(start, end), this.used);
    this.hashes[slot] = h;
    this.values[slot] = value;
    this.starts[slot] = this.used;
    this.lengths[slot] = len;
    this.used += len;
    this.count += 1;
  }

  private find(buf: Uint8Array, start: number, end: number, h: number): number {
    const len = end - start;
    let slot = h & this.mask;
    for (;;) {
      const s = this.starts[slot]!;
      if (s < 0) return slot;
      if (this.hashes[slot] === h && this.lengths[slot] === len && this.equal(s, buf, start, len)) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  private equal(at: number, buf: Uint8Array, start: number, len: number): boolean {
    const a = this.arena;
    for (let i = 0; i < len; i++) if (a[at + i] !== buf[start + i]) return false;
    return true;
  }

  private grow(): void {
    const { hashes, values, starts, lengths } = this;
    const size = (this.mask + 1) * 2;
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.values = new Int32Array(size);
    this.starts = new Int32Array(size).fill(-1);
    this.lengths = new Int32Array(size);
    for (let i = 0; i < starts.length; i++) {
      if (starts[i]! < 0) continue;
      let slot = hashes[i]! & this.mask;
      while (this.starts[slot]! >= 0) slot = (slot + 1) & this.mask;
      this.hashes[slot] = hashes[i]!;
      this.values[slot] = values[i]!;
      this.starts[slot] = starts[i]!;
      this.lengths[slot] = lengths[i]!;
    }
  }
}

/** FNV-1a over the bytes, with a final avalanche so that linear probing spreads. */
function hashBytes(buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}
