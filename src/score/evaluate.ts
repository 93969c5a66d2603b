import type { ContactFlags, EventCounts } from '../model/scored.js';
import type { ScoringModel } from './schema.js';
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
  const hits = sortedHits(state.hits);
  const reasons = classifyHits(hits, state.delivered, ctx);
  const kinds = kindsOf(ctx);
  const seen = seenKeys.reset();
  const ids = repeatIds(ctx);
  const entries: LedgerEntry[] = [];
  let hard = false;
  let soft = 0;
  let optedOut = false;
  let complained = false;
  let first: number | undefined;
  let last: number | undefined;
  const mm = model.machine.multiplier;
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i]!;
    const machine = reasons[i];
    // What the hit's type, bounce class, message, campaign and URL give (a table's hits bring it along).
    const info = hit.info ?? hitInfo(hit, ctx, kinds, ids);
    const kind = info.kind;
    if (kind === 'bounce') hard = true;
    else if (kind === 'soft_bounce') soft++;
    else if (kind === 'unsubscribe') optedOut = true;
    else if (kind === 'complaint') complained = true;
    if (machine === undefined && !info.nonInterest) {
      if (first === undefined) first = hit.at;
      last = hit.at;
    }
    if (machine !== undefined && mm === 0) continue;
    // One per (human or machine, message, and the link clicked or the type).
    if (info.repeat !== undefined && !seen.add(machineRepeat(info.repeat, machine !== undefined))) continue;
    const decay = decayFactor(hit.at, asOf, model.recency) * (machine === undefined ? 1 : mm);
    const override = info.override;
    const factor = override === undefined ? info.factor * decay : 0;
    const fixed = override === undefined ? 0 : override * decay;
    const points = info.weight * factor + fixed + info.bonus * decay;
    entries.push({ hit, kind, machine, link: info.link, topics: info.topics, factor, fixed, topicFactor: decay, points, capped: false });
  }
  applyDailyCap(entries, model.caps.perTypePerDay);
  let raw = 0;
  for (const e of entries) raw += e.points;
  const flags = { optedOut, bounced: hard || soft >= model.negatives.softBouncesToBounced, complained };
  return { entries, hits, reasons, flags, raw, firstEngagement: first, lastEngagement: last, future: state.future };
}

/**
 * The events of an evaluated contact per type, human and machine (sent and delivered are never
 * machine), sorted by type. Apart from {@link evaluateContact}: ranking does not need them.
 */
