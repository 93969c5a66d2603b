import { LeadrankError, parseOrThrow } from '../model/errors.js';
import type { CallOutcome, CallOutcomeInput, Disposition } from '../model/outcome.js';
import type { Tier } from '../model/scored.js';
import { toEpochMs } from '../model/time.js';
import type { TimeInput } from '../model/time.js';
import { callHistories } from './callHistory.js';
import { daysBetween, flagText, matchCondition } from './segmentConditions.js';
import type { SegmentLead, SegmentSubject } from './segmentConditions.js';
import { SEGMENT_FLAGS, SegmentsConfigSchema } from './segmentRules.js';
import type { SegmentFlag, SegmentRuleInput, SegmentsConfig } from './segmentRules.js';

/** Options of {@link buildSegments}. */
export interface BuildSegmentsOptions {
  /** The day the lists are for ("days since the last call" count to it). Outcomes after it are left out. */
  asOf: TimeInput;
  /** Call outcomes so far. */
  outcomes?: readonly (CallOutcomeInput | CallOutcome)[];
  /** The segment rules, in output order. @default DEFAULT_SEGMENT_RULES */
  rules?: readonly SegmentRuleInput[];
  /** Flags that keep a contact out of every segment unless a rule overrides. @default ["optedOut","complained"] */
  excludeFlags?: readonly SegmentFlag[];
}

/** One contact on a segment list, with why it is there. */
export interface SegmentMember {
  contact: string;
  /** `null` for a contact known only from call outcomes. */
  score: number | null;
  tier: Tier | null;
  label: string | null;
  /** Interest topics, strongest first. */
  topics: string[];
  lastDisposition: Disposition | null;
  /** Epoch ms of the latest call. */
  lastCalledAt: number | null;
  /** The sentences of every rule condition that matched, in rule order. */
  why: string[];
  name?: string;
  company?: string;
  phone?: string;
}

/** A named list of contacts for the next campaign. */
export interface Segment {
  name: string;
  description: string;
  /** Highest score first (unscored last), then e-mail. */
  contacts: SegmentMember[];
}

/** A contact a rule matched but a flag kept out of the segment. */
export interface SegmentExclusion {
  segment: string;
  contact: string;
  flag: SegmentFlag;
  reason: string;
}

/** The output of {@link buildSegments}. */
export interface SegmentsResult {
  asOf: number;
  segments: Segment[];
  /** Matched but left out, per segment and contact (nothing silent). */
  excluded: SegmentExclusion[];
  /** Outcomes dated after `asOf`, left out of this run. */
  outcomesAfterAsOf: number;
}

/**
 * Builds marketing's contact lists for the next campaign from scored contacts and call outcomes, by
 * named, configurable rules. Every member carries why it is on the list; contacts with an excluded flag
 * (opted out, complained by default) are reported in `excluded` instead. Same inputs in any order give
 * the same result.
 *
 * @param scored - the output of `scoreContacts` (or any objects with the {@link SegmentLead} fields)
 * @param options - `asOf`, call `outcomes`, `rules` (JSON, validated) and `excludeFlags`
 * @returns the segments in rule order, the exclusions, and the outcomes after `asOf` that were left out
 * @example
 * const { segments } = buildSegments(scored, { asOf: '2026-11-23', outcomes });
 * segments.map((s) => `${s.name}: ${s.contacts.length}`)
 * //=> ['hot-not-yet-called: 2', 'interested-nurture: 2', 'not-interested-90-days: 2', 'unreachable: 2', 'won: 2']
 */
