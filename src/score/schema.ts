import { z } from 'zod';
import {
  DEFAULT_BUILTIN_LINK_RULES,
  DEFAULT_EVENT_WEIGHTS,
  DEFAULT_GENERIC_SEGMENTS,
  DEFAULT_GRADES,
  DEFAULT_MACHINE,
  DEFAULT_ONCE_PER_MESSAGE,
  DEFAULT_RECENCY,
  DEFAULT_TIERS,
} from './defaults.js';

const num = z.number().finite();
const nonNeg = num.min(0);
const seconds = num.min(0).max(3600);
const pattern = z.string().min(1).max(500).describe('host/path prefix, `/path` prefix, or glob with `*` (no regex)');

/** A URL rule: the first rule whose pattern matches a clicked link decides its weight and topics. */
export const LinkRuleSchema = z.strictObject({
  pattern,
  /** Multiplies the event type's weight. @default 1 */
  multiplier: nonNeg.optional(),
  /** Replaces the event type's weight for this link. */
  weight: num.optional(),
  /** Topics of the link; without them the first meaningful path segment is the topic. */
  topics: z.array(z.string().min(1)).optional(),
  /** Footer and careers links: the click scores 0 and gives no topic. */
  notInterest: z.boolean().optional(),
  /** How reasons name the link, e.g. `pricing`. */
  label: z.string().min(1).optional(),
});
export type LinkRule = z.infer<typeof LinkRuleSchema>;

/** Maps a campaign (name) or message (id) to topics, and optionally weighs its events. */
export const CampaignRuleSchema = z.strictObject({
  match: pattern,
  topics: z.array(z.string().min(1)).default([]),
  /** @default 1 */
  multiplier: nonNeg.optional(),
});
export type CampaignRule = z.infer<typeof CampaignRuleSchema>;

export const FIT_OPERATORS = ['equals', 'notEquals', 'in', 'contains', 'startsWith', 'gte', 'lte', 'exists'] as const;

/** A fit rule on a contact field (`title`, `country`, `region`, …) or attribute (`attributes.acres`). */
export const FitRuleSchema = z.strictObject({
  field: z.string().min(1),
  op: z.enum(FIT_OPERATORS),
  value: z.union([z.string(), num, z.boolean(), z.array(z.union([z.string(), num]))]).optional(),
  points: num,
  label: z.string().optional(),
});
export type FitRule = z.infer<typeof FitRuleSchema>;

const toggle = <T extends z.ZodRawShape>(shape: T) => z.strictObject({ enabled: z.boolean().default(true), ...shape }).prefault({} as never);

/**
 * The scoring model: every field has a documented default (see `defaults.ts`), every object is strict
 * so a typo in a config is reported. JSON-representable: `z.toJSONSchema(ScoringModelSchema)` works.
 */
