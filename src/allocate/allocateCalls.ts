import { endOfAsOfDay, summarizeOutcomes } from '../feedback/outcomes.js';
import type { OutcomeSummary } from '../feedback/outcomes.js';
import type { Contact } from '../model/contact.js';
import { LeadrankError } from '../model/errors.js';
import { toEpochMs } from '../model/time.js';
import type { TimeInput } from '../model/time.js';
import { repAvailability } from './availability.js';
import { buildEntries, round } from './callList.js';
import type { Placed } from './callList.js';
import { dealHotLeadsEvenly } from './fairness.js';
import { normalizeLeads, normalizeReps } from './inputs.js';
import { resolveAllocateOptions } from './options.js';
import type { AllocateOptions } from './options.js';
import { orderByScore } from './order.js';
import { makePairRows, pairAt } from './pairFit.js';
import { leadsTheSolverMayPlace } from './prune.js';
import type { PairRow, PreparedLead } from './pairFit.js';
import { screenLead } from './screen.js';
import type { ScreenResult } from './screen.js';
import { computeStats } from './stats.js';
import { STRATEGIES } from './strategies/index.js';
import { hasTerritoryData } from './territory.js';
import type { AssignmentProblem, AssignmentStrategy } from './strategies/index.js';
import type { Allocation, CallList, LeadLike, RepLike, UnassignedLead } from './types.js';

/**
 * Matches leads to reps and hands each rep a prioritized call list. Pure: a function of leads, reps
 * and options (with `asOf`) only; the same inputs in any order give the same output.
 *
 * 1. Screen: do-not-call, complaints and wrong numbers are `suppressed`; low tiers or scores are
 *    `below_threshold`; recent calls without new engagement are in `cooldown`.
 * 2. Pair: territory (names, rules, the no-territory policy), expertise and ownership give each
 *    allowed (lead, rep) pair a fit; value = score × fit. Reps away at `asOf` have no capacity.
 * 3. Assign: due callbacks go to the top of their rep's list; with `ownership: 'sticky'` owners keep
 *    their contacts while they have room; the strategy places the rest (`'optimal'` maximises
 *    Σ value exactly). Optionally, hot leads are dealt evenly.
 * 4. Explain: every list entry says why this rep; every lead on no list has a reason code.
 *
 * @param leads - anything with `contact` and `score` (the output of `scoreContacts`)
 * @param reps - anything with `id` and `capacity` (a `Rep`)
 * @param options - `asOf` and the policy; see {@link AllocateOptions}
 * @returns `{ asOf, lists, unassigned, stats }`
 * @example
 * const { lists } = allocateCalls(
 *   [{ contact: 'ann@farm.com', score: 12, interests: [{ topic: 'tractors', weight: 3 }] }],
 *   [{ id: 'rep-farm', capacity: 20, expertise: ['tractors'] }],
 *   { asOf: '2026-11-23T12:00:00Z' },
 * );
 * lists[0].entries[0].contact //=> 'ann@farm.com'
 */