export function buildSegments(scored: readonly SegmentLead[], options: BuildSegmentsOptions): SegmentsResult {
  if (!Array.isArray(scored)) {
    throw new LeadrankError([{ code: 'invalid_type', field: 'scored', message: 'must be an array of scored contacts' }]);
  }
  const asOf = toEpochMs(options.asOf);
  const config: SegmentsConfig = parseOrThrow(
    SegmentsConfigSchema,
    {
      ...(options.rules === undefined ? {} : { rules: options.rules }),
      ...(options.excludeFlags === undefined ? {} : { excludeFlags: options.excludeFlags }),
    },
    { field: 'segments' },
  );
  const { byContact, afterAsOf } = callHistories(options.outcomes ?? [], asOf);
  const subjects = new Map<string, SegmentSubject>();
  scored.forEach((sc, i) => {
    if (subjects.has(sc.contact)) {
      throw new LeadrankError([{ code: 'duplicate_contact', row: i + 1, field: 'contact', message: `appears twice in the scored contacts (got ${JSON.stringify(sc.contact)})` }]);
    }
    subjects.set(sc.contact, { contact: sc.contact, scored: sc, flags: noFlags() });
  });
  for (const [contact, history] of byContact) {
    const s = subjects.get(contact) ?? { contact, flags: noFlags() };
    s.history = history;
    s.daysSinceCall = daysBetween(history.summary.lastCalledAt, asOf);
    subjects.set(contact, s);
  }
  for (const s of subjects.values()) s.flags = flagsOf(s);
  const ordered = [...subjects.values()].sort(compareSubjects);

  const segments: Segment[] = [];
  const excluded: SegmentExclusion[] = [];
  for (const rule of config.rules) {
    const contacts: SegmentMember[] = [];
    const excludeFlags = rule.excludeFlags ?? config.excludeFlags;
    for (const s of ordered) {
      const why = matchAny(rule.when, s);
      if (why === null || rule.unless.some((c) => matchCondition(c, s) !== null)) continue;
      const flag = excludeFlags.find((f) => s.flags[f]);
      if (flag !== undefined) {
        excluded.push({ segment: rule.name, contact: s.contact, flag, reason: flagText(flag) });
        continue;
      }
      contacts.push(member(s, why));
    }
    segments.push({ name: rule.name, description: rule.description ?? '', contacts });
  }
  return { asOf, segments, excluded, outcomesAfterAsOf: afterAsOf };
}

/** The reasons of every `when` condition that holds (in rule order, without repeats), or `null` if none does. */
function matchAny(conds: SegmentsConfig['rules'][number]['when'], s: SegmentSubject): string[] | null {
  const hits = conds.map((c) => matchCondition(c, s)).filter((w): w is string[] => w !== null);
  return hits.length === 0 ? null : [...new Set(hits.flat())];
}

function noFlags(): Record<SegmentFlag, boolean> {
  return Object.fromEntries(SEGMENT_FLAGS.map((f) => [f, false])) as Record<SegmentFlag, boolean>;
}

function flagsOf(s: SegmentSubject): Record<SegmentFlag, boolean> {
  const f = s.scored?.flags;
  const summary = s.history?.summary;
  return {
    optedOut: f?.optedOut ?? false,
    bounced: f?.bounced ?? false,
    complained: f?.complained ?? false,
    doNotCall: (f?.doNotCall ?? false) || (summary?.doNotCall ?? false),
    wrongNumber: summary?.wrongNumber ?? false,
  };
}

/** Highest score first, unscored last, then e-mail: a total order. */
function compareSubjects(a: SegmentSubject, b: SegmentSubject): number {
  const sa = a.scored?.score ?? Number.NEGATIVE_INFINITY;
  const sb = b.scored?.score ?? Number.NEGATIVE_INFINITY;
  if (sa !== sb) return sb > sa ? 1 : -1;
  return a.contact < b.contact ? -1 : a.contact > b.contact ? 1 : 0;
}

function member(s: SegmentSubject, why: string[]): SegmentMember {
  const sc = s.scored;
  const summary = s.history?.summary;
  const m: SegmentMember = {
    contact: s.contact,
    score: sc?.score ?? null,
    tier: sc?.tier ?? null,
    label: sc?.label ?? null,
    topics: (sc?.interests ?? []).map((i) => i.topic),
    lastDisposition: summary?.last.disposition ?? null,
    lastCalledAt: summary?.lastCalledAt ?? null,
    why,
  };
  const d = sc?.details;
  const name = d?.name ?? ([d?.firstName, d?.lastName].filter(Boolean).join(' ') || undefined);
  if (name !== undefined) m.name = name;
  if (d?.company !== undefined) m.company = d.company;
  if (d?.phone !== undefined) m.phone = d.phone;
  return m;
}
