import type { DetectSample, ProviderAdapter } from './adapter.js';
import { DETECT_SAMPLE_SIZE } from './adapter.js';
import type { Container, IngestInput } from './container.js';
import { Unparsable, readContainer } from './container.js';
import { isObj } from './fields.js';
import { guessMapping, unknownShape } from './mapping.js';
import { leadrank } from './providers/leadrank.js';
import { PROVIDERS } from './providers/index.js';
import type { FormatDetection } from './result.js';

/** The lowest score that lets a provider win auto-detection. @default 0.5 */
export const DETECT_THRESHOLD = 0.5;

/**
 * Says which provider produced `sample` and why: every registered adapter scores the start of the
 * input; the best score of at least {@link DETECT_THRESHOLD} wins (ties go to the earlier adapter).
 * When none does but common columns (email, event, timestamp, …) are present, the answer is
 * `generic` with the guessed columns. A shape nobody recognises throws a `LeadrankError` that lists
 * the fields seen and shows how to pass a mapping.
 *
 * @example
 * detectFormat('[{"email":"a@x.com","event":"open","timestamp":1,"sg_event_id":"x"}]').format //=> 'sendgrid'
 */
export function detectFormat(sample: IngestInput): FormatDetection {
  return detectContainer(readContainer(sample));
}

/**
 * {@link detectFormat} on an input already read into its container; `file` names it in errors.
 *
 * @example
 * detectContainer(readContainer(text), 'events.csv')
 */
export function detectContainer(container: Container, file?: string): FormatDetection {
  const s = detectSample(container);
  const adapters: readonly ProviderAdapter[] = [...PROVIDERS, leadrank];
  const candidates = adapters.map((a) => {
    let d = { score: 0, reasons: [] as string[] };
    try {
      d = a.detect(s);
    } catch {
      // A detector that fails on odd input simply does not claim it.
    }
    return { format: a.name, score: Number.isFinite(d.score) ? Math.max(0, Math.min(1, d.score)) : 0, reasons: d.reasons };
  });
  let best = candidates[0];
  for (const c of candidates) if (best === undefined || c.score > best.score) best = c;
  if (best !== undefined && best.score >= DETECT_THRESHOLD) return { ...best, candidates };
  const keys = sampleKeys(s);
  const guess = guessMapping(keys);
  if (guess.mapping.contact !== undefined && guess.mapping.type !== undefined && guess.mapping.at !== undefined) {
    return { format: 'generic', score: 0.4, reasons: [`no provider recognised; guessed columns ${guess.reasons.join(', ')}`], candidates };
  }
  throw unknownShape(keys, file);
}

/**
 * The detection sample of a container: headers, root, and the first records with arrays flattened.
 *
 * @example
 * detectSample(readContainer('[{"a":1}]')).records //=> [{ a: 1 }]
 */
export function detectSample(container: Container): DetectSample {
  const records: unknown[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (records.length >= DETECT_SAMPLE_SIZE || v instanceof Unparsable) return;
    if (Array.isArray(v) && depth < 2) for (const x of v.slice(0, DETECT_SAMPLE_SIZE)) visit(x, depth + 1);
    else if (!Array.isArray(v)) records.push(v);
  };
  for (const item of container.items.slice(0, DETECT_SAMPLE_SIZE)) visit(item, 0);
  return { kind: container.kind, headers: container.headers, root: container.root, records };
}

/**
 * The column names a sample shows: CSV headers, or the keys of its first records (and of a wrapped list).
 *
 * @example
 * sampleKeys(detectSample(readContainer('a,b\n1,2'))) //=> ['a', 'b']
 */
export function sampleKeys(s: DetectSample): string[] {
  if (s.kind === 'csv') return [...s.headers];
  const keys = new Set<string>();
  for (const r of s.records) if (isObj(r)) for (const k of Object.keys(r).slice(0, 100)) keys.add(k);
  return [...keys];
}
