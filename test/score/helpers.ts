import type { EngagementEvent } from '../../src/model/event.js';

export const asOf = Date.UTC(2026, 10, 23, 12);
export const DAY = 86_400_000;
export const HUMAN_UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)';

let record = 0;

/** An event `daysAgo` before asOf (fractional days allowed), human by default. */
export function ev(contact: string, type: string, daysAgo: number, extra: Partial<EngagementEvent> = {}): EngagementEvent {
  record += 1;
  return {
    contact,
    type,
    at: asOf - Math.round(daysAgo * DAY),
    campaign: 'Spring tractor promo',
    message: 'stp-1',
    ...(type === 'open' || type === 'click' ? { userAgent: HUMAN_UA } : {}),
    ...extra,
    source: { format: 'leadrank', record },
  };
}