export const ScoringModelSchema = z.strictObject({
  weights: z
    .strictObject({
      /** Points per event type, custom types included. */
      events: z.record(z.string().min(1), num).default({ ...DEFAULT_EVENT_WEIGHTS }),
      /** Bonus points per counted event carrying the topic (from link or campaign rules). @default {} */
      topics: z.record(z.string().min(1), num).default({}),
    })
    .prefault({}),
  repeats: z
    .strictObject({
      oncePerMessage: z.array(z.string().min(1)).default([...DEFAULT_ONCE_PER_MESSAGE]),
      /** A click counts once per distinct link per message. @default true */
      clickOncePerLink: z.boolean().default(true),
    })
    .prefault({}),
  links: z
    .strictObject({
      rules: z.array(LinkRuleSchema).default([]),
      builtin: z.array(LinkRuleSchema).default(DEFAULT_BUILTIN_LINK_RULES.map((r) => ({ ...r }))),
      /** The first meaningful path segment becomes the link's topic (`/tractors/x9` → `tractors`). @default true */
      topicFromPath: z.boolean().default(true),
      genericSegments: z.array(z.string()).default([...DEFAULT_GENERIC_SEGMENTS]),
    })
    .prefault({}),
  campaigns: z.array(CampaignRuleSchema).default([]),
  recency: z
    .strictObject({
      mode: z.enum(['half-life', 'step', 'window', 'none']).default(DEFAULT_RECENCY.mode),
      halfLifeDays: num.positive().default(DEFAULT_RECENCY.halfLifeDays),
      maxAgeDays: num.positive().nullable().default(DEFAULT_RECENCY.maxAgeDays),
      stepPercent: num.min(0).max(100).default(DEFAULT_RECENCY.stepPercent),
      stepMonths: z.number().int().min(1).default(DEFAULT_RECENCY.stepMonths),
      windowDays: num.positive().default(DEFAULT_RECENCY.windowDays),
    })
    .prefault({}),
  /** Engagement never goes below 0 (Marketo advice). @default true */
  floor: z.boolean().default(true),
  caps: z
    .strictObject({
      /** Counted events per type per UTC day (the strongest are kept). @default 20 */
      perTypePerDay: z.number().int().min(1).nullable().default(20),
      /** Engagement never exceeds this. @default null */
      total: num.positive().nullable().default(null),
    })
    .prefault({}),
  negatives: z
    .strictObject({
      /** Soft bounces that make a contact `bounced` (Pardot: 5). @default 5 */
      softBouncesToBounced: z.number().int().min(1).default(5),
    })
    .prefault({}),
  machine: z
    .strictObject({
      providerFlag: toggle({}),
      appleMpp: toggle({ userAgents: z.array(z.string()).default([...DEFAULT_MACHINE.appleMpp.userAgents]) }),
      botUserAgent: toggle({}),
      afterDelivery: toggle({ seconds: seconds.default(DEFAULT_MACHINE.afterDelivery.seconds) }),
      proximity: toggle({ seconds: num.min(0).max(3).default(DEFAULT_MACHINE.proximity.seconds) }),
      linkBurst: toggle({
        links: z.number().int().min(2).default(DEFAULT_MACHINE.linkBurst.links),
        seconds: seconds.default(DEFAULT_MACHINE.linkBurst.seconds),
      }),
      allLinks: toggle({
        minLinks: z.number().int().min(2).default(DEFAULT_MACHINE.allLinks.minLinks),
        /** The first clicks of all the links fall within this many seconds. @default 30 */
        seconds: seconds.default(DEFAULT_MACHINE.allLinks.seconds),
      }),
      honeypot: toggle({
        patterns: z.array(pattern).default([]),
        seconds: seconds.default(DEFAULT_MACHINE.honeypot.seconds),
      }),
      /** Machine events score this fraction of a human event. @default 0 */
      multiplier: nonNeg.default(DEFAULT_MACHINE.multiplier),
    })
    .prefault({}),
  fit: z
    .strictObject({
      rules: z.array(FitRuleSchema).default([]),
      grades: z
        .strictObject({ A: num.default(DEFAULT_GRADES.A), B: num.default(DEFAULT_GRADES.B), C: num.default(DEFAULT_GRADES.C) })
        .prefault({}),
    })
    .prefault({}),
  tiers: z
    .strictObject({ hot: num.default(DEFAULT_TIERS.hot), warm: num.default(DEFAULT_TIERS.warm), mild: num.default(DEFAULT_TIERS.mild) })
    .prefault({}),
  reasons: z
    .strictObject({
      /** Sentences per contact. @default 5 */
      max: z.number().int().min(0).max(50).default(5),
      /** Carry the full ledger on each scored contact. @default true */
      ledger: z.boolean().default(true),
    })
    .prefault({}),
});

/** The resolved scoring model (every field present). */
export type ScoringModel = z.output<typeof ScoringModelSchema>;
/** A scoring config as written: any field may be left out. */
export type ScoringModelInput = z.input<typeof ScoringModelSchema>;