export function allocateCalls<L extends LeadLike>(leads: readonly L[], reps: readonly RepLike[], options: AllocateOptions<L>): Allocation {
  const o = resolveAllocateOptions(options);
  const strategy: AssignmentStrategy = typeof o.strategy === 'function' ? o.strategy : STRATEGIES[o.strategy];
  // Leads live in parallel arrays (contact order), not an object each: a million leads are a
  // million fewer objects for the collector to copy and mark.
  const { contacts, leads: byContact } = normalizeLeads(leads);
  const sortedReps = normalizeReps(reps);
  if (typeof o.noTerritoryPolicy === 'object') {
    const fallback = o.noTerritoryPolicy.fallback;
    if (!sortedReps.some((r) => r.rep.id === fallback)) {
      throw new LeadrankError([{ code: 'unknown_rep', field: 'options.noTerritoryPolicy.fallback', message: `names no rep (got ${JSON.stringify(fallback)})` }]);
    }
  }
  const R = sortedReps.length;
  const repIndex = new Map<string, number>();
  sortedReps.forEach((r, i) => {
    repIndex.set(r.rep.id, i);
    if (r.rep.email !== undefined && !repIndex.has(r.rep.email.toLowerCase())) repIndex.set(r.rep.email.toLowerCase(), i);
  });
  const availability = sortedReps.map((r) => repAvailability(r.rep, o.asOf));
  const capacity = sortedReps.map((r, i) => (availability[i]!.available ? r.rep.capacity : 0));
  const summaries = summarizeOutcomes(o.outcomes, { asOf: o.asOf });
  const rowOf = makePairRows(o, sortedReps);

  const n = contacts.length;
  const details = new Array<Contact | undefined>(n);
  /** The owning rep's index per lead (CRM owner, else the rep of the last connected call), or -1. */
  const ownerRep = new Int32Array(n).fill(-1);
  const score = new Float64Array(n);
  let owned = 0;
  // Why each lead is on no list; the output objects are made at the end, in output order.
  const whyNot = new Array<ScreenResult | undefined>(n);

  // 1. Details, owner and score; screen, and find due callbacks and their rep. The arrays only
  // callbacks need are made on the first due one (a million leads without: 5 MB less).
  let callbackRep: Int32Array | undefined;
  const qualifiedAll = new Int32Array(n);
  let q = 0;
  let callbacks = 0;
  const screen = { asOf: o.asOf, minScore: o.minScore, minTier: o.minTier, cooldownDays: o.cooldownDays };
  for (let i = 0; i < n; i += 1) {
    const contact = contacts[i]!;
    const lead = byContact[i]!;
    const d = lead.details ?? o.contacts.get(contact);
    details[i] = d;
    score[i] = lead.score;
    const summary = summaries.get(contact);
    const crmOwner = d?.owner !== undefined ? repIndex.get(d.owner) ?? repIndex.get(d.owner.toLowerCase()) : undefined;
    const ownerIdx = crmOwner ?? (summary?.owner !== undefined ? repIndex.get(summary.owner) : undefined);
    if (ownerIdx !== undefined) {
      ownerRep[i] = ownerIdx;
      owned += 1;
    }
    let due = false;
    if (summary?.callbackAt !== undefined) {
      const repId = summary.owner ?? summary.last.rep;
      const r = repId === undefined ? undefined : repIndex.get(repId);
      const zone = r === undefined ? 'UTC' : (sortedReps[r]!.rep.timezone ?? 'UTC');
      due = summary.callbackAt <= endOfAsOfDay(o.asOf, zone);
      if (due && r !== undefined) (callbackRep ??= new Int32Array(n).fill(-1))[i] = r;
    }
    const s = screenLead(lead, d, summary, due, screen);
    if (s) whyNot[i] = s;
    else {
      qualifiedAll[q] = i;
      q += 1;
      if (callbackRep !== undefined && callbackRep[i]! >= 0) callbacks += 1;
    }
  }
  const qualified = qualifiedAll.subarray(0, q);
  const isQualified = (i: number): boolean => rows[i] !== undefined;
  const prepared = (i: number): PreparedLead<L> => ({ contact: contacts[i]!, lead: byContact[i]!, details: details[i] });
  // Every pass that takes the best leads first walks this order (score, then contact).
  const order = orderByScore(score);

  // 2. Pairs: the reps allowed to take each qualified lead, with their fits.
  const rows = new Array<PairRow>(n);
  for (let x = 0; x < qualified.length; x += 1) {
    const i = qualified[x]!;
    rows[i] = rowOf(contacts[i]!, byContact[i]!, details[i], ownerRep[i]!);
  }

  // 3. Assign: callbacks, sticky owners, then the strategy.
  const assignedRep = new Int32Array(n).fill(-1);
  const callbackDue = callbacks > 0 ? new Uint8Array(n) : undefined;
  const load = new Int32Array(R);
  if (callbackRep !== undefined && callbackDue !== undefined) {
    for (let x = 0; x < order.length; x += 1) {
      const i = order[x]!;
      const r = callbackRep[i]!;
      if (r < 0 || rows[i] === undefined) continue;
      callbackDue[i] = 1;
      if (load[r]! < capacity[r]!) {
        assignedRep[i] = r;
        load[r]! += 1;
      }
    }
  }
  if (o.ownership === 'sticky' && owned > 0) {
    for (let x = 0; x < order.length; x += 1) {
      const i = order[x]!;
      const r = ownerRep[i]!;
      if (r < 0 || rows[i] === undefined || assignedRep[i] !== -1) continue;
      if (pairAt(rows[i]!, r) !== undefined && load[r]! < capacity[r]!) {
        assignedRep[i] = r;
        load[r]! += 1;
      }
    }
  }
  // The qualified leads not yet assigned, compacted in place (from here on a lead is qualified when it has a pair row).
  let left = 0;
  for (let x = 0; x < qualified.length; x += 1) {
    const i = qualified[x]!;
    if (assignedRep[i] === -1) qualified[left++] = i;
  }
  const rest = qualified.subarray(0, left);
  const remaining = capacity.map((c, r) => c - load[r]!);
  // The exact solver gets only the leads it could place (same assignment, a fraction of the pairs).
  const solveFor = o.strategy === 'optimal' && !o.fairness ? leadsTheSolverMayPlace(rest, rows, score, remaining) : rest;
  const problem = buildProblemFor(solveFor, score, rows, ownerRep, remaining, sortedReps.map((r) => r.rep.weight));
  const isHot = (l: number): boolean => byContact[solveFor[l]!]!.tier === 'hot';
  let fairness: Allocation['stats']['fairness'];
  let vector;
  if (o.fairness) {
    const hotAlready = new Int32Array(R);
    for (let i = 0; i < n; i += 1) {
      if (!isQualified(i)) continue;
      if (assignedRep[i]! >= 0 && byContact[i]!.tier === 'hot') hotAlready[assignedRep[i]!]! += 1;
    }
    const fair = dealHotLeadsEvenly(problem, strategy, isHot, hotAlready);
    vector = fair.assignment;
    fairness = {
      unconstrainedValue: round(fair.unconstrainedValue),
      cost: round(fair.unconstrainedValue - fair.value),
      hotQuota: Object.fromEntries([...fair.quota].map(([r, q]) => [sortedReps[r]!.rep.id, q])),
    };
  } else vector = strategy(problem);
  checkAssignment(problem, vector);
  solveFor.forEach((i, l) => {
    if (vector[l]! >= 0) assignedRep[i] = vector[l]!;
  });

  // 4. Lists and reasons.
  const placed: Placed<L>[][] = sortedReps.map(() => []);
  // Loops over every lead are indexed: a for-of that runs before the optimiser steps in makes an
  // iterator result per step, and at a million leads those reach the old generation.
  let placedCount = 0;
  for (let i = 0; i < n; i += 1) {
    if (!isQualified(i)) continue;
    const r = assignedRep[i]!;
    if (r >= 0) {
      placedCount += 1;
      const summary: OutcomeSummary | undefined = summaries.get(contacts[i]!);
      const pair = pairAt(rows[i]!, r) ?? { fit: 1, expertise: 'none', owner: ownerRep[i] === r };
      placed[r]!.push({ prepared: prepared(i), pair, value: score[i]! * pair.fit, callbackDue: callbackDue?.[i] === 1, callbackHere: callbackDue?.[i] === 1 && callbackRep?.[i] === r, summary });
      continue;
    }
    whyNot[i] = whyNotPlaced(rows[i]!, capacity, details[i], o.noTerritoryPolicy);
  }
  const lists: CallList[] = sortedReps.map((r, k) => {
    const rep: CallList['rep'] = { id: r.rep.id, capacity: capacity[k]!, available: availability[k]!.available };
    if (r.rep.name !== undefined) rep.name = r.rep.name;
    return { rep, entries: buildEntries(placed[k]!, o) };
  });
  // The leads on no list in score order. Each one's place is found first (one pass over `order`),
  // then the objects are made in contact order: reading contacts, leads and reasons one after
  // another instead of at the random places `order` visits (1M leads: ~1 µs a lead of cache misses).
  const slot = new Int32Array(n);
  for (let x = 0, u = 0; x < order.length; x += 1) {
    const i = order[x]!;
    slot[i] = whyNot[i] === undefined ? -1 : u++;
  }
  const ordered = new Array<UnassignedLead>(n - placedCount);
  for (let i = 0; i < n; i += 1) {
    const why = whyNot[i];
    if (why !== undefined) ordered[slot[i]!] = unassignedLead(contacts[i]!, byContact[i]!, why);
  }
  return {
    asOf: new Date(o.asOf).toISOString(),
    lists,
    unassigned: ordered,
    stats: {
      ...computeStats(lists, ordered, n, o.strategyName, fairness),
      outcomesAfterAsOf: o.outcomes.filter((x) => toEpochMs(x.at as TimeInput) > o.asOf).length,
    },
  };
}

