// The scorer itself: a reducer over events, built from a resolved model and parsed contacts. It
// imports no validation library (createScorer.ts checks the inputs first), so that a worker thread
// given inputs already checked loads none.
import type { Contact, ContactInput } from '../model/contact.js';
import type { EngagementEvent } from '../model/event.js';
import { LeadrankError, showValue } from '../model/errors.js';
import type { ScoredContact } from '../model/scored.js';
import type { TimeInput } from '../model/time.js';
import { finalizeContacts } from './finalize.js';
import { compileLinkRules, type LinkRules } from './links.js';
import { createUserAgentTest, preClassify, type MachineContext } from './machine.js';
import type { ScoringModel, ScoringModelInput } from './schema.js';
import { campaignKey, compareHits, compareStrings, hitToJson, messageKey, newContactState, type ContactState, type HitJson } from './state.js';

/** Options of `createScorer` and `scoreContacts`. */
export interface ScoreOptions {
  /** The moment scores are computed for: a `Date`, epoch ms or an ISO 8601 string. Never the clock. */
  asOf: TimeInput;
  /** A scoring config (partial; merged over the defaults) or a resolved model. */
  model?: ScoringModelInput | ScoringModel;
  /** CRM records: they give fit, `doNotCall` and `details`; contacts without events are listed too. */
  contacts?: readonly (ContactInput | Contact)[];
}

/** A scorer's state as JSON: canonical (sorted), so equal states serialize to identical bytes. */
export interface ScorerJson {
  version: 1;
  asOf: number;
  model: ScoringModel;
  contacts: Contact[];
  campaignLinks: [string, string[]][];
  states: [string, { future: number; counts: [string, number][]; delivered: [string, number][]; hits: HitJson[] }][];
}

/** A mergeable reducer over events: `add`, `merge`, `toJSON`, `finalize`. */
export interface Scorer {
  /** Folds one event in. Cheap: no validation library, no regex compiled, no date library. */
  add(event: EngagementEvent): Scorer;
  /** Folds another scorer's events in (same `asOf` and model). Order of merges never matters. */
  merge(other: Scorer): Scorer;
  /** The state as canonical JSON (restore with `restoreScorer`). */
  toJSON(): ScorerJson;
  /** The ranked scored contacts, exactly as `scoreContacts` returns them. */
  finalize(): ScoredContact[];
  readonly asOf: number;
  readonly model: ScoringModel;
}

function badEvent(event: unknown, field: string, value: unknown): LeadrankError {
  const src = (event as { source?: { format?: unknown; record?: unknown } } | null)?.source;
  const row = typeof src?.record === 'number' ? src.record : undefined;
  const file = typeof src?.format === 'string' ? src.format : undefined;
  return new LeadrankError([
    { code: 'invalid_event', ...(file === undefined ? {} : { file }), ...(row === undefined ? {} : { row }), field, message: `is not valid (got ${showValue(value)})` },
  ]);
}

interface Internals {
  asOf: number;
  model: ScoringModel;
  modelJson: string;
  contacts: Map<string, Contact>;
  states: Map<string, ContactState>;
  campaignLinks: Map<string, Set<string>>;
  ctx: MachineContext & { rules: LinkRules };
  isBotAgent: (ua: string) => boolean;
  /** Keeps one copy of each repeated string (campaigns, messages, URLs, types). */
  pool: Map<string, string>;
  /** When set, hits remember their input index (for `classifyMachineEvents`). */
  nextRef: number;
}

const INTERNALS = new WeakMap<Scorer, Internals>();

/** @internal The scorer's internals, for `classifyMachineEvents` and `contactFeatures`. */
export function scorerInternals(scorer: Scorer): Internals {
  const s = INTERNALS.get(scorer);
  if (!s) throw new LeadrankError('expected a scorer made by createScorer or restoreScorer');
  return s;
}

/**
 * @internal A scorer for a resolved model (`resolveScoringModel`) and parsed contacts by e-mail, as
 * `createScorer` makes it after checking its options; inputs are trusted, not checked.
 */
