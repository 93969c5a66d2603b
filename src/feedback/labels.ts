import type { Disposition } from '../model/outcome.js';
import type { CallHistory } from './callHistory.js';

/** How call outcomes become labels for calibration. */
export type LabelMode = 'won_lost' | 'interest';

/**
 * Positive and negative dispositions per label mode: won vs lost, or interested / meeting / won vs not
 * interested / lost.
 *
 * @example
 * LABEL_DISPOSITIONS.won_lost.positive //=> ['won']
 */
export const LABEL_DISPOSITIONS: Readonly<Record<LabelMode, { positive: readonly Disposition[]; negative: readonly Disposition[] }>> = Object.freeze({
  won_lost: Object.freeze({ positive: Object.freeze(['won'] as Disposition[]), negative: Object.freeze(['lost'] as Disposition[]) }),
  interest: Object.freeze({
    positive: Object.freeze(['interested', 'meeting_booked', 'won'] as Disposition[]),
    negative: Object.freeze(['not_interested', 'lost'] as Disposition[]),
  }),
});

/**
 * Labels contacts from their calls: the latest call with a positive or negative disposition decides
 * (1 or 0). Contacts with no such call get no label.
 *
 * @example
 * labelContacts(histories, 'won_lost').get('ann@farm.com') //=> 1
 */
export function labelContacts(histories: ReadonlyMap<string, CallHistory>, mode: LabelMode): Map<string, 0 | 1> {
  const { positive, negative } = LABEL_DISPOSITIONS[mode];
  const out = new Map<string, 0 | 1>();
  for (const [contact, h] of histories) {
    let label: 0 | 1 | undefined;
    for (const c of h.calls) {
      if (positive.includes(c.disposition)) label = 1;
      else if (negative.includes(c.disposition)) label = 0;
    }
    if (label !== undefined) out.set(contact, label);
  }
  return out;
}
