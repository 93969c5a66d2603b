import type { Contact } from '../model/contact.js';
import { LeadrankError, showValue } from '../model/errors.js';
import type { Rep } from '../model/rep.js';
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
 * Builds the pair evaluator: territory (with the no-territory policy), expertise (factor or
 * requirement), ownership preference, or the caller's own `fit`. Territory and expertise results are
 * cached per rep and contact attributes, so large runs stay fast.
 *
 * @example
 * const evaluate = makePairFit(resolveAllocateOptions({ asOf: 0 }));
 * evaluate(preparedLead, rep) //=> { fit: 1, expertise: 'exact', topic: 'tractors', owner: false }
 */
export function makePairFit<L extends LeadLike>(
  o: ResolvedAllocateOptions<L>,
): (p: PreparedLead<L>, rep: Rep, original: RepLike) => PairFit | null {
  const territoryCache = new Map<string, Map<string, string | null>>();
  const expertiseCache = new Map<string, Map<string, { match: ExpertiseMatch; topic?: string }>>();
  return (p, rep, original) => {
    const owner = p.owner !== undefined && p.owner === rep.id;
    const expertise = cached(expertiseCache, rep.id, (p.lead.interests ?? []).map((i) => i.topic).join('\u0001'), () =>
      matchExpertise(rep.expertise, p.lead.interests ?? []),
    );
    const territory = territoryOf(p, rep, o, territoryCache);
    if (o.fit !== undefined) {
      const f = o.fit(p.lead, original);
      if (f === null) return null;
      if (typeof f !== 'number' || !Number.isFinite(f) || f < 0) {
        throw new LeadrankError([{ code: 'invalid_fit', field: 'options.fit', message: `must return a number ≥ 0 or null for ${p.contact} and rep ${rep.id} (got ${showValue(f)})` }]);
      }
      return withOptional({ fit: f, expertise: expertise.match, owner }, territory ?? undefined, expertise.topic);
    }
    if (territory === null) return null;
    if (o.expertise.mode === 'required' && rep.expertise.length > 0 && expertise.match === 'none') return null;
    let fit = o.expertise.mode === 'factor' ? o.expertise[expertise.match] : 1;
    if (owner && o.ownership === 'prefer') fit *= o.ownerFactor;
    return withOptional({ fit, expertise: expertise.match, owner }, territory, expertise.topic);
  };
}

/** The matching territory label, `''` for a rep without territories, or null when not allowed. */
function territoryOf<L extends LeadLike>(
  p: PreparedLead<L>,
  rep: Rep,
  o: ResolvedAllocateOptions<L>,
  cache: Map<string, Map<string, string | null>>,
): string | null {
  if (rep.territories.length === 0) return '';
  const d = p.details;
  const c = { email: p.contact, territory: d?.territory, country: d?.country, region: d?.region, postalCode: d?.postalCode, company: d?.company };
  const key = [p.contact.slice(p.contact.lastIndexOf('@')), c.territory, c.country, c.region, c.postalCode, c.company].join('\u0001');
  return cached(cache, rep.id, key, () => {
    const hit = matchTerritories(stripUndefined(c), rep.territories, o.territories);
    if (hit !== undefined) return hit;
    if (hasTerritoryData(c)) return null;
    const policy = o.noTerritoryPolicy;
    if (policy === 'any') return 'no territory data (any rep)';
    if (policy === 'unassigned') return null;
    return policy.fallback === rep.id ? 'no territory data (fallback rep)' : null;
  });
}

function cached<T>(cache: Map<string, Map<string, T>>, rep: string, key: string, make: () => T): T {
  let m = cache.get(rep);
  if (m === undefined) {
    m = new Map();
    cache.set(rep, m);
  }
  if (m.has(key)) return m.get(key) as T;
  const v = make();
  m.set(key, v);
  return v;
}

function withOptional(base: PairFit, territory: string | undefined, topic: string | undefined): PairFit {
  if (territory !== undefined && territory !== '') base.territory = territory;
  if (topic !== undefined) base.topic = topic;
  return base;
}

function stripUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } & { email: string } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}
