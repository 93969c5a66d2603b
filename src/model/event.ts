import { z } from 'zod';

/** The event types every adapter maps provider vocabularies onto. Custom strings are allowed too. */
export const CANONICAL_EVENT_TYPES = ['sent', 'delivered', 'open', 'click', 'bounce', 'unsubscribe', 'complaint'] as const;
export type CanonicalEventType = (typeof CANONICAL_EVENT_TYPES)[number];

/** Which adapter produced an event, and from which input record (1-based data row or array index). */
export const EventSourceSchema = z.object({
  format: z.string().min(1),
  record: z.number().int().min(0),
});

/**
 * One email-engagement event, normalised. `contact` is the canonical e-mail (trimmed, lower-cased);
 * `at` is UTC epoch milliseconds; `machine` is true when the provider flagged the event as machine or
 * bot traffic (or a detector classified it), and `machineReason` says which rule fired.
 */
export const EngagementEventSchema = z.object({
  contact: z.string().min(3).max(320),
  /** `sent | delivered | open | click | bounce | unsubscribe | complaint`, or a custom type such as `reply`. */
  type: z.string().min(1).max(64),
  at: z.number().int().finite(),
  campaign: z.string().optional(),
  message: z.string().optional(),
  url: z.string().optional(),
  id: z.string().optional(),
  userAgent: z.string().optional(),
  ip: z.string().optional(),
  machine: z.boolean().optional(),
  /** The rule that classified the event as machine traffic, e.g. `provider_flag`, `bot_user_agent`. */
  machineReason: z.string().optional(),
  bounce: z.enum(['hard', 'soft']).optional(),
  source: EventSourceSchema,
});
export type EngagementEvent = z.infer<typeof EngagementEventSchema>;
export type EventSource = z.infer<typeof EventSourceSchema>;
