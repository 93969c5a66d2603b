import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { SegmentsConfigInput } from '../feedback/segmentRules.js';
import type { AllocationConfig } from '../model/config.js';
import { LeadrankConfigSchema } from '../model/config.js';
import { LeadrankError, issuesFromZod } from '../model/errors.js';
import type { LeadrankIssue } from '../model/errors.js';
import { resolveScoringModel } from '../score/resolve.js';
import type { ScoringModel } from '../score/schema.js';

/** A loaded `leadrank.json`: the resolved scoring model, and the other sections as written. */
export interface LoadedConfig {
  /** The file name shown in messages, or undefined when no config was given. */
  file?: string;
  scoring: ScoringModel;
  /** The `scoring` section as written (a partial model), kept so `calibrate` can extend it. */
  scoringInput: Record<string, unknown>;
  allocation: AllocationConfig;
  segments?: SegmentsConfigInput;
}

const RestSchema = LeadrankConfigSchema.omit({ scoring: true });

/**
 * Reads and validates `leadrank.json`. The scoring section is merged over the default model; every
 * problem throws a `LeadrankError` naming the file and the field (`leadrank.json: scoring.recency.halfLife
 * is not a scoring model field`). Without a path, the defaults.
 *
 * @example
 * const config = await loadConfig('/work/leadrank.json');
 * config.scoring.weights.events.click //=> 3
 */
export async function loadConfig(path: string | undefined): Promise<LoadedConfig> {
  if (path === undefined) return { scoring: resolveScoringModel(undefined), scoringInput: {}, allocation: {} };
  const file = basename(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new LeadrankError([{ code: 'unreadable_file', file, message: `cannot be read: ${why}` }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new LeadrankError([{ code: 'invalid_json', file, message: `is not valid JSON (${why})` }]);
  }
  return configFromJson(raw, file);
}

/**
 * Validates an already-parsed config object; see {@link loadConfig}.
 *
 * @example
 * configFromJson({ allocation: { cooldownDays: 3 } }, 'leadrank.json').allocation.cooldownDays //=> 3
 */
export function configFromJson(raw: unknown, file: string): LoadedConfig {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new LeadrankError([{ code: 'invalid_type', file, message: 'must be a JSON object with scoring, allocation and segments sections' }]);
  }
  const { scoring, ...rest } = raw as Record<string, unknown>;
  let model: ScoringModel;
  try {
    model = resolveScoringModel(scoring ?? {}, { file });
  } catch (error) {
    if (!(error instanceof LeadrankError)) throw error;
    const issues = error.issues.map((i): LeadrankIssue => ({ ...i, file, field: i.field === undefined ? 'scoring' : `scoring.${i.field}` }));
    throw new LeadrankError(issues as [LeadrankIssue, ...LeadrankIssue[]]);
  }
  const parsed = RestSchema.safeParse(rest);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error, rest, { file }).map((issue, i): LeadrankIssue => {
      const z = parsed.error.issues[i];
      if (z?.code !== 'unrecognized_keys') return issue;
      const where = z.path.map(String).join('.');
      return { file, code: 'unrecognized_key', ...(where ? { field: where } : {}), message: `has no field ${z.keys.map((k) => JSON.stringify(k)).join(', ')} (sections: ${where ? 'see leadrank.schema.json' : '$schema, scoring, allocation, segments'})` };
    });
    throw new LeadrankError(issues as [LeadrankIssue, ...LeadrankIssue[]]);
  }
  return {
    file,
    scoring: model,
    scoringInput: scoring !== null && typeof scoring === 'object' ? (scoring as Record<string, unknown>) : {},
    allocation: parsed.data.allocation ?? {},
    ...(rest['segments'] === undefined ? {} : { segments: rest['segments'] as SegmentsConfigInput }),
  };
}
