import type { ScoringModel } from './schema.js';

const DAY_MS = 86_400_000;

/** Whole calendar months (UTC) from `from` to `to`: 2026-10-23 → 2026-11-22 is 0, → 2026-11-23 is 1. */
export function wholeMonthsUtc(from: number, to: number): number {
  const a = new Date(from);
  const b = new Date(to);
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  const aRest = from - Date.UTC(a.getUTCFullYear(), a.getUTCMonth(), 1);
  const bRest = to - Date.UTC(b.getUTCFullYear(), b.getUTCMonth(), 1);
  if (bRest < aRest) months -= 1;
  return Math.max(0, months);
}

/**
 * The recency factor (0…1) of an event at `at` seen from `asOf` (both epoch ms, `at ≤ asOf`).
 * - `half-life`: 0.5^(age / halfLifeDays);
 * - `step` (HubSpot): (1 − stepPercent/100)^(whole months elapsed / stepMonths, rounded down);
 * - `window` (Marketo): 1 within `windowDays`, else 0;
 * - `none`: 1.
 * Any mode: 0 past `maxAgeDays`.
 *
 * @example
 * decayFactor(asOf - 30 * 86_400_000, asOf, defaultScoringModel.recency) //=> 0.5
 */
export function decayFactor(at: number, asOf: number, recency: ScoringModel['recency']): number {
  const age = Math.max(0, asOf - at);
  const ageDays = age / DAY_MS;
  if (recency.maxAgeDays !== null && ageDays > recency.maxAgeDays) return 0;
  switch (recency.mode) {
    case 'half-life':
      return 0.5 ** (ageDays / recency.halfLifeDays);
    case 'step': {
      const steps = Math.floor(wholeMonthsUtc(at, asOf) / recency.stepMonths);
      return (1 - recency.stepPercent / 100) ** steps;
    }
    case 'window':
      return ageDays <= recency.windowDays ? 1 : 0;
    case 'none':
      return 1;
  }
}

/** "today", "yesterday", "N days ago", by whole days between `at` and `asOf`. */
export function daysAgo(at: number, asOf: number): string {
  const days = Math.floor(Math.max(0, asOf - at) / DAY_MS);
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

/** The UTC day number of an instant (for per-day caps). */
export function utcDay(at: number): number {
  return Math.floor(at / DAY_MS);
}
