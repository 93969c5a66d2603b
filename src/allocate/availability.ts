import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { getISODay } from 'date-fns/getISODay';
import type { RepLike } from './types.js';

/** Whether a rep works on the list's day, judged in the rep's time zone. */
export interface RepAvailability {
  available: boolean;
  /** The rep's local date of `asOf` (`YYYY-MM-DD`). */
  date: string;
  /** Why not, when not: `day_off` or `out_of_office`. */
  reason?: 'day_off' | 'out_of_office';
}

/**
 * Decides if a rep is working at `asOf`: its local weekday must be a working day (ISO 1–7, default
 * Monday–Friday) and its local date outside every out-of-office date or range.
 *
 * @example
 * repAvailability({ id: 'r', capacity: 5, outOfOffice: ['2026-11-23'] }, Date.parse('2026-11-23T12:00:00Z'))
 * //=> { available: false, date: '2026-11-23', reason: 'out_of_office' }
 */
export function repAvailability(rep: RepLike, asOf: number): RepAvailability {
  const local = new TZDate(asOf, rep.timezone ?? 'UTC');
  const date = format(local, 'yyyy-MM-dd');
  const days = rep.workingDays ?? [1, 2, 3, 4, 5];
  if (!days.includes(getISODay(local))) return { available: false, date, reason: 'day_off' };
  for (const o of rep.outOfOffice ?? []) {
    const from = typeof o === 'string' ? o : o.from;
    const to = typeof o === 'string' ? o : o.to;
    if (date >= from && date <= to) return { available: false, date, reason: 'out_of_office' };
  }
  return { available: true, date };
}
