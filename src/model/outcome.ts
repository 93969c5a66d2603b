import { z } from 'zod';
import { toEpochMs } from './time.js';

/** What happened on a call. */
export const DISPOSITIONS = [
  'no_answer',
  'voicemail',
  'connected',
  'interested',
  'not_interested',
  'callback',
  'meeting_booked',
  'won',
  'lost',
  'do_not_call',
  'wrong_number',
] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

const Instant = z.union([z.number().int(), z.string(), z.date()]).transform((v, ctx) => {
  try {
    return toEpochMs(v);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be a date, epoch milliseconds or an ISO 8601 string' });
    return z.NEVER;
  }
});

/** The result of one call, fed back into the next run. */
export const CallOutcomeSchema = z.object({
  contact: z.string().trim().toLowerCase().email(),
  rep: z.string().optional(),
  /** When the call happened (epoch ms after parsing). */
  at: Instant,
  disposition: z.enum(DISPOSITIONS),
  /** The rep's rank of the contact's interest, 1 (none) to 5 (ready to buy). */
  interest: z.number().int().min(1).max(5).optional(),
  /** When to call back (epoch ms after parsing). */
  callbackAt: Instant.optional(),
  note: z.string().optional(),
});
export type CallOutcome = z.infer<typeof CallOutcomeSchema>;
export type CallOutcomeInput = z.input<typeof CallOutcomeSchema>;

/**
 * Time, then rep, disposition, note, callback and interest: a total order on call outcomes, so that
 * results never depend on the order outcomes were given in.
 *
 * @example
 * [later, earlier].sort(compareOutcomes) //=> [earlier, later]
 */
export function compareOutcomes(a: CallOutcome, b: CallOutcome): number {
  return (
    a.at - b.at ||
    compareText(a.rep ?? '', b.rep ?? '') ||
    DISPOSITIONS.indexOf(a.disposition) - DISPOSITIONS.indexOf(b.disposition) ||
    compareText(a.note ?? '', b.note ?? '') ||
    (a.callbackAt ?? 0) - (b.callbackAt ?? 0) ||
    (a.interest ?? 0) - (b.interest ?? 0)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
