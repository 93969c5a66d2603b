import { describe, expect, it } from 'vitest';
import { repAvailability } from '../../src/allocate/availability.js';
import { suggestCallWindow } from '../../src/allocate/callWindow.js';

describe('repAvailability', () => {
  it('judges out-of-office dates in the rep time zone', () => {
    // 2026-11-23T03:00Z is still Sunday the 22nd in Chicago, but Monday the 23rd in Berlin.
    const at = Date.parse('2026-11-23T03:00:00Z');
    const ooo = ['2026-11-23'];
    expect(repAvailability({ id: 'de', capacity: 5, timezone: 'Europe/Berlin', outOfOffice: ooo }, at)).toEqual({ available: false, date: '2026-11-23', reason: 'out_of_office' });
    expect(repAvailability({ id: 'us', capacity: 5, timezone: 'America/Chicago', workingDays: [7], outOfOffice: ooo }, at)).toEqual({ available: true, date: '2026-11-22' });
  });

  it('gives a rep its days off and honours date ranges', () => {
    const saturday = Date.parse('2026-11-21T12:00:00Z');
    expect(repAvailability({ id: 'r', capacity: 5 }, saturday).reason).toBe('day_off');
    const range = [{ from: '2026-11-20', to: '2026-11-27' }];
    expect(repAvailability({ id: 'r', capacity: 5, outOfOffice: range }, Date.parse('2026-11-23T12:00:00Z')).reason).toBe('out_of_office');
    expect(repAvailability({ id: 'r', capacity: 5, outOfOffice: range }, Date.parse('2026-11-30T12:00:00Z')).available).toBe(true);
  });
});

describe('suggestCallWindow', () => {
  const hours = { start: '09:00', end: '17:00' };

  it('uses the contact time zone for local business hours', () => {
    const w = suggestCallWindow({ timezone: 'America/Chicago' }, Date.parse('2026-11-23T12:00:00Z'), hours);
    expect(w).toMatchObject({ date: '2026-11-23', start: '2026-11-23T15:00:00.000Z', end: '2026-11-23T23:00:00.000Z', source: 'timezone' });
  });

  it('falls back to an unambiguous region or country, and gives up when ambiguous', () => {
    expect(suggestCallWindow({ country: 'US', region: 'IA' }, Date.parse('2026-11-23T12:00:00Z'), hours)?.timeZone).toBe('America/Chicago');
    expect(suggestCallWindow({ country: 'US', region: 'Texas' }, Date.parse('2026-11-23T12:00:00Z'), hours)).toBeUndefined();
    expect(suggestCallWindow({ timezone: 'Not/AZone', country: 'Germany' }, Date.parse('2026-11-23T12:00:00Z'), hours)?.source).toBe('country');
  });

  it('moves a weekend to the next Monday', () => {
    expect(suggestCallWindow({ timezone: 'Europe/Berlin' }, Date.parse('2026-11-21T12:00:00Z'), hours)?.date).toBe('2026-11-23');
  });
});
