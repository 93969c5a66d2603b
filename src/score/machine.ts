import { isbot } from 'isbot';
import type { LinkRules } from './links.js';
import type { ScoringModel } from './schema.js';
import { campaignKey, messageKey, type Hit } from './state.js';

/** Machine reasons, snake_case, in the order a reason is chosen when several rules fire. */
export const MACHINE_REASONS = [
  'provider_flag',
  'apple_mpp',
  'bot_user_agent',
  'honeypot',
  'link_burst',
  'all_links_clicked',
  'same_second',
  'after_delivery',
] as const;

/** What a detector needs besides the model: compiled link rules and a user-agent cache. */
export interface MachineContext {
  model: ScoringModel;
  rules: LinkRules;
  /** Per campaign: the distinct links clicked by anyone, not counting pre-flagged machine clicks. */
  campaignLinks: ReadonlyMap<string, ReadonlySet<string>>;
}

/** A per-scorer cache of `isbot` results, so each distinct user agent is tested once. */
export function createUserAgentTest(): (ua: string) => boolean {
  const cache = new Map<string, boolean>();
  return (ua) => {
    let v = cache.get(ua);
    if (v === undefined) {
      v = isbot(ua);
      cache.set(ua, v);
    }
    return v;
  };
}

/**
 * Classifies one event on arrival from its own fields: the provider's flag, an Apple MPP open (user
 * agent exactly `Mozilla/5.0` by default), a known bot user agent. These events never count as
 * evidence against other events, so adding machine traffic never changes anyone's score.
 */
export function preClassify(
  event: { type: string; machine?: boolean | undefined; machineReason?: string | undefined; userAgent?: string | undefined },
  model: ScoringModel,
  isBotAgent: (ua: string) => boolean,
): string | undefined {
  const m = model.machine;
  if (m.providerFlag.enabled && event.machine === true) return event.machineReason || 'provider_flag';
  const ua = event.userAgent;
  if (ua === undefined || ua === '') return undefined;
  if (m.appleMpp.enabled && event.type === 'open' && m.appleMpp.userAgents.includes(ua.trim())) return 'apple_mpp';
  if (m.botUserAgent.enabled && isBotAgent(ua)) return 'bot_user_agent';
  return undefined;
}

const isEngagement = (h: Hit): boolean => h.type === 'open' || h.type === 'click';

/** The rank of each machine reason (lower is stronger). */
const REASON_RANK: ReadonlyMap<string, number> = new Map(MACHINE_REASONS.map((r, i) => [r, i]));

/** The strongest of two reasons (a reason outside {@link MACHINE_REASONS} is weaker than all). */
function stronger(prev: string | undefined, reason: string): string {
  if (prev === undefined) return reason;
  return (REASON_RANK.get(reason) ?? -1) < (REASON_RANK.get(prev) ?? -1) ? reason : prev;
}

// Scratch space of classifyHits, reused from call to call (it runs to the end, never re-entered):
// per hit its group (a message key's index in `groupKeys`, -1 for none); the hits of every group,
// group after group (`members`, group g from `groupStart[g]`), each in hit order; and one group's
// candidates (not pre-classified) and their clicks, as indices into the hits. A contact of more
// hits than `SCRATCH` gets arrays of its own, so that one huge contact leaves no memory behind.
const groupKeys: string[] = [];
const groupIndex = new Map<string, number>();
const SCRATCH = 4096;
const shared = scratchOf(SCRATCH);

function scratchOf(n: number) {
  return { groupOf: new Int32Array(n), groupStart: new Int32Array(n + 1), members: new Int32Array(n), candOf: new Int32Array(n), clicksOf: new Int32Array(n) };
}

/**
 * Classifies a contact's hits (sorted by `compareHits`) with the behavioural rules, per message:
 * honeypot (purge clicks within ±N s of a honeypot click), ≥ N distinct links within S s, every
 * known link of the campaign (≥ 3) clicked within S s, two events in the same second (Marketo proximity), an open or
 * click within S s of delivery. Returns the machine reason per hit, `undefined` for human.
 */
