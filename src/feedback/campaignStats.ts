import type { EngagementEvent } from '../model/event.js';
import { FEEDBACK_DEFAULTS } from './defaults.js';

/** Human and machine counts of one kind of event. */
export interface HumanMachine {
  human: number;
  machine: number;
}

/** What the e-mail side of one campaign (or of all) did, per recipient unless said otherwise. */
export interface EmailStats {
  /** Recipients with a `sent` event. */
  sent: number;
  /** Recipients the mail reached (see `deliveredFrom`). */
  delivered: number;
  /** `delivered`: counted from delivered events; `sent_minus_bounced`: no delivered events, so sent recipients minus bounced ones; `none`: neither. */
  deliveredFrom: 'delivered' | 'sent_minus_bounced' | 'none';
  /** Open events (not recipients): human ones, and machine ones filtered out of every other figure. */
  opens: HumanMachine;
  /** Recipients with a human open, or a human click (a click implies the mail was opened). */
  uniqueHumanOpeners: number;
  /** Click events, human and machine. */
  clicks: HumanMachine;
  uniqueHumanClickers: number;
  /** Recipients with a bounce: `hard`, `soft`, or `unclassified` when the provider did not say. */
  bounces: { hard: number; soft: number; unclassified: number };
  /** Recipients who unsubscribed. */
  unsubscribes: number;
  /** Recipients who marked the mail as spam. */
  complaints: number;
  /** Machine events (any type) per classification rule, e.g. `{ apple_mpp: 3, link_burst: 7 }`, keys sorted. */
  machineReasons: Record<string, number>;
}

/** A FirstTouch turns from a Map into a time per contact id once it holds this many contacts… */
const DENSE_FROM = 4096;
/** …and at least one contact in this many of those numbered so far. */
const DENSE_SHARE = 8;

/**
 * Contacts, by their id in one {@link accumulateCampaigns} run, and the time (epoch ms) each first
 * engaged: the start of their attribution. Few contacts are a Map of id → time; once they are
 * many, a time per id (8 bytes a contact, NaN for none) instead of a Map entry and a boxed time
 * each. Iterates `[contact, time]` in no particular order.
 */
export class FirstTouch implements Iterable<[string, number]> {
  private sparse: Map<number, number> | undefined = new Map();
  private dense: Float64Array | undefined;
  /** How many contacts have a time. */
  size = 0;

  /** `names`: the contact of each id, shared by every FirstTouch of the run (it grows as contacts come). */
  constructor(private readonly names: readonly string[]) {}

  /** Keeps the earliest time of contact `id`. */
  touch(id: number, at: number): void {
    let dense = this.dense;
    if (dense === undefined) {
      const sparse = this.sparse!;
      const prev = sparse.get(id);
      if (prev === undefined) {
        sparse.set(id, at);
        this.size += 1;
        if (this.size >= DENSE_FROM && this.size * DENSE_SHARE >= this.names.length) this.densify();
      } else if (at < prev) sparse.set(id, at);
      return;
    }
    if (id >= dense.length) this.dense = dense = grownTimes(dense, id + 1);
    const prev = dense[id]!;
    if (Number.isNaN(prev)) {
      dense[id] = at;
      this.size += 1;
    } else if (at < prev) dense[id] = at;
  }

  /** Every contact of `other` (of the same run) with its time, keeping the earlier of two. */
  addAll(other: FirstTouch): void {
    for (const [id, at] of other.byId()) this.touch(id, at);
  }

  /** A FirstTouch of the same run with no contact. */
  empty(): FirstTouch {
    return new FirstTouch(this.names);
  }

  *[Symbol.iterator](): Generator<[string, number]> {
    for (const [id, at] of this.byId()) yield [this.names[id]!, at];
  }

  private *byId(): Generator<[number, number]> {
    if (this.dense === undefined) {
      yield* this.sparse!;
      return;
    }
    const dense = this.dense;
    for (let id = 0; id < dense.length; id++) if (!Number.isNaN(dense[id]!)) yield [id, dense[id]!];
  }

  private densify(): void {
    let length = this.names.length;
    for (const id of this.sparse!.keys()) length = Math.max(length, id + 1);
    const dense = grownTimes(new Float64Array(0), length);
    for (const [id, at] of this.sparse!) dense[id] = at;
    this.dense = dense;
    this.sparse = undefined;
  }
}

/** `times` in an array of at least `length` (doubling), the new entries NaN (no time). */
function grownTimes(times: Float64Array, length: number): Float64Array {
  const grown = new Float64Array(Math.max(length, times.length * 2)).fill(Number.NaN);
  grown.set(times);
  return grown;
}

