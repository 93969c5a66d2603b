import type { Contact } from '../model/contact.js';
import { LeadrankError, showValue } from '../model/errors.js';
import type { Rep, TerritoryRule } from '../model/rep.js';
import { matchExpertise } from './expertise.js';
import type { ResolvedAllocateOptions } from './options.js';
import { hasTerritoryData, isFilled, matchTerritories } from './territory.js';
import type { ExpertiseMatch, LeadLike, RepLike } from './types.js';

/** How one rep fits one lead, or why it may not take it. */
export interface PairFit {
  fit: number;
  territory?: string;
  expertise: ExpertiseMatch;
  topic?: string;
  owner: boolean;
}

/**
 * The reps that may take one lead (indices ascending) and how each fits. Leads of one kind share a
 * row, so a row costs memory per kind of lead, not per lead and rep.
 */
export interface PairRow {
  reps: Int32Array;
  fits: readonly PairFit[];
  /** `fits[j].fit`, unboxed for the edge copy. */
  fit: Float64Array;
}

/** The fit of rep `r` in `row`, or undefined when the rep may not take the lead. */
export function pairAt(row: PairRow, r: number): PairFit | undefined {
  const at = pairIndex(row, r);
  return at < 0 ? undefined : row.fits[at];
}

function pairIndex(row: PairRow, r: number): number {
  let lo = 0;
  let hi = row.reps.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = row.reps[mid]!;
    if (k === r) return mid;
    if (k < r) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function toRow(all: readonly (PairFit | null)[]): PairRow {
  const reps: number[] = [];
  const fits: PairFit[] = [];
  all.forEach((p, r) => {
    if (p === null) return;
    reps.push(r);
    fits.push(p);
  });
  return { reps: Int32Array.from(reps), fits, fit: Float64Array.from(fits, (x) => x.fit) };
}

/** A lead ready for pairing. */
export interface PreparedLead<L extends LeadLike> {
  contact: string;
  lead: L;
  details: Contact | undefined;
}

/** A map keyed by a sequence of keys, walked one key at a time: a lookup makes no key string. */
class KeyPath<V> {
  private readonly next = new Map<string | number, KeyPath<V>>();
  value: V | undefined;

  to(key: string | number): KeyPath<V> {
    let t = this.next.get(key);
    if (t === undefined) {
      t = new KeyPath<V>();
      this.next.set(key, t);
    }
    return t;
  }
}

/**
 * Builds the function that gives a lead its row: the reps allowed to take it, each with its fit from
 * territory (with the no-territory policy), expertise (factor or requirement), ownership preference,
 * or the caller's own `fit`. Leads with the same territory attributes and interests share one row,
 * so a run over a million leads evaluates rules only once per distinct kind of lead, and a lookup
 * allocates nothing.
 *
 * @example
 * const rowOf = makePairRows(resolveAllocateOptions({ asOf: 0 }), [{ rep, original: rep }]);
 * rowOf('ann@farm.com', lead, undefined, -1).fits //=> [{ fit: 1, expertise: 'exact', topic: 'tractors', owner: false }]
 */
export function makePairRows<L extends LeadLike>(
  o: ResolvedAllocateOptions<L>,
  reps: readonly { rep: Rep; original: RepLike }[],
): (contact: string, lead: L, details: Contact | undefined, owner: number) => PairRow {
  const rules = [...reps.flatMap((r) => r.rep.territories.filter((t): t is TerritoryRule => typeof t !== 'string')), ...Object.values(o.territories).flat()];
  const usesDomain = rules.some((r) => r.domains !== undefined);
  const usesCompany = rules.some((r) => r.companies !== undefined);
  const usesCountry = rules.some((r) => r.countries !== undefined || r.regions !== undefined); // regions are read within a country
  const usesRegion = rules.some((r) => r.regions !== undefined);
  const usesPostal = rules.some((r) => r.postalCodes !== undefined);
  // Territory labels depend on where the lead is (the place: its territory name, the fields some
  // rule reads, and for the others only whether they are filled, which the no-territory policy
  // looks at); fits on the place and what it wants (its topics). Each is worked out once per
  // distinct value (1M leads in 100 territories with 5 topics: 100 + 500 rows, not 1M).
  const places = new KeyPath<{ where: (string | null)[]; kinds: KeyPath<{ all: (PairFit | null)[]; row: PairRow }> }>();

  // A PreparedLead is made only where a row is new, or for the caller's `fit`.
  const baseRow = (contact: string, lead: L, d: Contact | undefined): { all: (PairFit | null)[]; row: PairRow } => {
    const domain = usesDomain ? contact.slice(contact.lastIndexOf('@') + 1) : '';
    let at = places.to(d?.territory ?? '');
    if (usesCountry) at = at.to(d?.country ?? '');
    if (usesRegion) at = at.to(d?.region ?? '');
    if (usesPostal) at = at.to(d?.postalCode ?? '');
    if (usesCompany) at = at.to(d?.company ?? '');
    if (usesDomain) at = at.to(domain);
    at = at.to((!usesCountry && isFilled(d?.country) ? 1 : 0) | (!usesRegion && isFilled(d?.region) ? 2 : 0) | (!usesPostal && isFilled(d?.postalCode) ? 4 : 0));
    let kind = (at.value ??= { where: reps.map(({ rep }) => territoryOf({ contact, lead, details: d }, rep, o)), kinds: new KeyPath() }).kinds;
    for (const i of lead.interests ?? []) kind = kind.to(i.topic);
    if (kind.value !== undefined) return kind.value;
    const p: PreparedLead<L> = { contact, lead, details: d };
    const { where } = at.value;
    const all = reps.map(({ rep }, r) => basePair(p, rep, o, where[r]!));
    kind.value = { all, row: toRow(all) };
    return kind.value;
  };

  return (contact, lead, details, owner) => {
    const base = baseRow(contact, lead, details);
    let row = base.row;
    if (o.fit !== undefined) {
      const p: PreparedLead<L> = { contact, lead, details };
      const all = reps.map(({ rep, original }, r) => {
        const f = o.fit!(p.lead, original);
        if (f === null) return null;
        if (typeof f !== 'number' || !Number.isFinite(f) || f < 0) {
          throw new LeadrankError([{ code: 'invalid_fit', field: 'options.fit', message: `must return a number ≥ 0 or null for ${p.contact} and rep ${rep.id} (got ${showValue(f)})` }]);
        }
        return { ...(base.all[r] ?? expertiseOnly(p, rep)), fit: f };
      });
      row = toRow(all);
    }
    const at = owner < 0 ? -1 : pairIndex(row, owner);
    if (at < 0) return row;
    const own = row.fits[at]!;
    const fits = [...row.fits];
    fits[at] = { ...own, owner: true, fit: o.fit === undefined && o.ownership === 'prefer' ? own.fit * o.ownerFactor : own.fit };
    const fit = row.fit.slice();
    fit[at] = fits[at]!.fit;
    return { reps: row.reps, fits, fit };
  };
}

/** The built-in fit of one pair (owner aside): territory, then expertise. */
function basePair<L extends LeadLike>(p: PreparedLead<L>, rep: Rep, o: ResolvedAllocateOptions<L>, territory: string | null): PairFit | null {
  if (territory === null && o.fit === undefined) return null;
  const pair = expertiseOnly(p, rep);
  if (o.fit === undefined) {
    if (o.expertise.mode === 'required' && rep.expertise.length > 0 && pair.expertise === 'none') return null;
    pair.fit = o.expertise.mode === 'factor' ? o.expertise[pair.expertise] : 1;
  }
  if (territory !== null && territory !== '') pair.territory = territory;
  return pair;
}

function expertiseOnly<L extends LeadLike>(p: PreparedLead<L>, rep: Rep): PairFit {
  const m = matchExpertise(rep.expertise, p.lead.interests ?? []);
  const pair: PairFit = { fit: 1, expertise: m.match, owner: false };
  if (m.topic !== undefined) pair.topic = m.topic;
  return pair;
}

/** The matching territory label, `''` for a rep without territories, or null when not allowed. */
function territoryOf<L extends LeadLike>(p: PreparedLead<L>, rep: Rep, o: ResolvedAllocateOptions<L>): string | null {
  if (rep.territories.length === 0) return '';
  const d = p.details;
  const c: { email: string; territory?: string; country?: string; region?: string; postalCode?: string; company?: string } = { email: p.contact };
  for (const k of ['territory', 'country', 'region', 'postalCode', 'company'] as const) {
    const v = d?.[k];
    if (v !== undefined) c[k] = v;
  }
  const hit = matchTerritories(c, rep.territories, o.territories);
  if (hit !== undefined) return hit;
  if (hasTerritoryData(c)) return null;
  const policy = o.noTerritoryPolicy;
  if (policy === 'any') return 'no territory data (any rep)';
  if (policy === 'unassigned') return null;
  return policy.fallback === rep.id ? 'no territory data (fallback rep)' : null;
}