function buildProblemFor(
  rest: Int32Array,
  score: Float64Array,
  rows: PairRow[],
  ownerRep: Int32Array,
  capacity: number[],
  weight: number[],
): AssignmentProblem {
  const edgeStart = new Int32Array(rest.length + 1);
  let total = 0;
  for (let x = 0; x < rest.length; x += 1) {
    const i = rest[x]!;
    total += rows[i]!.reps.length;
  }
  const edgeRep = new Int32Array(total);
  const edgeValue = new Float64Array(total);
  const leadScore = new Float64Array(rest.length);
  const owner = new Int32Array(rest.length);
  let k = 0;
  for (let l = 0; l < rest.length; l += 1) {
    const i = rest[l]!;
    leadScore[l] = score[i]!;
    owner[l] = ownerRep[i]!;
    edgeStart[l] = k;
    const { reps, fit } = rows[i]!;
    const s = score[i]!;
    for (let j = 0; j < reps.length; j += 1) {
      edgeRep[k] = reps[j]!;
      edgeValue[k] = s * fit[j]!;
      k += 1;
    }
  }
  edgeStart[rest.length] = k;
  return {
    leadCount: rest.length,
    repCount: capacity.length,
    capacity,
    weight,
    score: leadScore,
    owner,
    edgeStart,
    edgeRep,
    edgeValue,
  };
}

