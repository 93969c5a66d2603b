import { z } from 'zod';
import { ContactSchema } from '../model/contact.js';
import type { Contact, ContactInput } from '../model/contact.js';
import { LeadrankError, issuesFromZod } from '../model/errors.js';
import type { CallOutcome, CallOutcomeInput } from '../model/outcome.js';
import { TerritoryRuleSchema } from '../model/rep.js';
import { TIERS } from '../model/scored.js';
import type { Tier } from '../model/scored.js';
import { toEpochMs } from '../model/time.js';
import type { TimeInput } from '../model/time.js';
import { ALLOCATE_DEFAULTS } from './defaults.js';
import type { AssignmentStrategy, StrategyName } from './strategies/index.js';
import type { TerritoryDefinitions } from './territory.js';
import type { LeadLike, RepLike } from './types.js';

/** Options of `allocateCalls`. Every field but `asOf` has a default in {@link ALLOCATE_DEFAULTS}. */
export interface AllocateOptions<L extends LeadLike = LeadLike> {
  /** The moment the lists are for: availability, cooldowns, due callbacks and call windows use it. */
  asOf: TimeInput;
  /** `'optimal'` (exact), `'round-robin'`, `'greedy'`, or your own function. @default "optimal" */
  strategy?: StrategyName | AssignmentStrategy;
  /** Replaces the built-in fit: a number ≥ 0, or `null` when the rep may not take the lead. */
  fit?: (lead: L, rep: RepLike) => number | null;
  /** Named territory definitions that reps can list by name. */
  territories?: TerritoryDefinitions;
  /** What happens to a lead with no territory data. @default "any" */
  noTerritoryPolicy?: 'any' | 'unassigned' | { fallback: string };
  expertise?: Partial<{ mode: 'factor' | 'required'; exact: number; partial: number; none: number }>;
  /** @default "sticky" */
  ownership?: 'sticky' | 'prefer' | 'ignore';
  /** @default 1.25 */
  ownerFactor?: number;
  /** Only leads at or above this tier enter the lists (leads without a tier are judged by score). */
  minTier?: Tier;
  /** @default 0 */
  minScore?: number;
  /** @default 7 */
  cooldownDays?: number;
  /** Past call outcomes: cooldowns, do-not-call, wrong numbers, due callbacks, previous notes. */
  outcomes?: readonly (CallOutcomeInput | CallOutcome)[];
  /** Deal hot leads evenly (±1, by weight) among the reps who can take them. @default false */
  fairness?: boolean;
  /** CRM records for leads that carry no `details`. */
  contacts?: readonly (ContactInput | Contact)[];
  /** @default { start: "09:00", end: "17:00" } */
  businessHours?: { start: string; end: string };
  /** Scoring reasons shown per entry. @default 3 */
  reasons?: number;
}

const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'must be a function');
const HOUR = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');

const OptionsSchema = z.object({
  asOf: z.union([z.number(), z.string(), z.date()]),
  strategy: z.union([z.enum(['optimal', 'round-robin', 'greedy']), fn]).optional(),
  fit: fn.optional(),
  territories: z.record(z.string(), z.union([TerritoryRuleSchema, z.array(TerritoryRuleSchema)])).optional(),
  noTerritoryPolicy: z.union([z.enum(['any', 'unassigned']), z.object({ fallback: z.string().min(1) })]).optional(),
  expertise: z
    .object({
      mode: z.enum(['factor', 'required']).optional(),
      exact: z.number().min(0).optional(),
      partial: z.number().min(0).optional(),
      none: z.number().min(0).optional(),
    })
    .optional(),
  ownership: z.enum(['sticky', 'prefer', 'ignore']).optional(),
  ownerFactor: z.number().min(0).optional(),
  minTier: z.enum(TIERS).optional(),
  minScore: z.number().finite().optional(),
  cooldownDays: z.number().min(0).optional(),
  outcomes: z.array(z.unknown()).optional(),
  fairness: z.boolean().optional(),
  contacts: z.array(z.unknown()).optional(),
  businessHours: z.object({ start: HOUR, end: HOUR }).optional(),
  reasons: z.number().int().min(0).optional(),
});

/** Options after validation and defaults. */
export interface ResolvedAllocateOptions<L extends LeadLike> {
  asOf: number;
  strategyName: string;
  strategy: StrategyName | AssignmentStrategy;
  fit: ((lead: L, rep: RepLike) => number | null) | undefined;
  territories: TerritoryDefinitions;
  noTerritoryPolicy: 'any' | 'unassigned' | { fallback: string };
  expertise: { mode: 'factor' | 'required'; exact: number; partial: number; none: number };
  ownership: 'sticky' | 'prefer' | 'ignore';
  ownerFactor: number;
  minTier: Tier | undefined;
  minScore: number;
  cooldownDays: number;
  outcomes: readonly (CallOutcomeInput | CallOutcome)[];
  fairness: boolean;
  contacts: Map<string, Contact>;
  businessHours: { start: string; end: string };
  reasons: number;
}

/**
 * Validates `allocateCalls` options once, at the boundary, and fills in the defaults. Misuse throws
 * a {@link LeadrankError} naming the option and the value.
 *
 * @example
 * resolveAllocateOptions({ asOf: '2026-11-23' }).cooldownDays //=> 7
 */
export function resolveAllocateOptions<L extends LeadLike>(options: AllocateOptions<L>): ResolvedAllocateOptions<L> {
  if (options === null || typeof options !== 'object') {
    throw new LeadrankError([{ code: 'invalid_options', field: 'options', message: 'must be an object with at least asOf' }]);
  }
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) throw new LeadrankError(issuesFromZod(parsed.error, options, { field: 'options' }));
  const d = ALLOCATE_DEFAULTS;
  const contacts = new Map<string, Contact>();
  (options.contacts ?? []).forEach((raw, i) => {
    const r = ContactSchema.safeParse(raw);
    if (!r.success) throw new LeadrankError(issuesFromZod(r.error, raw, { file: 'contacts', row: i + 1 }));
    contacts.set(r.data.email, r.data);
  });
  const strategy = options.strategy ?? d.strategy;
  return {
    asOf: toEpochMs(options.asOf),
    strategyName: typeof strategy === 'string' ? strategy : strategy.name || 'custom',
    strategy,
    fit: options.fit,
    territories: options.territories ?? {},
    noTerritoryPolicy: options.noTerritoryPolicy ?? d.noTerritoryPolicy,
    expertise: { ...d.expertise, ...stripUndefined(options.expertise ?? {}) },
    ownership: options.ownership ?? d.ownership,
    ownerFactor: options.ownerFactor ?? d.ownerFactor,
    minTier: options.minTier,
    minScore: options.minScore ?? d.minScore,
    cooldownDays: options.cooldownDays ?? d.cooldownDays,
    outcomes: options.outcomes ?? [],
    fairness: options.fairness ?? d.fairness,
    contacts,
    businessHours: options.businessHours ?? d.businessHours,
    reasons: options.reasons ?? d.reasons,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
