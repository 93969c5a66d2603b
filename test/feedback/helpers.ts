import type { ScoredContact, Tier } from '../../src/model/scored.js';

/** A hand-built scored contact for tests: only what the test names differs from a cold, unflagged contact. */
export function scoredContact(contact: string, over: Partial<ScoredContact> & { tier?: Tier } = {}): ScoredContact {
  const tier = over.tier ?? 'cold';
  const grade = over.grade ?? 'B';
  const digit = { hot: 1, warm: 2, mild: 3, cold: 4 }[tier];
  return {
    rank: 0,
    contact,
    score: 0,
    engagement: 0,
    fit: 0,
    grade,
    tier,
    label: `${grade}${digit}`,
    interests: [],
    reasons: [],
    counts: {},
    flags: { optedOut: false, bounced: false, complained: false, doNotCall: false },
    ...over,
  };
}

/** Epoch ms of an ISO instant. */
export const at = (iso: string): number => Date.parse(iso);
