import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { getISODay } from 'date-fns/getISODay';
import { zoneOfPlace } from './geo.js';
import type { CallWindow } from './types.js';

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Suggests when to call: the contact's local business hours on `asOf`'s local date (or the next
 * weekday when that date is a weekend), in the contact's time zone, or in the one zone of its region
 * or country. Undefined when the zone is unknown or ambiguous (e.g. Texas spans two zones).
 *
 * @example
 * suggestCallWindow({ timezone: 'Europe/Berlin' }, Date.parse('2026-11-23T06:00:00Z'), { start: '09:00', end: '17:00' })
 * //=> { timeZone: 'Europe/Berlin', source: 'timezone', date: '2026-11-23', localStart: '09:00', localEnd: '17:00',
 * //     start: '2026-11-23T08:00:00.000Z', end: '2026-11-23T16:00:00.000Z' }
 */
export function suggestCallWindow(
  contact: { timezone?: string | undefined; country?: string | undefined; region?: string | undefined },
  asOf: number,
  hours: { start: string; end: string },
): CallWindow | undefined {
  let zone: { timeZone: string; source: CallWindow['source'] } | undefined;
  if (contact.timezone !== undefined && isTimeZone(contact.timezone)) zone = { timeZone: contact.timezone, source: 'timezone' };
  else zone = zoneOfPlace(contact.country, contact.region);
  if (zone === undefined) return undefined;
  let local = new TZDate(asOf, zone.timeZone);
  while (getISODay(local) > 5) local = addDays(local, 1);
  const date = format(local, 'yyyy-MM-dd');
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const at = (hhmm: string): string => {
    const [hh, mm] = hhmm.split(':').map(Number) as [number, number];
    return new Date(new TZDate(y, m - 1, d, hh, mm, 0, zone.timeZone).getTime()).toISOString();
  };
  return {
    timeZone: zone.timeZone,
    source: zone.source,
    date,
    localStart: hours.start,
    localEnd: hours.end,
    start: at(hours.start),
    end: at(hours.end),
  };
}
