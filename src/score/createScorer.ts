// createScorer and restoreScorer: the inputs checked (zod), then the scorer built (scorer.ts).
import { z } from 'zod';
import { ContactSchema, type Contact } from '../model/contact.js';
import { LeadrankError, issuesFromZod, showValue } from '../model/errors.js';
import { toEpochMs } from '../model/time.js';
import { resolveScoringModel } from './resolve.js';
import { buildScorer, scorerInternals, type Scorer, type ScorerJson, type ScoreOptions } from './scorer.js';
import { hitFromJson } from './state.js';

const ContactsSchema = z.array(ContactSchema);

function parseContacts(input: readonly unknown[]): Map<string, Contact> {
  const parsed = ContactsSchema.safeParse(input);
  if (!parsed.success) throw new LeadrankError(issuesFromZod(parsed.error, input, { field: 'contacts' }));
  const map = new Map<string, Contact>();
  parsed.data.forEach((c, i) => {
    if (map.has(c.email)) {
      throw new LeadrankError([{ code: 'duplicate_contact', field: `contacts.${i}.email`, message: `appears twice (got ${showValue(c.email)})` }]);
    }
    map.set(c.email, c);
  });
  return map;
}

/**
 * Creates a mergeable scorer: the same computation as `scoreContacts`, as a reducer. Split the events
 * into any parts, `add` each part to its own scorer, `merge` them in any order (or move them between
 * threads with `toJSON`/`restoreScorer`), and `finalize` gives exactly the one-pass result.
 *
 * @example
 * const a = createScorer({ asOf: '2026-11-23T12:00:00Z' });
 * const b = createScorer({ asOf: '2026-11-23T12:00:00Z' });
 * firstHalf.forEach((e) => a.add(e));
 * secondHalf.forEach((e) => b.add(e));
 * a.merge(b).finalize(); // same as scoreContacts([...firstHalf, ...secondHalf], { asOf })
 */
export function createScorer(options: ScoreOptions): Scorer {
  if (options === null || typeof options !== 'object') throw new LeadrankError('createScorer needs options { asOf, model?, contacts? }');
  const asOf = toEpochMs(options.asOf, 'asOf');
  const model = resolveScoringModel(options.model);
  const contacts = parseContacts(options.contacts ?? []);
  return buildScorer(asOf, model, contacts);
}

/**
 * Restores a scorer from `scorer.toJSON()` (e.g. after `JSON.parse` in another thread).
 *
 * @example
 * const copy = restoreScorer(JSON.parse(JSON.stringify(scorer)));
 */
export function restoreScorer(json: ScorerJson): Scorer {
  if (json === null || typeof json !== 'object' || json.version !== 1 || !Array.isArray(json.states)) {
    throw new LeadrankError([{ code: 'invalid_value', field: 'version', message: `is not a leadrank scorer state (got ${showValue((json as { version?: unknown } | null)?.version)})` }]);
  }
  const scorer = buildScorer(toEpochMs(json.asOf, 'asOf'), resolveScoringModel(json.model), parseContacts(json.contacts ?? []));
  const s = scorerInternals(scorer);
  for (const [ck, keys] of json.campaignLinks) s.campaignLinks.set(ck, new Set(keys));
  for (const [email, st] of json.states) {
    s.states.set(email, {
      future: st.future,
      counts: new Map(st.counts),
      delivered: new Map(st.delivered),
      hits: st.hits.map(hitFromJson),
    });
  }
  return scorer;
}