export function buildScorer(asOf: number, model: ScoringModel, contacts: Map<string, Contact>): Scorer {
  const campaignLinks = new Map<string, Set<string>>();
  const rules = compileLinkRules(model);
  const s: Internals = {
    asOf,
    model,
    modelJson: JSON.stringify(model),
    contacts,
    states: new Map(),
    campaignLinks,
    ctx: { model, rules, campaignLinks },
    isBotAgent: createUserAgentTest(),
    pool: new Map(),
    nextRef: -1,
  };
  const intern = (v: string | undefined): string | undefined => {
    if (v === undefined) return undefined;
    const got = s.pool.get(v);
    if (got !== undefined) return got;
    s.pool.set(v, v);
    return v;
  };
  const stateOf = (contact: string): ContactState => {
    let st = s.states.get(contact);
    if (!st) {
      st = newContactState();
      s.states.set(contact, st);
    }
    return st;
  };
  const addLink = (campaign: string, key: string) => {
    let set = campaignLinks.get(campaign);
    if (!set) campaignLinks.set(campaign, (set = new Set()));
    set.add(key);
  };

  const scorer: Scorer = {
    asOf,
    model,
    add(event) {
      if (event === null || typeof event !== 'object') throw badEvent(event, 'event', event);
      const { contact, type, at } = event;
      if (typeof contact !== 'string' || contact === '') throw badEvent(event, 'contact', contact);
      if (typeof type !== 'string' || type === '') throw badEvent(event, 'type', type);
      if (typeof at !== 'number' || !Number.isFinite(at)) throw badEvent(event, 'at', at);
      const ref = s.nextRef >= 0 ? s.nextRef++ : -1;
      const st = stateOf(contact);
      if (at > asOf) {
        st.future++;
        return scorer;
      }
      if (type === 'sent' || type === 'delivered') {
        st.counts.set(type, (st.counts.get(type) ?? 0) + 1);
        const key = messageKey(event);
        if (key !== undefined) {
          const prev = st.delivered.get(key);
          if (prev === undefined || at < prev) st.delivered.set(intern(key)!, at);
        }
        return scorer;
      }
      const pre = preClassify(event, model, s.isBotAgent);
      const hit = {
        at,
        type: intern(type)!,
        message: intern(event.message),
        campaign: intern(event.campaign),
        url: intern(event.url),
        pre: intern(pre),
        bounce: type === 'bounce' ? (event.bounce ?? 'hard') : undefined,
        ref,
      };
      st.hits.push(hit);
      if (pre === undefined && type === 'click' && hit.url !== undefined) {
        const ck = campaignKey(hit);
        if (ck !== undefined) addLink(ck, rules.link(hit.url).key);
      }
      return scorer;
    },
    merge(other) {
      const o = scorerInternals(other);
      if (o === s) throw new LeadrankError('cannot merge a scorer into itself');
      if (o.asOf !== asOf) throw new LeadrankError([{ code: 'invalid_usage', field: 'asOf', message: `differs between merged scorers (got ${o.asOf}, expected ${asOf})` }]);
      if (o.modelJson !== s.modelJson) throw new LeadrankError([{ code: 'invalid_usage', field: 'model', message: 'differs between merged scorers' }]);
      for (const [email, c] of o.contacts) {
        const mine = s.contacts.get(email);
        if (mine === undefined || JSON.stringify(c) < JSON.stringify(mine)) s.contacts.set(email, c);
      }
      for (const [ck, set] of o.campaignLinks) for (const k of set) addLink(ck, k);
      for (const [email, ost] of o.states) {
        const st = stateOf(email);
        st.future += ost.future;
        for (const [t, n] of ost.counts) st.counts.set(t, (st.counts.get(t) ?? 0) + n);
        for (const [k, at] of ost.delivered) {
          const prev = st.delivered.get(k);
          if (prev === undefined || at < prev) st.delivered.set(k, at);
        }
        for (const h of ost.hits) st.hits.push({ ...h });
      }
      return scorer;
    },
    toJSON() {
      const sortedEntries = <V>(m: Map<string, V>) => [...m].sort((a, b) => compareStrings(a[0], b[0]));
      return {
        version: 1,
        asOf,
        model,
        contacts: sortedEntries(s.contacts).map(([, c]) => c),
        campaignLinks: sortedEntries(campaignLinks).map(([k, set]) => [k, [...set].sort(compareStrings)]),
        states: sortedEntries(s.states).map(([email, st]) => [
          email,
          {
            future: st.future,
            counts: sortedEntries(st.counts),
            delivered: sortedEntries(st.delivered),
            hits: [...st.hits].sort(compareHits).map(hitToJson),
          },
        ]),
      };
    },
    finalize() {
      return finalizeContacts(s.states, s.contacts, asOf, s.ctx);
    },
  };
  INTERNALS.set(scorer, s);
  return scorer;
}