/** A lead on no list, with its reason (keys in output order). */
function unassignedLead(contact: string, lead: LeadLike, s: ScreenResult): UnassignedLead {
  const { score, tier } = lead;
  const { reason, detail, message } = s;
  // Whole literals (no keys added later) make an object in one allocation: a million of them are output.
  if (detail === undefined) return tier === undefined ? { contact, score, reason, message } : { contact, score, tier, reason, message };
  return tier === undefined ? { contact, score, reason, detail, message } : { contact, score, tier, reason, detail, message };
}

const NO_TERRITORY: ScreenResult = { reason: 'no_territory', message: 'The contact has no territory data and the policy leaves such leads unassigned.' };
const NO_ELIGIBLE_REP: ScreenResult = { reason: 'no_eligible_rep', message: 'No rep covers this lead (territory or expertise).' };
const NO_AVAILABLE_REP: ScreenResult = { reason: 'no_available_rep', message: 'Every rep who could take this lead is away or has no capacity on this day.' };
const NO_CAPACITY: ScreenResult = { reason: 'no_capacity', message: 'The reps who could take this lead filled their lists with more valuable leads: add capacity.' };

function whyNotPlaced(row: PairRow, capacity: number[], d: Contact | undefined, policy: unknown): ScreenResult {
  const allowed = row.reps;
  if (allowed.length === 0) {
    return policy === 'unassigned' && !hasTerritoryData(d ?? {}) ? NO_TERRITORY : NO_ELIGIBLE_REP;
  }
  return allowed.every((r) => capacity[r] === 0) ? NO_AVAILABLE_REP : NO_CAPACITY;
}

/** A custom strategy must return one rep index (or -1) per lead, on allowed pairs, within capacity. */
function checkAssignment(problem: AssignmentProblem, vector: ArrayLike<number>): void {
  const fail = (message: string): never => {
    throw new LeadrankError([{ code: 'invalid_strategy_result', field: 'options.strategy', message }]);
  };
  if (vector.length !== problem.leadCount) fail(`must return one entry per lead (got ${vector.length} for ${problem.leadCount})`);
  const load = new Int32Array(problem.repCount);
  for (let l = 0; l < problem.leadCount; l += 1) {
    const r = vector[l]!;
    if (r === -1) continue;
    let ok = false;
    for (let e = problem.edgeStart[l]!; e < problem.edgeStart[l + 1]!; e += 1) if (problem.edgeRep[e] === r) ok = true;
    if (!ok) fail(`gave lead ${l} to rep ${r}, which may not take it`);
    load[r]! += 1;
    if (load[r]! > (problem.capacity[r] ?? 0)) fail(`gave rep ${r} more leads than its capacity ${problem.capacity[r]}`);
  }
}
