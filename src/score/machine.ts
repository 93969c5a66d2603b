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

/**
 * Classifies a contact's hits (sorted by `compareHits`) with the behavioural rules, per message:
 * honeypot (purge clicks within ±N s of a honeypot click), ≥ N distinct links within S s, every
 * known link of the campaign (≥ 3) clicked within S s, two events in the same second (Marketo proximity), an open or
 * click within S s of delivery. Returns the machine reason per hit, `undefined` for human.
 */
export function classifyHits(hits: readonly Hit[], delivered: ReadonlyMap<string, number>, ctx: MachineContext): (string | undefined)[] {
  const reasons: (string | undefined)[] = hits.map((h) => h.pre);
  const groups = new Map<string, number[]>();
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    const key = messageKey(h);
    if (key === undefined || !isEngagement(h)) continue;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  if (groups.size === 0) return reasons;
  const m = ctx.model.machine;
  // The strongest behavioural reason found per hit (groups are disjoint: each hit is marked by its own group only).
  const found: (string | undefined)[] = new Array<string | undefined>(hits.length);
  const mark = (i: number, reason: string): void => {
    const prev = found[i];
    if (prev === undefined || MACHINE_REASONS.indexOf(reason as never) < MACHINE_REASONS.indexOf(prev as never)) found[i] = reason;
  };
  const clickUrl = (i: number): string | undefined => (hits[i]!.type === 'click' ? hits[i]!.url : undefined);
  const keyOf = (i: number): string => ctx.rules.link(clickUrl(i)!).key;
  for (const [key, all] of groups) {
    if (m.honeypot.enabled && m.honeypot.patterns.length > 0) {
      for (const t of all) {
        const url = clickUrl(t);
        if (url === undefined || !ctx.rules.isHoneypot(url)) continue;
        const at = hits[t]!.at;
        for (const i of all) if (hits[i]!.type === 'click' && Math.abs(hits[i]!.at - at) <= m.honeypot.seconds * 1000) mark(i, 'honeypot');
      }
    }
    const cand = all.filter((i) => hits[i]!.pre === undefined);
    if (m.afterDelivery.enabled) {
      const d = delivered.get(key);
      if (d !== undefined) for (const i of cand) if (hits[i]!.at - d >= 0 && hits[i]!.at - d <= m.afterDelivery.seconds * 1000) mark(i, 'after_delivery');
    }
    if (m.proximity.enabled) {
      for (let k = 1; k < cand.length; k++) {
        const a = cand[k - 1]!;
        const b = cand[k]!;
        if (Math.floor(hits[b]!.at / 1000) - Math.floor(hits[a]!.at / 1000) <= m.proximity.seconds) {
          mark(a, 'same_second');
          mark(b, 'same_second');
        }
      }
    }
    const clicks = cand.filter((i) => clickUrl(i) !== undefined);
    if (clicks.length === 0) continue;
    if (m.linkBurst.enabled) {
      for (let s = 0, e = 0; s < clicks.length; s++) {
        if (e < s) e = s;
        while (e + 1 < clicks.length && hits[clicks[e + 1]!]!.at - hits[clicks[s]!]!.at <= m.linkBurst.seconds * 1000) e++;
        if (e - s + 1 < m.linkBurst.links) continue; // fewer clicks than links: no burst
        const window = clicks.slice(s, e + 1);
        if (new Set(window.map(keyOf)).size >= m.linkBurst.links) for (const i of window) mark(i, 'link_burst');
      }
    }
    if (m.allLinks.enabled && clicks.length >= m.allLinks.minLinks) {
      const ck = campaignKey(hits[all[0]!]!);
      const known = ck === undefined ? undefined : ctx.campaignLinks.get(ck);
      if (known && known.size >= m.allLinks.minLinks) {
        const first = new Map<string, number>();
        for (const i of clicks) if (!first.has(keyOf(i))) first.set(keyOf(i), i);
        const times = [...first.values()].map((i) => hits[i]!.at);
        const span = Math.max(...times) - Math.min(...times);
        if ([...known].every((k) => first.has(k)) && span <= m.allLinks.seconds * 1000) for (const i of first.values()) mark(i, 'all_links_clicked');
      }
    }
  }
  for (let i = 0; i < hits.length; i++) if (reasons[i] === undefined && found[i] !== undefined) reasons[i] = found[i];
  return reasons;
}