export function eventCounts(state: ContactState, ev: Evaluation): Record<string, EventCounts> {
  const counts = new Map<string, EventCounts>();
  for (const [type, n] of state.counts) counts.set(type, { human: n, machine: 0 });
  for (let i = 0; i < ev.hits.length; i++) {
    const type = ev.hits[i]!.type;
    let c = counts.get(type);
    if (c === undefined) counts.set(type, (c = { human: 0, machine: 0 }));
    if (ev.reasons[i] === undefined) c.human++;
    else c.machine++;
  }
  return Object.fromEntries([...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

/** The hits in canonical order, as a copy (a state's hits usually arrive in order: then no sort). */
function sortedHits(hits: readonly Hit[]): Hit[] {
  const out = hits.slice();
  for (let i = 1; i < out.length; i++) if (compareHits(out[i - 1]!, out[i]!) > 0) return out.sort(compareHits);
  return out;
}

function mergeTopics(a: readonly string[], b: readonly string[]): readonly string[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  return [...new Set([...a, ...b])].sort();
}

/** Ids per repeat key part (messages, link keys, types) stay below this, so that a key is an exact number. */
const REPEAT_IDS = 2 ** 22;
const repeatIdCache = new WeakMap<MachineContext, Map<string, number>>();

/**
 * Small ids for the strings of repeat keys, kept per scorer (the same strings come back contact
 * after contact); ids only need to be consistent within one contact, so the table starts over
 * between contacts once it is large.
 */
function repeatIds(ctx: MachineContext): Map<string, number> {
  let ids = repeatIdCache.get(ctx);
  if (ids === undefined) repeatIdCache.set(ctx, (ids = new Map()));
  else if (ids.size > REPEAT_IDS / 2) ids.clear();
  return ids;
}

function idOf(ids: Map<string, number>, s: string): number {
  let id = ids.get(s);
  if (id === undefined) ids.set(s, (id = ids.size));
  return id;
}

/**
 * The repeat key of (message, link key or type, human/machine and click flags): a number made of
 * the parts' ids (flags in its two low bits, so a machine hit's key is the human one's + 2), or the
 * parts themselves when an id is too large.
 */
function repeatKey(ids: Map<string, number>, msg: string, part: string, flags: number): number | { flags: number; msg: string; part: string } {
  const a = idOf(ids, msg);
  const b = idOf(ids, part);
  return a < REPEAT_IDS && b < REPEAT_IDS ? (a * REPEAT_IDS + b) * 4 + flags : { flags, msg, part };
}

/** A hit's repeat key (see {@link HitInfo.repeat}), as a machine hit's when `machine`. */
function machineRepeat(repeat: NonNullable<HitInfo['repeat']>, machine: boolean): number | string {
  const flag = machine ? 2 : 0;
  return typeof repeat === 'number' ? repeat + flag : `${repeat.flags + flag}\u0000${repeat.msg}\u0000${repeat.part}`;
}

/** What the ledger reads of an event kind, looked up once per kind and scorer (see {@link kindsOf}). */
export interface KindInfo {
  nonInterest: boolean;
  /** Counted once per message (`repeats.oncePerMessage`). */
  once: boolean;
  /** `weights.events[kind]`, 0 when the model has none. */
  weight: number;
}

const kindCache = new WeakMap<MachineContext, Map<string, KindInfo>>();

/** The {@link KindInfo} of each kind seen so far, per scorer (the model does not change under it). */
export function kindsOf(ctx: MachineContext): Map<string, KindInfo> {
  let kinds = kindCache.get(ctx);
  if (kinds === undefined) kindCache.set(ctx, (kinds = new Map()));
  return kinds;
}

function kindInfo(model: ScoringModel, kind: string): KindInfo {
  return { nonInterest: NON_INTEREST_TYPES.has(kind), once: model.repeats.oncePerMessage.includes(kind), weight: model.weights.events[kind] ?? 0 };
}

/**
 * What {@link evaluateContact} reads of a hit apart from its time: everything its type, bounce
 * class, message, campaign and URL decide under one scorer's model, so the same for every hit that
 * has them (an `EventTable` works it out once per distinct row of ids, see `tableContactState`).
 */
export interface HitInfo extends KindInfo {
  /** The weight key: the event type, or `soft_bounce` for a soft bounce. */
  kind: string;
  link: LinkInfo | undefined;
  topics: readonly string[];
  /** Link × campaign multiplier (the weight's factor before decay; 0 with an override). */
  factor: number;
  /** A link rule's `weight` override. */
  override: number | undefined;
  /** Σ the topics' bonus weights. */
  bonus: number;
  /**
   * The repeat key of a human hit (a machine hit's is 2 more), as a number made of ids; its parts
   * when the ids are too large; undefined when the hit is not deduplicated.
   */
  repeat: number | { flags: number; msg: string; part: string } | undefined;
}

/**
 * The {@link HitInfo} of a hit: `kinds` the scorer's kind lookups, `ids` the small ids of repeat
 * key parts (consistent for every hit of one contact).
 */
export function hitInfo(hit: Hit, ctx: MachineContext, kinds: Map<string, KindInfo>, ids: Map<string, number>): HitInfo {
  const model = ctx.model;
  const kind = hit.type === 'bounce' && hit.bounce === 'soft' ? 'soft_bounce' : hit.type;
  let k = kinds.get(kind);
  if (k === undefined) kinds.set(kind, (k = kindInfo(model, kind)));
  const msg = messageKey(hit);
  const link = hit.type === 'click' && hit.url !== undefined ? ctx.rules.link(hit.url) : undefined;
  let repeat: HitInfo['repeat'];
  if (msg !== undefined) {
    if (hit.type === 'click' && model.repeats.clickOncePerLink) repeat = repeatKey(ids, msg, link?.key ?? '', 1);
    else if (k.once) repeat = repeatKey(ids, msg, kind, 0);
  }
  const camp = ctx.rules.campaign(hit.campaign, hit.message);
  const interest = !k.nonInterest && link?.notInterest !== true;
  const topics = interest ? mergeTopics(link?.topics ?? [], camp.topics) : [];
  const override = link?.override;
  let bonus = 0;
  for (let t = 0; t < topics.length; t++) bonus += model.weights.topics[topics[t]!] ?? 0;
  return { nonInterest: k.nonInterest, once: k.once, weight: k.weight, kind, link, topics, factor: override === undefined ? (link?.multiplier ?? 1) * camp.multiplier : 0, override, bonus, repeat };
}

/**
 * The repeat keys one contact has used: a short list searched in order (a contact has tens of
 * keys; a `Set` per contact costs more to make than to search), then a `Set` past that. One,
 * reused contact after contact.
 */
class SeenKeys {
  private readonly few = new Float64Array(32);
  private count = 0;
  private readonly more = new Set<number | string>();

  reset(): this {
    this.count = 0;
    if (this.more.size > 0) this.more.clear();
    return this;
  }

  /** Adds `key`; false when it was there already. */
  add(key: number | string): boolean {
    if (typeof key === 'number') {
      for (let i = 0; i < this.count; i++) if (this.few[i] === key) return false;
      if (this.count < this.few.length) {
        this.few[this.count++] = key;
        return true;
      }
    }
    if (this.more.has(key)) return false;
    this.more.add(key);
    return true;
  }
}

const seenKeys = new SeenKeys();

/**
 * Keeps the `cap` strongest entries per type per UTC day (ties: earliest first); the rest score 0.
 * The entries are in time order, so a day's entries lie together: only a day with more than `cap`
 * entries can hold a type over the cap.
 */
function applyDailyCap(entries: LedgerEntry[], cap: number | null): void {
  if (cap === null || entries.length <= cap) return;
  for (let start = 0; start < entries.length; ) {
    const day = utcDay(entries[start]!.hit.at);
    let end = start + 1;
    while (end < entries.length && utcDay(entries[end]!.hit.at) === day) end++;
    if (end - start > cap) capDay(entries, start, end, cap);
    start = end;
  }
}

/** The cap of {@link applyDailyCap} on the entries `[start, end)` of one day. */
function capDay(entries: LedgerEntry[], start: number, end: number, cap: number): void {
  const groups = new Map<string, number[]>();
  for (let i = start; i < end; i++) {
    const kind = entries[i]!.kind;
    const g = groups.get(kind);
    if (g) g.push(i);
    else groups.set(kind, [i]);
  }
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
