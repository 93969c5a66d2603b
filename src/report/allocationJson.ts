import type { Allocation } from '../allocate/types.js';

/**
 * Writes an allocation as pretty JSON with a final newline. Deterministic: the allocation's key and
 * list order is already fixed, so the same allocation always gives the same bytes.
 *
 * @example
 * JSON.parse(allocationToJson(allocation)).stats.totalValue //=> 187.4
 */
export function allocationToJson(allocation: Allocation): string {
  return `${JSON.stringify(allocation, null, 2)}\n`;
}
