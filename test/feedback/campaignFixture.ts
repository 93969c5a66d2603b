import { callHistories } from '../../src/feedback/callHistory.js';
import type { CampaignReportParts } from '../../src/feedback/campaignReport.js';
import type { EngagementEvent } from '../../src/model/event.js';
import type { CallOutcomeInput } from '../../src/model/outcome.js';
import { at, scoredContact } from './helpers.js';

// A hand-built campaign history whose figures are worked out by hand in campaignReport.test.ts.
const T0 = at('2026-11-01T10:00:00Z');
const H = 3_600_000;
let record = 0;
const ev = (contact: string, type: string, dt: number, extra: Partial<EngagementEvent> = {}): EngagementEvent => ({
  contact,
  type,
  at: T0 + dt,
  campaign: 'Promo',
  message: 'm1',
  source: { format: 'test', record: ++record },
  ...extra,
});
export const S = 'https://shop.example.com';

const promo: EngagementEvent[] = ['a@x.com', 'b@x.com', 'c@x.com', 'd@x.com', 'e@x.com', 'f@x.com'].flatMap((c) => [
  ev(c, 'sent', 0),
  ...(c === 'd@x.com' ? [ev(c, 'bounce', 1000, { bounce: 'hard' })] : [ev(c, 'delivered', 1000)]),
]);
export const events: EngagementEvent[] = [
  ...promo,
  ev('a@x.com', 'open', H),
  ev('a@x.com', 'click', H + 60_000, { url: `${S}/tractors/x9#top` }),
  ev('b@x.com', 'open', H, { machine: true }),
  ev('c@x.com', 'click', 2000, { url: `${S}/tractors/x9`, machine: true }),
  ev('c@x.com', 'click', 2000, { url: `${S}/pricing?utm_source=mail`, machine: true }),
  ev('e@x.com', 'open', 2 * H),
  ev('e@x.com', 'click', 2 * H, { url: `${S}/unsubscribe?id=e` }),
  ev('e@x.com', 'unsubscribe', 2 * H),
  ev('f@x.com', 'open', 3 * H),
  ev('f@x.com', 'complaint', 3 * H),
  ev('g@x.com', 'delivered', 24 * H, { campaign: 'Webinar', message: 'w1' }),
  ev('a@x.com', 'delivered', 24 * H, { campaign: 'Webinar', message: 'w1' }),
  ev('g@x.com', 'click', 30 * H, { campaign: 'Webinar', message: 'w1', url: `${S}/vet/vaccines` }),
  { contact: 'h@x.com', type: 'page_view', at: T0 + 5 * H, source: { format: 'test', record: 99 } },
];

export const outcomes: CallOutcomeInput[] = [
  { contact: 'a@x.com', rep: 'r1', at: T0 + 48 * H, disposition: 'no_answer' },
  { contact: 'a@x.com', rep: 'r2', at: T0 + 50 * H, disposition: 'interested', interest: 4 },
  // g was called before its webinar click: not a follow-up of the webinar.
  { contact: 'g@x.com', rep: 'r1', at: T0 + 20 * H, disposition: 'won' },
];

const topicsOf = (url: string): string[] => (url.includes('/tractors') ? ['tractors'] : url.includes('/vet') ? ['veterinary'] : []);

export function parts(evs: readonly EngagementEvent[], outs: readonly CallOutcomeInput[]): CampaignReportParts {
  const asOf = T0 + 30 * 24 * H;
  const scored = [
    scoredContact('a@x.com', { tier: 'hot', score: 30 }),
    scoredContact('g@x.com', { tier: 'warm', score: 10 }),
    scoredContact('e@x.com', { tier: 'mild', score: 3 }),
    scoredContact('f@x.com', { tier: 'cold', score: 0 }),
  ];
  return {
    asOf,
    events: evs,
    eventsAfterAsOf: 0,
    outcomesAfterAsOf: 0,
    scored: new Map(scored.map((s) => [s.contact, s])),
    histories: callHistories(outs, asOf).byContact,
    topicsOf,
    leadTiers: ['hot', 'warm'],
    rules: {},
    assigned: new Map([['r1', new Set(['a@x.com', 'g@x.com'])], ['r3', new Set(['f@x.com'])]]),
  };
}