/** One link of a campaign, grouped by its normalised URL. */
export interface LinkAccumulator {
  url: string;
  clicks: HumanMachine;
  /** Human clickers and the time of their first human click. */
  clickers: FirstTouch;
}

/** Everything counted for one campaign in one pass over its events. */
export interface CampaignAccumulator {
  campaign: string | null;
  messages: Set<string>;
  firstAt: number;
  sent: ContactSet;
  delivered: ContactSet;
  opens: HumanMachine;
  humanOpeners: ContactSet;
  clicks: HumanMachine;
  humanClickers: ContactSet;
  hard: ContactSet;
  soft: ContactSet;
  unclassified: ContactSet;
  unsubscribed: ContactSet;
  complained: ContactSet;
  machineReasons: Map<string, number>;
  /** Contacts with a human engagement (open, click or a custom type) and when it first happened. */
  engaged: FirstTouch;
  links: Map<string, LinkAccumulator>;
}

const NOT_ENGAGEMENT: ReadonlySet<string> = new Set(FEEDBACK_DEFAULTS.nonEngagementTypes);

/**
 * Groups classified events (their `machine` flag set) by campaign and counts them. Events without a
 * campaign are grouped under `null`.
 *
 * @example
 * accumulateCampaigns(events).get('Spring tractor promo')?.delivered.size //=> 22
 */
export function accumulateCampaigns(events: Iterable<EngagementEvent>): Map<string | null, CampaignAccumulator> {
  const out = new Map<string | null, CampaignAccumulator>();
  // Contacts get small ids, one numbering for every campaign: a campaign's sets are then a bit per
  // contact, and its first touches a time per contact once they are many.
  const ids = new Map<string, number>();
  const names: string[] = [];
  for (const e of events) {
    const key = e.campaign ?? null;
    let acc = out.get(key);
    if (!acc) {
      acc = emptyAccumulator(key, e.at, names);
      out.set(key, acc);
    }
    let id = ids.get(e.contact);
    if (id === undefined) {
      ids.set(e.contact, (id = names.length));
      names.push(e.contact);
    }
    add(acc, e, id);
  }
  return out;
}

/**
 * A set of contacts by their id in one {@link accumulateCampaigns} run: a bit per contact, so a
 * campaign sent to a million contacts holds 125 KB per set, not a hash set of a million strings.
 */
export class ContactSet {
  private bits = new Uint8Array(0);
  /** How many contacts are in the set. */
  size = 0;

  add(id: number): void {
    const byte = id >>> 3;
    if (byte >= this.bits.length) {
      const grown = new Uint8Array(Math.max(byte + 1, this.bits.length * 2, 64));
      grown.set(this.bits);
      this.bits = grown;
    }
    const bit = 1 << (id & 7);
    if ((this.bits[byte]! & bit) === 0) {
      this.bits[byte]! |= bit;
      this.size += 1;
    }
  }

  /** How many of this set's contacts are in none of `others`. */
  countWithout(others: readonly ContactSet[]): number {
    let n = 0;
    for (let b = 0; b < this.bits.length; b++) {
      let byte = this.bits[b]!;
      for (const o of others) byte &= ~(o.bits[b] ?? 0);
      for (; byte !== 0; byte &= byte - 1) n += 1;
    }
    return n;
  }
}

function add(acc: CampaignAccumulator, e: EngagementEvent, id: number): void {
  const human = e.machine !== true;
  if (e.message !== undefined) acc.messages.add(e.message);
  if (!human) {
    const reason = e.machineReason ?? 'provider_flag';
    acc.machineReasons.set(reason, (acc.machineReasons.get(reason) ?? 0) + 1);
  }
  acc.firstAt = Math.min(acc.firstAt, e.at);
  switch (e.type) {
    case 'sent':
      acc.sent.add(id);
      break;
    case 'delivered':
      acc.delivered.add(id);
      break;
    case 'open':
      acc.opens[human ? 'human' : 'machine'] += 1;
      if (human) acc.humanOpeners.add(id);
      break;
    case 'click': {
      acc.clicks[human ? 'human' : 'machine'] += 1;
      if (human) {
        acc.humanClickers.add(id);
        acc.humanOpeners.add(id);
      }
      const url = normalizeLink(e.url ?? '');
      let link = acc.links.get(url);
      if (!link) {
        link = { url, clicks: { human: 0, machine: 0 }, clickers: acc.engaged.empty() };
        acc.links.set(url, link);
      }
      link.clicks[human ? 'human' : 'machine'] += 1;
      if (human) link.clickers.touch(id, e.at);
      break;
    }
    case 'bounce':
      (e.bounce === 'hard' ? acc.hard : e.bounce === 'soft' ? acc.soft : acc.unclassified).add(id);
      break;
    case 'unsubscribe':
      acc.unsubscribed.add(id);
      break;
    case 'complaint':
      acc.complained.add(id);
      break;
    default:
      break;
  }
  if (human && !NOT_ENGAGEMENT.has(e.type)) acc.engaged.touch(id, e.at);
}

