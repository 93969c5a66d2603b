import { LeadrankError, showValue } from '../model/errors.js';
import { RepSchema } from '../model/rep.js';
import type { Rep } from '../model/rep.js';
import { issuesFromZod } from '../model/errors.js';
import type { LeadLike, RepLike } from './types.js';

/** A rep after validation, with the original object kept for custom fit functions. */
export interface NormalizedRep {
  rep: Rep;
  original: RepLike;
}

/**
 * Checks leads (an array of objects with a non-empty `contact` and a finite `score`, each contact
 * once) and returns them in contact order with canonical e-mails, as two parallel arrays. Misuse
 * throws a LeadrankError.
 *
 * @example
 * normalizeLeads([{ contact: ' B@x.com', score: 1 }, { contact: 'a@x.com', score: 2 }]).contacts //=> ['a@x.com', 'b@x.com']
 */
export function normalizeLeads<L extends LeadLike>(leads: readonly L[]): { contacts: string[]; leads: L[] } {
  if (!Array.isArray(leads)) throw new LeadrankError([{ code: 'invalid_type', field: 'leads', message: `must be an array (got ${showValue(leads)})` }]);
  const canonical = leads.map((lead, i) => {
    const row = i + 1;
    if (lead === null || typeof lead !== 'object') throw new LeadrankError([{ code: 'invalid_type', file: 'leads', row, message: `must be an object (got ${showValue(lead)})` }]);
    const contact = typeof lead.contact === 'string' ? lead.contact.trim().toLowerCase() : '';
    if (contact === '') {
      throw new LeadrankError([{ code: 'invalid_value', file: 'leads', row, field: 'contact', message: `must be a non-empty e-mail (got ${showValue(lead.contact)})` }]);
    }
    if (typeof lead.score !== 'number' || !Number.isFinite(lead.score)) {
      throw new LeadrankError([{ code: 'invalid_value', file: 'leads', row, field: 'score', message: `must be a finite number (got ${showValue(lead.score)})` }]);
    }
    return contact;
  });
  const order = canonical.map((_, i) => i);
  order.sort((a, b) => (canonical[a]! < canonical[b]! ? -1 : canonical[a]! > canonical[b]! ? 1 : a - b));
  const contacts = order.map((i) => canonical[i]!);
  // Sorted, a repeated contact sits next to its first row; report the earliest repeat, as a reader would.
  let repeat: { contact: string; row: number; before: number } | undefined;
  let first = (order[0] ?? 0) + 1;
  for (let k = 1; k < order.length; k += 1) {
    const contact = contacts[k]!;
    const row = order[k]! + 1;
    if (contact !== contacts[k - 1]) first = row;
    else if (repeat === undefined || row < repeat.row) repeat = { contact, row, before: first };
  }
  if (repeat !== undefined) {
    const { contact, row, before } = repeat;
    throw new LeadrankError([{ code: 'duplicate_lead', file: 'leads', row, field: 'contact', message: `repeats the contact of row ${before} (got ${showValue(contact)})` }]);
  }
  return { contacts, leads: order.map((i) => leads[i]!) };
}

/**
 * Validates reps with the `Rep` schema (only `id` and `capacity` are required) and returns them in id
 * order. A repeated id throws a LeadrankError.
 *
 * @example
 * normalizeReps([{ id: 'b', capacity: 1 }, { id: 'a', capacity: 2 }]).map((r) => r.rep.id) //=> ['a', 'b']
 */
export function normalizeReps(reps: readonly RepLike[]): NormalizedRep[] {
  if (!Array.isArray(reps)) throw new LeadrankError([{ code: 'invalid_type', field: 'reps', message: `must be an array (got ${showValue(reps)})` }]);
  const seen = new Set<string>();
  const out = reps.map((raw, i) => {
    const r = RepSchema.safeParse(raw);
    if (!r.success) throw new LeadrankError(issuesFromZod(r.error, raw, { file: 'reps', row: i + 1 }));
    if (seen.has(r.data.id)) {
      throw new LeadrankError([{ code: 'duplicate_rep', file: 'reps', row: i + 1, field: 'id', message: `is used twice (got ${showValue(r.data.id)})` }]);
    }
    seen.add(r.data.id);
    return { rep: r.data, original: raw };
  });
  return out.sort((a, b) => (a.rep.id < b.rep.id ? -1 : a.rep.id > b.rep.id ? 1 : 0));
}
