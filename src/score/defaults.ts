/**
 * The scoring model's defaults, taken from the anchors (docs/anchors): Pardot's first-open-only and
 * +3 per click, Marketo's 20-per-type-per-day cap, 0–3 s proximity rule and "floor at 0", HubSpot's
 * step decay, Mautic's "< 2 s after send", CustomerMinds' "every link clicked when ≥ 3 links",
 * autoemails' "≥ 3 unique links in < 2 s", Swiftpage's hot/warm/mild call-list tiers.
 * Every value here is the `@default` of the matching field in `ScoringModelSchema`.
 */

/**
 * Points per event type (custom types included). A bounce with `bounce: "soft"` is weighed as
 * `soft_bounce`. Types not listed weigh 0 (they are still counted).
 * @default { open: 1, click: 3, reply: 15, forward: 5, form_submit: 25, page_view: 1, unsubscribe: -10, complaint: -25, bounce: -5, soft_bounce: -1, sent: 0, delivered: 0 }
 */
export const DEFAULT_EVENT_WEIGHTS: Readonly<Record<string, number>> = Object.freeze({
  open: 1,
  click: 3,
  reply: 15,
  forward: 5,
  form_submit: 25,
  page_view: 1,
  unsubscribe: -10,
  complaint: -25,
  bounce: -5,
  soft_bounce: -1,
  sent: 0,
  delivered: 0,
});

/**
 * Types that count once per message (Pardot first-open-only; Mautic `repeatable: false`).
 * @default ["open", "reply", "forward", "form_submit", "unsubscribe", "complaint", "bounce", "soft_bounce"]
 */
export const DEFAULT_ONCE_PER_MESSAGE = Object.freeze([
  'open', 'reply', 'forward', 'form_submit', 'unsubscribe', 'complaint', 'bounce', 'soft_bounce',
] as const);

/** A link rule as written in a config. */
export interface LinkRuleDefault {
  pattern: string;
  multiplier?: number;
  notInterest?: boolean;
  label?: string;
}

/**
 * Built-in link rules, checked after the configured ones (first match wins): footer links are not
 * interest, careers/jobs pages are not buying interest, intent pages weigh double.
 */
export const DEFAULT_BUILTIN_LINK_RULES: readonly LinkRuleDefault[] = Object.freeze([
  { pattern: '*unsubscribe*', notInterest: true, label: 'unsubscribe' },
  { pattern: '*opt-out*', notInterest: true, label: 'unsubscribe' },
  { pattern: '*manage-preferences*', notInterest: true, label: 'manage preferences' },
  { pattern: '*/preferences*', notInterest: true, label: 'manage preferences' },
  { pattern: '*view-in-browser*', notInterest: true, label: 'view in browser' },
  { pattern: '*/webversion*', notInterest: true, label: 'view in browser' },
  { pattern: '*/careers*', notInterest: true, label: 'careers' },
  { pattern: '*/jobs*', notInterest: true, label: 'jobs' },
  { pattern: '*/pricing*', multiplier: 2, label: 'pricing' },
  { pattern: '*/demo*', multiplier: 2, label: 'demo' },
  { pattern: '*/quote*', multiplier: 2, label: 'quote' },
  { pattern: '*/contact*', multiplier: 2, label: 'contact' },
].map((r) => Object.freeze(r)));

/**
 * Path segments that never become a topic (besides locales such as `en`, `en-us`, `de_de`, and
 * numbers): navigation words and the intent pages.
 */
export const DEFAULT_GENERIC_SEGMENTS = Object.freeze([
  'products', 'product', 'p', 'c', 'page', 'pages', 'index', 'index.html', 'home', 'www', 'web', 'site', 'blog',
  'news', 'article', 'articles', 'campaign', 'campaigns', 'lp', 'landing', 'go', 'link', 'l', 'r', 'redirect',
  'track', 'click', 'shop', 'store', 'category', 'categories', 'info', 'learn-more', 'webinar', 'webinars',
  'register', 'registration', 'signup', 'sign-up', 'events', 'event', 'pricing', 'demo', 'quote', 'contact',
  'contact-us', 'about', 'about-us', 'downloads', 'download', 'resources',
]);

/** Recency defaults. */
export const DEFAULT_RECENCY = Object.freeze({
  /** @default "half-life" */
  mode: 'half-life' as const,
  /** @default 30 */
  halfLifeDays: 30,
  /** Events older than this score 0 in every mode. @default 180 */
  maxAgeDays: 180,
  /** HubSpot-style step decay: lose this percentage… @default 50 */
  stepPercent: 50,
  /** …every this many whole calendar months. @default 1 */
  stepMonths: 1,
  /** Marketo-style rolling window in days. @default 30 */
  windowDays: 30,
});

/** Machine-classification defaults. */
export const DEFAULT_MACHINE = Object.freeze({
  providerFlag: Object.freeze({ enabled: true }),
  appleMpp: Object.freeze({ enabled: true, userAgents: Object.freeze(['Mozilla/5.0']) }),
  botUserAgent: Object.freeze({ enabled: true }),
  afterDelivery: Object.freeze({ enabled: true, seconds: 2 }),
  proximity: Object.freeze({ enabled: true, seconds: 0 }),
  linkBurst: Object.freeze({ enabled: true, links: 3, seconds: 2 }),
  allLinks: Object.freeze({ enabled: true, minLinks: 3, seconds: 30 }),
  honeypot: Object.freeze({ enabled: true, patterns: Object.freeze([] as string[]), seconds: 30 }),
  multiplier: 0,
});

/** Tier thresholds on engagement (Swiftpage hot/warm/mild; below mild is cold). */
export const DEFAULT_TIERS = Object.freeze({ hot: 20, warm: 8, mild: 2 });

/** Grade thresholds on fit points: ≥ A is A, ≥ B is B, ≥ C is C, below is D (no fit data = C). */
export const DEFAULT_GRADES = Object.freeze({ A: 20, B: 10, C: 0 });
