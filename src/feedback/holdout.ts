/**
 * A stable number in [0, 1) from a string: FNV-1a (32-bit) with a final avalanche mix. The same e-mail
 * always lands on the same side of a train/holdout split, on every machine and in every run.
 *
 * @example
 * stableFraction('ann@farm.com') === stableFraction('ann@farm.com') //=> true
 */
export function stableFraction(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/**
 * Whether a contact belongs to the held-out part: its stable fraction is below `share`.
 *
 * @example
 * isHeldOut('ann@farm.com', 0) //=> false
 */
export function isHeldOut(contact: string, share: number): boolean {
  return stableFraction(contact) < share;
}
