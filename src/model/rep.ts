import { z } from 'zod';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HOUR = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A territory rule written inline on a rep: any field that is set must match. */
export const TerritoryRuleSchema = z.object({
  name: z.string().optional(),
  countries: z.array(z.string()).optional(),
  regions: z.array(z.string()).optional(),
  /** Postal-code prefixes (`"80"`) or inclusive ranges (`"80000-80999"`). */
  postalCodes: z.array(z.string()).optional(),
  domains: z.array(z.string()).optional(),
  companies: z.array(z.string()).optional(),
});
export type TerritoryRule = z.infer<typeof TerritoryRuleSchema>;

/** A date (`YYYY-MM-DD`, in the rep's time zone) or an inclusive range of dates. */
export const OutOfOfficeSchema = z.union([
  z.string().regex(DATE, 'must be a date YYYY-MM-DD'),
  z.object({ from: z.string().regex(DATE, 'must be a date YYYY-MM-DD'), to: z.string().regex(DATE, 'must be a date YYYY-MM-DD') }),
]);

/** A sales rep who takes calls. */
export const RepSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  email: z.string().optional(),
  /** Territory names (matched against a contact's `territory` or named definitions) or inline rules. */
  territories: z.array(z.union([z.string(), TerritoryRuleSchema])).default([]),
  /** Topics the rep knows, matched against leads' interests (e.g. `tractors`, `veterinary`). */
  expertise: z.array(z.string()).default([]),
  /** How many calls fit on one list. */
  capacity: z.number().int().min(0),
  /** Relative share for uneven teams (round-robin and fairness). @default 1 */
  weight: z.number().positive().default(1),
  /** IANA time zone of the rep. @default "UTC" */
  timezone: z.string().optional(),
  /** ISO weekdays the rep works (1 = Monday … 7 = Sunday). @default [1,2,3,4,5] */
  workingDays: z.array(z.number().int().min(1).max(7)).default([1, 2, 3, 4, 5]),
  workingHours: z
    .object({ start: z.string().regex(HOUR, 'must be HH:MM'), end: z.string().regex(HOUR, 'must be HH:MM') })
    .default({ start: '09:00', end: '17:00' }),
  outOfOffice: z.array(OutOfOfficeSchema).default([]),
});
export type Rep = z.infer<typeof RepSchema>;
export type RepInput = z.input<typeof RepSchema>;
