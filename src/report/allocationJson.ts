import type { Allocation } from '../allocate/types.js';
import { prettyJsonParts } from './jsonParts.js';

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

/**
 * {@link allocationToJson} in pieces, one per list and per unassigned lead, made while they are
 * written: the same bytes, never one string.
 */
export function allocationJsonParts(allocation: Allocation): Iterable<string> {
  return prettyJsonParts(allocation, 2);
}
