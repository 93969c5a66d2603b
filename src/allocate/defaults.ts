/** The allocate stage's defaults, resolved once and frozen. */
export const ALLOCATE_DEFAULTS = Object.freeze({
  /** The assignment strategy. @default "optimal" */
  strategy: 'optimal' as const,
  /**
   * What happens to a lead whose contact has no territory data (no `territory`, country, region or
   * postal code) when a rep lists territories: `'any'` lets every rep take it.
   * @default "any"
   */
  noTerritoryPolicy: 'any' as const,
  /**
   * Expertise: rep topics against the lead's interests. `factor` multiplies the value: the lead's top
   * interest in the rep's expertise (`exact`) beats another interest (`partial`) beats none.
   * `required` lets a rep with expertise take only leads that match it.
   * @default { mode: "factor", exact: 1, partial: 0.8, none: 0.6 }
   */
  expertise: Object.freeze({ mode: 'factor' as const, exact: 1, partial: 0.8, none: 0.6 }),
  /**
   * Ownership: `sticky` keeps a contact with its owner while the owner is eligible and has room;
   * `prefer` multiplies the owner's fit by `ownerFactor`; `ignore` does neither.
   * @default "sticky"
   */
  ownership: 'sticky' as const,
  /** The fit multiplier for the owner under `ownership: 'prefer'`. @default 1.25 */
  ownerFactor: 1.25,
  /** Leads must score above this (tierless leads) or at least this (tiered leads). @default 0 */
  minScore: 0,
  /** Days after a call during which a contact is skipped unless it engaged again. @default 7 */
  cooldownDays: 7,
  /** Deal hot leads evenly (±1, by weight) among the reps who can take them. @default false */
  fairness: false,
  /** The contact's local business hours used for the suggested call window. @default { start: "09:00", end: "17:00" } */
  businessHours: Object.freeze({ start: '09:00', end: '17:00' }),
  /** How many scoring reasons an entry shows. @default 3 */
  reasons: 3,
});
