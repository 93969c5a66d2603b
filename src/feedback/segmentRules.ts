import { z } from 'zod';
import { DISPOSITIONS } from '../model/outcome.js';
import { GRADES, TIERS } from '../model/scored.js';

/**
 * Contact flags a segment rule can test or exclude on.
 *
 * @example
 * SEGMENT_FLAGS.includes('optedOut') //=> true
 */
export const SEGMENT_FLAGS = ['optedOut', 'bounced', 'complained', 'doNotCall', 'wrongNumber'] as const;
export type SegmentFlag = (typeof SEGMENT_FLAGS)[number];

const Dispositions = z.array(z.enum(DISPOSITIONS)).min(1);
const Interest = z.number().int().min(1).max(5);

/**
 * One condition of a segment rule: every field that is set must hold (AND). Fields over scores need a
 * scored contact; fields over calls need call outcomes.
 *
 * @example
 * SegmentConditionSchema.parse({ lastDisposition: ['not_interested'], minDaysSinceCall: 90 })
 */
export const SegmentConditionSchema = z.strictObject({
  /** The contact's tier is one of these. */
  tiers: z.array(z.enum(TIERS)).min(1).optional(),
  /** The fit grade is one of these. */
  grades: z.array(z.enum(GRADES)).min(1).optional(),
  /** The grade × tier label is one of these, e.g. `["A1","B1"]`. */
  labels: z.array(z.string().min(1)).min(1).optional(),
  minScore: z.number().finite().optional(),
  maxScore: z.number().finite().optional(),
  /** The contact showed interest in at least one of these topics (compared without case). */
  topics: z.array(z.string().min(1)).min(1).optional(),
  /** Every one of these flags is set. */
  flags: z.array(z.enum(SEGMENT_FLAGS)).min(1).optional(),
  /** `false`: never called; `true`: called at least once (up to `asOf`). */
  called: z.boolean().optional(),
  /** The latest call's disposition is one of these. */
  lastDisposition: Dispositions.optional(),
  /** Some call had one of these dispositions. */
  anyDisposition: Dispositions.optional(),
  /** Whole days since the latest call, at least. A contact never called does not match. */
  minDaysSinceCall: z.number().int().min(0).optional(),
  /** Whole days since the latest call, at most. A contact never called does not match. */
  maxDaysSinceCall: z.number().int().min(0).optional(),
  /** The latest interest rank a rep gave, at least. */
  minInterest: Interest.optional(),
  maxInterest: Interest.optional(),
  /** Unanswered attempts (no answer, voicemail) in a row since the last answered call, at least. */
  minUnanswered: z.number().int().min(1).optional(),
  /** A callback is due (or not) by the end of `asOf`'s day. */
  callbackDue: z.boolean().optional(),
});
export type SegmentCondition = z.infer<typeof SegmentConditionSchema>;

/**
 * A named segment: contacts matching any `when` condition and no `unless` condition.
 *
 * @example
 * SegmentRuleSchema.parse({ name: 'tractor-fans', when: [{ topics: ['tractors'], called: false }] }).unless //=> []
 */
export const SegmentRuleSchema = z.strictObject({
  /** A file-safe name: lower case letters, digits, `-` and `_`. */
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower case letters, digits, "-" or "_"'),
  description: z.string().optional(),
  /** Any of these conditions (OR); each condition is an AND of its fields. */
  when: z.array(SegmentConditionSchema).min(1),
  /** Contacts matching any of these are left out. @default [] */
  unless: z.array(SegmentConditionSchema).default([]),
  /** Flags that exclude a contact from this segment (reported in `excluded`). @default the config's `excludeFlags` */
  excludeFlags: z.array(z.enum(SEGMENT_FLAGS)).optional(),
});
export type SegmentRule = z.infer<typeof SegmentRuleSchema>;
export type SegmentRuleInput = z.input<typeof SegmentRuleSchema>;

/**
 * The default segments, in output order: marketing's lists for the next campaign.
 * @default hot-not-yet-called, interested-nurture, not-interested-90-days, unreachable, won
 *
 * @example
 * DEFAULT_SEGMENT_RULES.map((r) => r.name)[0] //=> 'hot-not-yet-called'
 */
export const DEFAULT_SEGMENT_RULES: readonly SegmentRuleInput[] = Object.freeze([
  {
    name: 'hot-not-yet-called',
    description: 'Hot contacts no rep has called yet: alert sales, keep them warm.',
    when: [{ tiers: ['hot'], called: false }],
    unless: [{ flags: ['doNotCall'] }],
  },
  {
    name: 'interested-nurture',
    description: 'Interested on the phone but not yet won: send them the next step.',
    when: [{ lastDisposition: ['interested', 'callback', 'meeting_booked'] }, { minInterest: 3, called: true }],
    unless: [{ anyDisposition: ['won', 'do_not_call'] }, { lastDisposition: ['not_interested', 'lost'] }],
  },
  {
    name: 'not-interested-90-days',
    description: 'Said no at least 90 days ago: worth one re-engagement campaign.',
    when: [{ lastDisposition: ['not_interested'], minDaysSinceCall: 90 }],
    unless: [{ anyDisposition: ['do_not_call'] }],
  },
  {
    name: 'unreachable',
    description: 'Not reachable by phone or mail: fix the data or reach them another way.',
    when: [{ minUnanswered: 3 }, { flags: ['wrongNumber'] }, { flags: ['bounced'] }],
    unless: [],
  },
  {
    name: 'won',
    description: 'Customers: onboarding and upsell campaigns, not prospecting.',
    when: [{ anyDisposition: ['won'] }],
    unless: [],
  },
]);

/**
 * Segment rules with the flags that keep contacts out of marketing lists (the `segments` part of a
 * config file; `z.toJSONSchema` works on it).
 *
 * @example
 * SegmentsConfigSchema.parse({}).excludeFlags //=> ['optedOut', 'complained']
 */
export const SegmentsConfigSchema = z.strictObject({
  /** @default {@link DEFAULT_SEGMENT_RULES} */
  rules: z
    .array(SegmentRuleSchema)
    .default(() => DEFAULT_SEGMENT_RULES.map((r) => SegmentRuleSchema.parse(r)))
    .refine((rules) => new Set(rules.map((r) => r.name)).size === rules.length, 'segment names must be unique'),
  /** Contacts with any of these flags are left out of every segment (unless a rule says otherwise). @default ["optedOut","complained"] */
  excludeFlags: z.array(z.enum(SEGMENT_FLAGS)).default(['optedOut', 'complained']),
});
export type SegmentsConfig = z.infer<typeof SegmentsConfigSchema>;
export type SegmentsConfigInput = z.input<typeof SegmentsConfigSchema>;
