import type { ContactFlags, EventCounts } from '../model/scored.js';
import { decayFactor, utcDay } from './decay.js';
import type { LinkInfo } from './links.js';
import { classifyHits, type MachineContext } from './machine.js';
import { compareHits, messageKey, type ContactState, type Hit } from './state.js';

/** Types that are not interest: they never carry topics and never make a "last engagement". */
export const NON_INTEREST_TYPES: ReadonlySet<string> = new Set(['sent', 'delivered', 'bounce', 'soft_bounce', 'unsubscribe', 'complaint']);

/** One counted event: its points after link rules, topic bonus, decay and caps. */
export interface LedgerEntry {
  hit: Hit;
  /** The weight key: the event type, or `soft_bounce` for a soft bounce. */
  kind: string;
  machine: string | undefined;
  link: LinkInfo | undefined;
  topics: readonly string[];
  /** Weight-free factor of `weights.events[kind]`: link × campaign multiplier × decay (× machine multiplier). */
  factor: number;
  /** Points from a link rule's `weight` override × decay (then `factor` is 0). */
  fixed: number;
  /** Weight-free factor of each topic's bonus: decay (× machine multiplier). */
  topicFactor: number;
  points: number;
  capped: boolean;
}

/** Everything the score, reasons, features and flags of one contact come from. */
export interface Evaluation {
  entries: LedgerEntry[];
  /** Machine reason per hit, aligned with `hits` (sorted). */
  hits: Hit[];
  reasons: (string | undefined)[];
  counts: Record<string, EventCounts>;
  flags: Omit<ContactFlags, 'doNotCall'>;
  /** Σ points, summed in ledger order (before floor and total cap). */
  raw: number;
  firstEngagement: number | undefined;
  lastEngagement: number | undefined;
  future: number;
}

/**
 * Evaluates one contact at `asOf`: sorts its hits into a canonical order, classifies machine
 * traffic, drops repeats (first open per message, one click per link per message), weighs, decays and
 * caps what is left. Pure and independent of the order the events arrived in.
 */
export function evaluateContact(state: ContactState, asOf: number, ctx: MachineContext): Evaluation {
  const model = ctx.model;
  const hits = [...state.hits].sort(compareHits);
  const reasons = classifyHits(hits, state.delivered, ctx);
  const counts: Record<string, EventCounts> = {};
  for (const [type, n] of state.counts) counts[type] = { human: n, machine: 0 };
  const once = new Set(model.repeats.oncePerMessage);
  const seen = new Set<string>();
  const entries: LedgerEntry[] = [];
  let hard = false;
  let soft = 0;
  let optedOut = false;
  let complained = false;
  let first: number | undefined;
  let last: number | undefined;
  const mm = model.machine.multiplier;
  hits.forEach((hit, i) => {
    const machine = reasons[i];
    const c = (counts[hit.type] ??= { human: 0, machine: 0 });
    if (machine === undefined) c.human++;
    else c.machine++;
    const kind = hit.type === 'bounce' && hit.bounce === 'soft' ? 'soft_bounce' : hit.type;
    if (kind === 'bounce') hard = true;
    else if (kind === 'soft_bounce') soft++;
    else if (kind === 'unsubscribe') optedOut = true;
    else if (kind === 'complaint') complained = true;
    if (machine === undefined && !NON_INTEREST_TYPES.has(kind)) {
      if (first === undefined) first = hit.at;
      last = hit.at;
    }
    if (machine !== undefined && mm === 0) return;
    const msg = messageKey(hit);
    const link = hit.type === 'click' && hit.url !== undefined ? ctx.rules.link(hit.url) : undefined;
    if (msg !== undefined) {
      const prefix = machine === undefined ? 'h' : 'm';
      let key: string | undefined;
      if (hit.type === 'click' && model.repeats.clickOncePerLink) key = `${prefix}\u0000${msg}\u0000click\u0000${link?.key ?? ''}`;
      else if (once.has(kind)) key = `${prefix}\u0000${msg}\u0000${kind}`;
      if (key !== undefined) {
        if (seen.has(key)) return;
        seen.add(key);
      }
    }
    const decay = decayFactor(hit.at, asOf, model.recency) * (machine === undefined ? 1 : mm);
    const camp = ctx.rules.campaign(hit.campaign, hit.message);
    const interest = !NON_INTEREST_TYPES.has(kind) && link?.notInterest !== true;
    const topics = interest ? mergeTopics(link?.topics ?? [], camp.topics) : [];
    const override = link?.override;
    const factor = override === undefined ? (link?.multiplier ?? 1) * camp.multiplier * decay : 0;
    const fixed = override === undefined ? 0 : override * decay;
    let bonus = 0;
    for (const t of topics) bonus += model.weights.topics[t] ?? 0;
    const points = (model.weights.events[kind] ?? 0) * factor + fixed + bonus * decay;
    entries.push({ hit, kind, machine, link, topics, factor, fixed, topicFactor: decay, points, capped: false });
  });
  applyDailyCap(entries, model.caps.perTypePerDay);
  let raw = 0;
  for (const e of entries) raw += e.points;
  const flags = { optedOut, bounced: hard || soft >= model.negatives.softBouncesToBounced, complained };
  return { entries, hits, reasons, counts, flags, raw, firstEngagement: first, lastEngagement: last, future: state.future };
}

function mergeTopics(a: readonly string[], b: readonly string[]): readonly string[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  return [...new Set([...a, ...b])].sort();
}

/** Keeps the `cap` strongest entries per type per UTC day (ties: earliest first); the rest score 0. */
function applyDailyCap(entries: LedgerEntry[], cap: number | null): void {
  if (cap === null) return;
  const groups = new Map<string, number[]>();
  entries.forEach((e, i) => {
    const key = `${e.kind}\u0000${utcDay(e.hit.at)}`;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  });
  for (const g of groups.values()) {
    if (g.length <= cap) continue;
    const order = [...g].sort((x, y) => entries[y]!.points - entries[x]!.points || x - y);
    for (const i of order.slice(cap)) {
      const e = entries[i]!;
      e.capped = true;
      e.points = 0;
    }
  }
}
