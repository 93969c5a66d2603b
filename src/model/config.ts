import { z } from 'zod';
import { ALLOCATE_DEFAULTS } from '../allocate/defaults.js';
import type { AllocateOptions } from '../allocate/options.js';
import { SegmentsConfigSchema } from '../feedback/segmentRules.js';
import { ScoringModelSchema } from '../score/schema.js';
import { TerritoryRuleSchema } from './rep.js';
import { TIERS } from './scored.js';

const HOUR = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');
const d = ALLOCATE_DEFAULTS;

/**
 * The JSON-representable part of `allocateCalls` options (no `asOf`, no functions, no outcomes or
 * contacts: those come from files). Strict, so a typo is reported; defaults are `ALLOCATE_DEFAULTS`.
 *
 * @example
 * AllocationConfigSchema.parse({ strategy: 'round-robin', territories: { Germany: { countries: ['DE'] } } })
 */
export const AllocationConfigSchema = z.strictObject({
  strategy: z.enum(['optimal', 'round-robin', 'greedy']).optional().meta({ description: 'How leads are assigned.', default: d.strategy }),
  territories: z
    .record(z.string(), z.union([TerritoryRuleSchema, z.array(TerritoryRuleSchema)]))
    .optional()
    .meta({ description: 'Named territory definitions that reps list by name (e.g. "US South").', default: {} }),
  noTerritoryPolicy: z
    .union([z.enum(['any', 'unassigned']), z.strictObject({ fallback: z.string().min(1) })])
    .optional()
    .meta({ description: 'What happens to a lead without territory data.', default: d.noTerritoryPolicy }),
  expertise: z
    .strictObject({
      mode: z.enum(['factor', 'required']).optional(),
      exact: z.number().min(0).optional(),
      partial: z.number().min(0).optional(),
      none: z.number().min(0).optional(),
    })
    .optional()
    .meta({ description: "Rep topics against the lead's interests.", default: { ...d.expertise } }),
  ownership: z.enum(['sticky', 'prefer', 'ignore']).optional().meta({ description: 'Whether CRM owners keep their contacts.', default: d.ownership }),
  ownerFactor: z.number().min(0).optional().meta({ description: "The owner's fit multiplier under ownership \"prefer\".", default: d.ownerFactor }),
  minTier: z.enum(TIERS).optional().meta({ description: 'Only leads at or above this tier enter the lists.' }),
  minScore: z.number().finite().optional().meta({ description: 'Leads must score at least this.', default: d.minScore }),
  cooldownDays: z.number().min(0).optional().meta({ description: 'Days after a call during which a contact is skipped unless it engaged again.', default: d.cooldownDays }),
  fairness: z.boolean().optional().meta({ description: 'Deal hot leads evenly among the reps who can take them.', default: d.fairness }),
  businessHours: z.strictObject({ start: HOUR, end: HOUR }).optional().meta({ description: "The contact's local business hours for the call window.", default: { ...d.businessHours } }),
  reasons: z.number().int().min(0).optional().meta({ description: 'Scoring reasons shown per call-list entry.', default: d.reasons }),
});
export type AllocationConfig = z.infer<typeof AllocationConfigSchema>;

// Compile-time check: every allocation config field is an `allocateCalls` option of the same type.
type Defined<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]: Defined<Exclude<T[K], undefined>> } : T;
type Check<T extends Partial<AllocateOptions>> = T;
/** Compile-time proof that {@link AllocationConfig} fits `AllocateOptions` (not for use). */
export type AllocationConfigIsAllocateOptions = Check<Defined<AllocationConfig>>;

/**
 * The schema of `leadrank.json`, the CLI's config file: `scoring` (a partial scoring model, merged over
 * the defaults), `allocation` (call-list policy) and `segments` (marketing's segment rules). Composed
 * from the stages' own schemas; `z.toJSONSchema(LeadrankConfigSchema, { io: 'input' })` is shipped as
 * `leadrank.schema.json` for editors.
 *
 * @example
 * LeadrankConfigSchema.parse({ scoring: { recency: { halfLifeDays: 14 } }, allocation: { cooldownDays: 3 } })
 */
export const LeadrankConfigSchema = z.strictObject({
  $schema: z.string().optional().meta({ description: 'The JSON Schema this file follows (for editors).' }),
  scoring: ScoringModelSchema.optional().meta({ description: 'The scoring model: only what differs from the defaults is needed.' }),
  allocation: AllocationConfigSchema.optional().meta({ description: 'How leads become call lists.' }),
  segments: SegmentsConfigSchema.optional().meta({ description: "Segment rules for marketing's next campaign." }),
});
export type LeadrankConfigInput = z.input<typeof LeadrankConfigSchema>;

/**
 * The JSON Schema of `leadrank.json` (draft 2020-12), for editors' autocompletion and checks.
 *
 * @example
 * leadrankConfigJsonSchema().properties.scoring //=> { type: 'object', … }
 */
export function leadrankConfigJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(LeadrankConfigSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'leadrank.json', description: 'Configuration of the leadrank CLI (scoring, allocation, segments).' };
}
