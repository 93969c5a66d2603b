import type { Contact } from '../model/contact.js';
import { LeadrankError, showValue } from '../model/errors.js';
import type { Rep, TerritoryRule } from '../model/rep.js';
import { matchExpertise } from './expertise.js';
import type { ResolvedAllocateOptions } from './options.js';
import { hasTerritoryData, matchTerritories } from './territory.js';
import type { ExpertiseMatch, LeadLike, RepLike } from './types.js';

/** How one rep fits one lead, or why it may not take it. */
export interface PairFit {
  fit: number;
  territory?: string;
  expertise: ExpertiseMatch;
  topic?: string;
  owner: boolean;
}

/** A lead ready for pairing. */
export interface PreparedLead<L extends LeadLike> {
  contact: string;
  lead: L;
  details: Contact | undefined;
  /** The owning rep id (CRM owner matched to a rep, else the rep of the last connected call). */
  owner: string | undefined;
}

/**
 * Builds the function that gives a lead its row of pair fits, one per rep (null = not allowed):
 * territory (with the no-territory policy), expertise (factor or requirement), ownership preference,
 * or the caller's own `fit`. Leads with the same territory attributes and interests share one row,
 * so a run over 50,000 leads evaluates rules only once per distinct kind of lead.
 *
 * @example
 * const rowOf = makePairRows(resolveAllocateOptions({ asOf: 0 }), [{ rep, original: rep }]);
 * rowOf(preparedLead) //=> [{ fit: 1, expertise: 'exact', topic: 'tractors', owner: false }]
 */
export function makePairRows<L extends LeadLike>(
  o: ResolvedAllocateOptions<L>,
  reps: readonly { rep: Rep; original: RepLike }[],
): (p: PreparedLead<L>) => (PairFit | null)[] {
  const rules = [...reps.flatMap((r) => r.rep.territories.filter((t): t is TerritoryRule => typeof t !== 'string')), ...Object.values(o.territories).flat()];
  const usesDomain = rules.some((r) => r.domains !== undefined);
  const usesCompany = rules.some((r) => r.companies !== undefined);
  const rows = new Map<string, (PairFit | null)[]>();
  const ownerIndex = new Map(reps.map((r, i) => [r.rep.id, i]));

  const baseRow = (p: PreparedLead<L>): (PairFit | null)[] => {
    const d = p.details;
    const domain = p.contact.slice(p.contact.lastIndexOf('@') + 1);
    const topics = (p.lead.interests ?? []).map((i) => i.topic);
    const key = [d?.territory, d?.country, d?.region, d?.postalCode, usesCompany ? d?.company : '', usesDomain ? domain : '', ...topics].join('\u0001');
    const hit = rows.get(key);
    if (hit) return hit;
    const row = reps.map(({ rep }) => basePair(p, rep, o));
    rows.set(key, row);
    return row;
  };

  return (p) => {
    let row = baseRow(p);
    if (o.fit !== undefined) {
      row = reps.map(({ rep, original }, r) => {
        const f = o.fit!(p.lead, original);
        if (f === null) return null;
        if (typeof f !== 'number' || !Number.isFinite(f) || f < 0) {
          throw new LeadrankError([{ code: 'invalid_fit', field: 'options.fit', message: `must return a number ≥ 0 or null for ${p.contact} and rep ${rep.id} (got ${showValue(f)})` }]);
        }
        const base = row[r] ?? expertiseOnly(p, rep);
        return { ...base, fit: f };
      });
    }
    const owner = p.owner === undefined ? undefined : ownerIndex.get(p.owner);
    if (owner === undefined || row[owner] === null || row[owner] === undefined) return row;
    const own = row[owner] as PairFit;
    const copy = [...row];
    copy[owner] = { ...own, owner: true, fit: o.fit === undefined && o.ownership === 'prefer' ? own.fit * o.ownerFactor : own.fit };
    return copy;
  };
}

/** The built-in fit of one pair (owner aside): territory, then expertise. */
function basePair<L extends LeadLike>(p: PreparedLead<L>, rep: Rep, o: ResolvedAllocateOptions<L>): PairFit | null {
  const territory = territoryOf(p, rep, o);
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
