/**
 * A binary min-heap of leads keyed by a cost, with lazy deletion: each entry remembers the lead's
 * version when it was pushed, and entries whose lead has moved since are dropped when they surface.
 * Ties are broken by lead index, so the heap's order is total and runs are reproducible.
 */
export class LeadHeap {
  private readonly keys: number[] = [];
  private readonly leads: number[] = [];
  private readonly vers: number[] = [];

  /**
   * False once the top entry was found current and no lead of this heap has moved since (the owner
   * calls {@link touch} when one does): the top is then returned without reading the versions.
   */
  private unchecked = true;
  /** The top entry's lead and cost while the top is known current: read without touching the arrays. */
  private firstLead = -1;
  private firstKey = 0;

  get size(): number {
    return this.keys.length;
  }

  /** Adds `lead` at version `ver` with cost `key`. */
  push(key: number, lead: number, ver: number): void {
    const { keys, leads, vers } = this;
    let i = keys.length;
    keys.push(key);
    leads.push(lead);
    vers.push(ver);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = keys[p]!;
      if (pk < key || (pk === key && leads[p]! < lead)) break;
      keys[i] = pk;
      leads[i] = leads[p]!;
      vers[i] = vers[p]!;
      i = p;
    }
    keys[i] = key;
    leads[i] = lead;
    vers[i] = ver;
    if (i === 0) {
      this.firstLead = lead;
      this.firstKey = key;
    }
  }

  /** Says that a lead with entries here has moved: the next {@link top} checks versions again. */
  touch(): void {
    this.unchecked = true;
  }

  /** Drops stale entries and returns the index of the cheapest current lead, or -1. */
  top(version: Int32Array): number {
    if (!this.unchecked) return this.firstLead;
    this.unchecked = false;
    while (this.keys.length > 0) {
      const lead = this.leads[0]!;
      if (version[lead] === this.vers[0]) {
        this.firstLead = lead;
        this.firstKey = this.keys[0]!;
        return lead;
      }
      this.pop();
    }
    this.firstLead = -1;
    return -1;
  }

  /** The cost of the top entry (call after {@link top} returned a lead). */
  topKey(): number {
    return this.firstKey;
  }

  private pop(): void {
    const { keys, leads, vers } = this;
    const lastKey = keys.pop()!;
    const lastLead = leads.pop()!;
    const lastVer = vers.pop()!;
    const n = keys.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const a = 2 * i + 1;
      if (a >= n) break;
      const b = a + 1;
      let c = a;
      if (b < n && (keys[b]! < keys[a]! || (keys[b] === keys[a] && leads[b]! < leads[a]!))) c = b;
      const ck = keys[c]!;
      if (lastKey < ck || (lastKey === ck && lastLead < leads[c]!)) break;
      keys[i] = ck;
      leads[i] = leads[c]!;
      vers[i] = vers[c]!;
      i = c;
    }
    keys[i] = lastKey;
    leads[i] = lastLead;
    vers[i] = lastVer;
  }
}
