import type { Contact } from '../model/contact.js';
import type { Grade, Tier } from '../model/scored.js';
import type { FitRule, ScoringModel } from './schema.js';

/** A fit rule that matched, for reasons. */
export interface FitMatch {
  points: number;
  text: string;
}

function fieldValue(contact: Contact, field: string): unknown {
  if (field.startsWith('attributes.')) return contact.attributes[field.slice('attributes.'.length)];
  if (field === 'domain') return contact.email.slice(contact.email.lastIndexOf('@') + 1);
  return (contact as unknown as Record<string, unknown>)[field];
}

const norm = (v: unknown): string => String(v).trim().toLowerCase();
const asNumber = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
};

/**
 * Whether a fit rule holds for a contact. Strings compare case-insensitively; a missing field never
 * matches; `tags` (an array) matches `contains`/`in`/`equals` when any tag does.
 *
 * @example
 * fitRuleMatches({ field: 'attributes.acres', op: 'gte', value: 1000, points: 10 }, contact) //=> true for 1800 acres
 */
export function fitRuleMatches(rule: FitRule, contact: Contact): boolean {
  const raw = fieldValue(contact, rule.field);
  if (raw === undefined || raw === null || raw === '') return false;
  const values = Array.isArray(raw) ? raw : [raw];
  if (values.length === 0) return false;
  const want = rule.value;
  const any = (test: (v: unknown) => boolean) => values.some(test);
  switch (rule.op) {
    case 'exists':
      return true;
    case 'equals':
      return any((v) => norm(v) === norm(want));
    case 'notEquals':
      return !any((v) => norm(v) === norm(want));
    case 'in': {
      const list = (Array.isArray(want) ? want : [want]).map(norm);
      return any((v) => list.includes(norm(v)));
    }
    case 'contains':
      return any((v) => norm(v).includes(norm(want)));
    case 'startsWith':
      return any((v) => norm(v).startsWith(norm(want)));
    case 'gte':
    case 'lte': {
      const limit = asNumber(want);
      if (limit === undefined) return false;
      return any((v) => {
        const n = asNumber(v);
        return n !== undefined && (rule.op === 'gte' ? n >= limit : n <= limit);
      });
    }
  }
}

const OP_TEXT: Record<FitRule['op'], string> = {
  equals: 'is',
  notEquals: 'is not',
  in: 'is one of',
  contains: 'contains',
  startsWith: 'starts with',
  gte: '≥',
  lte: '≤',
  exists: 'is known',
};

/**
 * The fit points of a contact (0 without a record or rules) and the rules that matched.
 *
 * @example
 * fitScore(contact, model) //=> { fit: 20, matches: [{ points: 10, text: 'Fit: title is Owner' }, …] }
 */
export function fitScore(contact: Contact | undefined, model: ScoringModel): { fit: number; matches: FitMatch[] } {
  if (!contact) return { fit: 0, matches: [] };
  let fit = 0;
  const matches: FitMatch[] = [];
  for (const rule of model.fit.rules) {
    if (!fitRuleMatches(rule, contact)) continue;
    fit += rule.points;
    const value = rule.op === 'exists' ? '' : ` ${Array.isArray(rule.value) ? rule.value.join(', ') : String(rule.value)}`;
    matches.push({ points: rule.points, text: `Fit: ${rule.label ?? `${rule.field} ${OP_TEXT[rule.op]}${value}`}` });
  }
  return { fit, matches };
}

/** The A–D grade of a fit score. @example gradeOf(25, model) //=> 'A' */
export function gradeOf(fit: number, model: ScoringModel): Grade {
  const g = model.fit.grades;
  return fit >= g.A ? 'A' : fit >= g.B ? 'B' : fit >= g.C ? 'C' : 'D';
}

/** The hot/warm/mild/cold tier of an engagement score. @example tierOf(21, model) //=> 'hot' */
export function tierOf(engagement: number, model: ScoringModel): Tier {
  const t = model.tiers;
  return engagement >= t.hot ? 'hot' : engagement >= t.warm ? 'warm' : engagement >= t.mild ? 'mild' : 'cold';
}

const TIER_DIGIT: Record<Tier, number> = { hot: 1, warm: 2, mild: 3, cold: 4 };

/** Grade letter and tier digit (hot = 1 … cold = 4). @example labelOf('A', 'hot') //=> 'A1' */
export function labelOf(grade: Grade, tier: Tier): string {
  return `${grade}${TIER_DIGIT[tier]}`;
}