export function classifyHits(hits: readonly Hit[], delivered: ReadonlyMap<string, number>, ctx: MachineContext): (string | undefined)[] {
  const n = hits.length;
  const reasons: (string | undefined)[] = hits.map((h) => h.pre);
  const { groupOf, groupStart, members, candOf, clicksOf } = n <= SCRATCH ? shared : scratchOf(n);
  // Groups by message key, in the order their keys first come (a short list; a map past 16 keys).
  groupKeys.length = 0;
  if (groupIndex.size > 0) groupIndex.clear(); // (clear() makes a new table even when empty)
  for (let i = 0; i < n; i++) {
    const h = hits[i]!;
    const key = messageKey(h);
    groupOf[i] = -1;
    if (key === undefined || !isEngagement(h)) continue;
    let g = -1;
    if (groupKeys.length <= 16) {
      for (let k = 0; k < groupKeys.length; k++) {
        if (groupKeys[k] === key) {
          g = k;
          break;
        }
      }
    } else g = groupIndex.get(key) ?? -1;
    if (g < 0) {
      g = groupKeys.push(key) - 1;
      if (groupKeys.length === 17) for (let k = 0; k < groupKeys.length; k++) groupIndex.set(groupKeys[k]!, k);
      else if (groupKeys.length > 17) groupIndex.set(key, g);
    }
    groupOf[i] = g;
  }
  const groups = groupKeys.length;
  if (groups === 0) return reasons;
  // Each group's hits together, in hit order (a counting sort by group).
  groupStart.fill(0, 0, groups + 1);
  for (let i = 0; i < n; i++) if (groupOf[i]! >= 0) groupStart[groupOf[i]! + 1]! += 1;
  for (let g = 0; g < groups; g++) groupStart[g + 1]! += groupStart[g]!;
  for (let i = 0; i < n; i++) {
    const g = groupOf[i]!;
    if (g >= 0) members[groupStart[g]!++] = i;
  }
  for (let g = groups; g > 0; g--) groupStart[g] = groupStart[g - 1]!; // back to each group's start
  groupStart[0] = 0;
  const m = ctx.model.machine;
  // The strongest behavioural reason found per hit (groups are disjoint: each hit is marked by its own group only).
  let found: (string | undefined)[] | undefined;
  const mark = (i: number, reason: string): void => {
    found ??= new Array<string | undefined>(n);
    found[i] = stronger(found[i], reason);
  };
  const clickUrl = (i: number): string | undefined => (hits[i]!.type === 'click' ? hits[i]!.url : undefined);
  const keyOf = (i: number): string => ctx.rules.link(clickUrl(i)!).key;
  const honeypot = m.honeypot.enabled && m.honeypot.patterns.length > 0;
  for (let g = 0; g < groups; g++) {
    const key = groupKeys[g]!;
    // The group's hits are members[from, to); the candidates among them (not classified on arrival) and the candidates' clicks, in hit order.
    const from = groupStart[g]!;
    const to = groupStart[g + 1]!;
    let nc = 0;
    let nk = 0;
    for (let a = from; a < to; a++) {
      const i = members[a]!;
      if (hits[i]!.pre !== undefined) continue;
      candOf[nc++] = i;
      if (clickUrl(i) !== undefined) clicksOf[nk++] = i;
    }
    if (honeypot) {
      for (let a = from; a < to; a++) {
        const t = members[a]!;
        const url = clickUrl(t);
        if (url === undefined || !ctx.rules.isHoneypot(url)) continue;
        const at = hits[t]!.at;
        for (let b = from; b < to; b++) {
          const i = members[b]!;
          if (hits[i]!.type === 'click' && Math.abs(hits[i]!.at - at) <= m.honeypot.seconds * 1000) mark(i, 'honeypot');
        }
      }
    }
    if (m.afterDelivery.enabled) {
      const d = delivered.get(key);
      if (d !== undefined) {
        for (let c = 0; c < nc; c++) {
          const i = candOf[c]!;
          if (hits[i]!.at - d >= 0 && hits[i]!.at - d <= m.afterDelivery.seconds * 1000) mark(i, 'after_delivery');
        }
      }
    }
    if (m.proximity.enabled) {
      for (let k = 1; k < nc; k++) {
        const a = candOf[k - 1]!;
        const b = candOf[k]!;
        if (Math.floor(hits[b]!.at / 1000) - Math.floor(hits[a]!.at / 1000) <= m.proximity.seconds) {
          mark(a, 'same_second');
          mark(b, 'same_second');
        }
      }
    }
    if (nk === 0) continue;
    if (m.linkBurst.enabled) {
      for (let s = 0, e = 0; s < nk; s++) {
        if (e < s) e = s;
        while (e + 1 < nk && hits[clicksOf[e + 1]!]!.at - hits[clicksOf[s]!]!.at <= m.linkBurst.seconds * 1000) e++;
        if (e - s + 1 < m.linkBurst.links) continue; // fewer clicks than links: no burst
        const window = Array.from({ length: e - s + 1 }, (_, k) => clicksOf[s + k]!);
        if (new Set(window.map(keyOf)).size >= m.linkBurst.links) for (const i of window) mark(i, 'link_burst');
      }
    }
    if (m.allLinks.enabled && nk >= m.allLinks.minLinks) {
      const ck = campaignKey(hits[members[from]!]!);
      const known = ck === undefined ? undefined : ctx.campaignLinks.get(ck);
      if (known && known.size >= m.allLinks.minLinks) {
        const first = new Map<string, number>();
        for (let k = 0; k < nk; k++) {
          const i = clicksOf[k]!;
          if (!first.has(keyOf(i))) first.set(keyOf(i), i);
        }
        const times = [...first.values()].map((i) => hits[i]!.at);
        const span = Math.max(...times) - Math.min(...times);
        if ([...known].every((k) => first.has(k)) && span <= m.allLinks.seconds * 1000) for (const i of first.values()) mark(i, 'all_links_clicked');
      }
    }
  }
  if (found !== undefined) for (let i = 0; i < n; i++) if (reasons[i] === undefined && found[i] !== undefined) reasons[i] = found[i];
  return reasons;
}