/**
 * Groups links for the report: drops the `#fragment` and `utm_*` tracking parameters, keeps the rest.
 *
 * @example
 * normalizeLink('https://agri.example.com/pricing?utm_source=mail#top') //=> 'https://agri.example.com/pricing'
 */
export function normalizeLink(url: string): string {
  const hash = url.indexOf('#');
  const noHash = hash < 0 ? url : url.slice(0, hash);
  const q = noHash.indexOf('?');
  if (q < 0) return noHash;
  const kept = noHash
    .slice(q + 1)
    .split('&')
    .filter((p) => p !== '' && !p.toLowerCase().startsWith('utm_'));
  return kept.length > 0 ? `${noHash.slice(0, q)}?${kept.join('&')}` : noHash.slice(0, q);
}

/**
 * Turns an accumulator into the e-mail figures of a campaign.
 *
 * @example
 * emailStats(acc).deliveredFrom //=> 'delivered'
 */
export function emailStats(acc: CampaignAccumulator): EmailStats {
  let delivered = acc.delivered.size;
  let deliveredFrom: EmailStats['deliveredFrom'] = 'delivered';
  if (delivered === 0) {
    deliveredFrom = acc.sent.size > 0 ? 'sent_minus_bounced' : 'none';
    delivered = acc.sent.countWithout([acc.hard, acc.soft, acc.unclassified]);
  }
  return {
    sent: acc.sent.size,
    delivered,
    deliveredFrom,
    opens: { ...acc.opens },
    uniqueHumanOpeners: acc.humanOpeners.size,
    clicks: { ...acc.clicks },
    uniqueHumanClickers: acc.humanClickers.size,
    bounces: { hard: acc.hard.size, soft: acc.soft.size, unclassified: acc.unclassified.size },
    unsubscribes: acc.unsubscribed.size,
    complaints: acc.complained.size,
    machineReasons: sortedRecord(acc.machineReasons),
  };
}

function sortedRecord(map: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...map].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

/**
 * Adds e-mail figures of several campaigns (recipients per campaign add up).
 *
 * @example
 * sumEmailStats([promo, webinar]).delivered //=> 44
 */
export function sumEmailStats(list: readonly EmailStats[]): EmailStats {
  const from = new Set(list.map((s) => s.deliveredFrom));
  const sum = (f: (s: EmailStats) => number): number => list.reduce((t, s) => t + f(s), 0);
  return {
    sent: sum((s) => s.sent),
    delivered: sum((s) => s.delivered),
    deliveredFrom: from.has('sent_minus_bounced') ? 'sent_minus_bounced' : from.has('delivered') ? 'delivered' : 'none',
    opens: { human: sum((s) => s.opens.human), machine: sum((s) => s.opens.machine) },
    uniqueHumanOpeners: sum((s) => s.uniqueHumanOpeners),
    clicks: { human: sum((s) => s.clicks.human), machine: sum((s) => s.clicks.machine) },
    uniqueHumanClickers: sum((s) => s.uniqueHumanClickers),
    bounces: { hard: sum((s) => s.bounces.hard), soft: sum((s) => s.bounces.soft), unclassified: sum((s) => s.bounces.unclassified) },
    unsubscribes: sum((s) => s.unsubscribes),
    complaints: sum((s) => s.complaints),
    machineReasons: sortedRecord(
      list.reduce((m, s) => {
        for (const [k, v] of Object.entries(s.machineReasons)) m.set(k, (m.get(k) ?? 0) + v);
        return m;
      }, new Map<string, number>()),
    ),
  };
}

function emptyAccumulator(campaign: string | null, at: number, names: readonly string[]): CampaignAccumulator {
  return {
    campaign,
    messages: new Set(),
    firstAt: at,
    sent: new ContactSet(),
    delivered: new ContactSet(),
    opens: { human: 0, machine: 0 },
    humanOpeners: new ContactSet(),
    clicks: { human: 0, machine: 0 },
    humanClickers: new ContactSet(),
    hard: new ContactSet(),
    soft: new ContactSet(),
    unclassified: new ContactSet(),
    unsubscribed: new ContactSet(),
    complained: new ContactSet(),
    machineReasons: new Map(),
    engaged: new FirstTouch(names),
    links: new Map(),
  };
}
