import { compileLinkPattern, compilePattern } from './match.js';
import type { ScoringModel } from './schema.js';
import { parseLink } from './url.js';

/** What the link rules say about one clicked URL. */
export interface LinkInfo {
  /** The distinct-link key (see `parseLink`). */
  key: string;
  /** `host/path`, for reasons. */
  display: string;
  topics: readonly string[];
  multiplier: number;
  /** Replaces the click weight when a rule sets `weight`. */
  override: number | undefined;
  notInterest: boolean;
  /** How reasons name the link (`pricing`, `careers`, …), when a rule names it. */
  label: string | undefined;
}

/** Topics and weight multiplier a campaign rule gives a campaign or message. */
export interface CampaignInfo {
  topics: readonly string[];
  multiplier: number;
}

/** Link, campaign and honeypot rules compiled once per scorer, with a cache per distinct URL. */
export interface LinkRules {
  link(url: string): LinkInfo;
  campaign(campaign: string | undefined, message: string | undefined): CampaignInfo;
  isHoneypot(url: string): boolean;
}

const LOCALE = /^[a-z]{2}(?:[-_][a-z]{2,4})?$/;
const HAS_LETTER = /[a-z]/;
const EXTENSION = /\.(?:html?|php|aspx?|jsp|pdf)$/;
const NONE: CampaignInfo = Object.freeze({ topics: Object.freeze([]), multiplier: 1 });

/**
 * The first meaningful path segment: not a locale (`en`, `en-us`), not a generic word, not a number.
 *
 * @example
 * topicFromSegments(['en-us', 'tractors', 'x9'], new Set(['products'])) //=> 'tractors'
 */
export function topicFromSegments(segments: readonly string[], generic: ReadonlySet<string>): string | undefined {
  for (const raw of segments) {
    const seg = raw.toLowerCase().replace(EXTENSION, '');
    if (seg === '' || generic.has(seg) || LOCALE.test(seg) || !HAS_LETTER.test(seg)) continue;
    return seg;
  }
  return undefined;
}

/**
 * Compiles a model's link rules (configured first, then built-in; first match wins), campaign rules
 * and honeypot patterns. Results are cached per distinct URL and campaign, so `add()` stays cheap.
 *
 * @example
 * const rules = compileLinkRules(defaultScoringModel);
 * rules.link('https://agri.example.com/tractors/x9').topics //=> ['tractors']
 * rules.link('https://agri.example.com/pricing').multiplier //=> 2
 */
export function compileLinkRules(model: ScoringModel): LinkRules {
  const rules = [...model.links.rules, ...model.links.builtin].map((rule) => ({ rule, test: compileLinkPattern(rule.pattern) }));
  const generic = new Set(model.links.genericSegments.map((s) => s.toLowerCase()));
  const campaigns = model.campaigns.map((rule) => ({ rule, test: compilePattern(rule.match) }));
  const honeypots = model.machine.honeypot.enabled ? model.machine.honeypot.patterns.map(compileLinkPattern) : [];
  const linkCache = new Map<string, LinkInfo>();
  const campaignCache = new Map<string | undefined, Map<string | undefined, CampaignInfo>>();
  const honeypotCache = new Map<string, boolean>();

  function link(url: string): LinkInfo {
    const cached = linkCache.get(url);
    if (cached) return cached;
    const parsed = parseLink(url);
    const hit = rules.find((r) => r.test(parsed));
    const notInterest = hit?.rule.notInterest === true;
    let topics: readonly string[] = [];
    if (!notInterest) {
      if (hit?.rule.topics) topics = [...new Set(hit.rule.topics.map((t) => t.toLowerCase()))].sort();
      else if (model.links.topicFromPath) {
        const topic = topicFromSegments(parsed.segments, generic);
        if (topic !== undefined) topics = [topic];
      }
    }
    const info: LinkInfo = Object.freeze({
      key: parsed.key,
      display: parsed.hostPath,
      topics: Object.freeze(topics),
      multiplier: notInterest ? 0 : (hit?.rule.multiplier ?? 1),
      override: notInterest ? undefined : hit?.rule.weight,
      notInterest,
      label: hit?.rule.label,
    });
    linkCache.set(url, info);
    return info;
  }

  function campaign(name: string | undefined, message: string | undefined): CampaignInfo {
    if (campaigns.length === 0 || (name === undefined && message === undefined)) return NONE;
    let byMessage = campaignCache.get(name);
    if (byMessage === undefined) campaignCache.set(name, (byMessage = new Map()));
    const cached = byMessage.get(message);
    if (cached) return cached;
    const texts = [name, message].filter((t): t is string => t !== undefined).map((t) => t.toLowerCase());
    const found = campaigns.filter((c) => texts.some((t) => c.test(t)));
    const info: CampaignInfo =
      found.length === 0
        ? NONE
        : Object.freeze({
            topics: Object.freeze([...new Set(found.flatMap((c) => c.rule.topics.map((t) => t.toLowerCase())))].sort()),
            multiplier: found.reduce((m, c) => m * (c.rule.multiplier ?? 1), 1),
          });
    byMessage.set(message, info);
    return info;
  }

  function isHoneypot(url: string): boolean {
    if (honeypots.length === 0) return false;
    let v = honeypotCache.get(url);
    if (v === undefined) {
      const parsed = parseLink(url);
      v = honeypots.some((h) => h(parsed));
      honeypotCache.set(url, v);
    }
    return v;
  }

  return { link, campaign, isHoneypot };
}
